import { loopbackBaseUrl } from '../../../src/channels/webchat/loopback-base-url';

describe('loopbackBaseUrl', () => {
  it.each([
    [{ address: '0.0.0.0', family: 'IPv4', port: 3978 }, 'http://127.0.0.1:3978'],
    [{ address: '::', family: 'IPv6', port: 3978 }, 'http://[::1]:3978'],
    [{ address: '127.0.0.1', family: 'IPv4', port: 40001 }, 'http://127.0.0.1:40001'],
    [{ address: '10.1.2.3', family: 'IPv4', port: 80 }, 'http://10.1.2.3:80'],
    [{ address: 'fe80::1', family: 'IPv6', port: 8080 }, 'http://[fe80::1]:8080'],
  ])('reaches %j at %s', (address, url) => {
    expect(loopbackBaseUrl(address)).toBe(url);
  });

  it('says so when the server is not listening on TCP', () => {
    expect(() => loopbackBaseUrl(null)).toThrow(/not listening/);
    expect(() => loopbackBaseUrl('/tmp/socket')).toThrow(/not listening/);
  });
});
