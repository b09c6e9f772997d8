import type { AddressInfo } from 'node:net';

/**
 * The URL this process can reach its own HTTP server at, from the address it listens on.
 * Never taken from a request's Host header: a client could then send the bot's replies
 * anywhere it liked.
 */
export function loopbackBaseUrl(address: AddressInfo | string | null): string {
  if (address === null || typeof address === 'string') {
    throw new Error('loopbackBaseUrl: the server is not listening on a TCP port yet');
  }
  const host = unspecified(address.address) ? loopbackFor(address.family) : address.address;
  return `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
}

function unspecified(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === '';
}

function loopbackFor(family: string): string {
  // Listening on '::' usually accepts IPv4 too, but '::1' is always there when '::' is.
  return family === 'IPv6' ? '::1' : '127.0.0.1';
}
