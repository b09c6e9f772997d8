import { isIP } from 'node:net';

/** What the client-address decision reads from a request. */
export interface AddressSource {
  /** The socket's peer address. */
  readonly remoteAddress: string | undefined;
  /** The X-Forwarded-For header, when sent. */
  readonly forwardedFor: string | undefined;
}

/**
 * The address a request comes from, for rate limits and eviction. Behind `trustedHops` proxies
 * (App Service, Front Door, a load balancer), each proxy appends the address it saw to
 * X-Forwarded-For, so the client is the entry `trustedHops` from the right; entries further left
 * are whatever the client wrote and are never trusted. Without trusted proxies the socket decides.
 * IPv6 addresses are reduced to their /64, the block one subscriber usually holds, so rotating
 * through it does not buy more requests.
 */
export function clientAddress(source: AddressSource, trustedHops: number): string {
  let address = source.remoteAddress ?? 'unknown';
  if (trustedHops > 0 && source.forwardedFor) {
    const entries = source.forwardedFor
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry.length > 0);
    // The last entry was added by the nearest proxy; `trustedHops` entries are proxies' own.
    const candidate = entries[entries.length - trustedHops];
    if (candidate !== undefined) address = stripPort(candidate);
  }
  return bucket(address);
}

/**
 * Whether the caller is a program on this machine talking to the bot directly (the Emulator, the
 * Agents Playground): the socket is loopback and, behind trusted proxies, no proxy forwarded the
 * request. A proxy on this machine connects from loopback too; what it forwards is a client's,
 * even when its chain is shorter than `trustedHops` (a proxy was skipped) or names a loopback
 * address where the client should be (written by a client that skipped a proxy). Without trusted
 * proxies only the socket is known, so a proxy on this machine makes every request look local.
 */
export function isLocalCaller(source: AddressSource, trustedHops: number): boolean {
  return isLoopback(source.remoteAddress ?? '') && (trustedHops === 0 || !source.forwardedFor);
}

/** Whether the address is this machine (IPv4 127/8, IPv6 ::1, or IPv4-mapped loopback). */
export function isLoopback(address: string): boolean {
  const plain = address.startsWith('::ffff:') ? address.slice(7) : address;
  return plain === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(plain);
}

function stripPort(entry: string): string {
  // "[2001:db8::1]:443" and "203.0.113.7:5123" carry a port; a bare IPv6 address does not.
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(entry);
  if (bracketed) return bracketed[1];
  const v4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(entry);
  return v4WithPort ? v4WithPort[1] : entry;
}

function bucket(address: string): string {
  if (address.startsWith('::ffff:') && isIP(address.slice(7)) === 4) return address.slice(7);
  if (isIP(address) !== 6) return address;
  return `${expandIpv6(address).slice(0, 4).join(':')}::/64`;
}

/** The eight 16-bit groups of an IPv6 address, as lower-case hex without leading zeros. */
function expandIpv6(address: string): string[] {
  const [head, tail] = address.toLowerCase().split('%')[0].split('::');
  const left = head ? head.split(':') : [];
  const right = tail !== undefined && tail !== '' ? tail.split(':') : [];
  const missing = 8 - left.length - right.length;
  const groups = tail === undefined ? left : [...left, ...Array<string>(Math.max(0, missing)).fill('0'), ...right];
  return groups.map((group) => (group.includes('.') ? group : String(parseInt(group, 16).toString(16))));
}
