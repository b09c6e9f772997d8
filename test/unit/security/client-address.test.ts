import { clientAddress, isLoopback } from '../../../src/http/client-address';

describe('clientAddress', () => {
  it.each([
    ['no proxy: the socket', { remoteAddress: '203.0.113.5', forwardedFor: '1.2.3.4' }, 0, '203.0.113.5'],
    [
      'one trusted proxy: the last entry',
      { remoteAddress: '10.0.0.1', forwardedFor: '6.6.6.6, 198.51.100.7' },
      1,
      '198.51.100.7',
    ],
    [
      'two trusted proxies: the second from the right',
      { remoteAddress: '10.0.0.1', forwardedFor: '6.6.6.6, 198.51.100.7, 10.0.0.2' },
      2,
      '198.51.100.7',
    ],
    [
      'a client-written entry left of the trusted ones is ignored',
      { remoteAddress: '10.0.0.1', forwardedFor: '127.0.0.1, 198.51.100.7' },
      1,
      '198.51.100.7',
    ],
    ['fewer entries than hops: the socket', { remoteAddress: '10.0.0.1', forwardedFor: '198.51.100.7' }, 2, '10.0.0.1'],
    ['no header behind a proxy: the socket', { remoteAddress: '10.0.0.1', forwardedFor: undefined }, 1, '10.0.0.1'],
    ['a port on an IPv4 entry', { remoteAddress: '10.0.0.1', forwardedFor: '198.51.100.7:5123' }, 1, '198.51.100.7'],
    ['IPv6 by its /64', { remoteAddress: '2001:db8:1:2:aaaa::1', forwardedFor: undefined }, 0, '2001:db8:1:2::/64'],
    [
      'IPv6 with a port in brackets',
      { remoteAddress: '10.0.0.1', forwardedFor: '[2001:db8:1:2::9]:443' },
      1,
      '2001:db8:1:2::/64',
    ],
    [
      'IPv6 written long or short, one bucket',
      { remoteAddress: '2001:0db8:0001:0002:0000:0000:0000:0009', forwardedFor: undefined },
      0,
      '2001:db8:1:2::/64',
    ],
    ['IPv4-mapped IPv6 as IPv4', { remoteAddress: '::ffff:198.51.100.7', forwardedFor: undefined }, 0, '198.51.100.7'],
  ])('%s', (_name, source, hops, expected) => {
    expect(clientAddress(source, hops)).toBe(expected);
  });

  it.each([
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['10.0.0.1', false],
    ['2001:db8::/64', false],
  ])('isLoopback(%s) is %s', (address, expected) => {
    expect(isLoopback(address)).toBe(expected);
  });
});
