import { isLoopback } from './client-address';

/** How the bot was deployed, as far as where it may post replies is concerned. */
export interface ServiceUrlPolicy {
  /** App credentials are set: requests carry a channel's JWT. */
  readonly authenticated: boolean;
  /** Hosts replies may go to ("*.example.com" matches subdomains), with credentials. */
  readonly allowedHosts: readonly string[];
  /** Development switch for the Emulator and Agents Playground: loopback URLs are allowed too. */
  readonly allowLoopback: boolean;
}

/** The part of an incoming activity the policy reads. */
export interface DeliveryRequest {
  readonly serviceUrl?: string;
  readonly deliveryMode?: string;
}

/**
 * Why the bot must not take this activity, or undefined when it may. The bot posts its replies
 * to the activity's serviceUrl unless the caller asked for them in the response
 * (deliveryMode expectReplies), so an unchecked serviceUrl makes the bot an open relay. Anonymous
 * bots (the website setup) take only expectReplies calls, whose serviceUrl is never used; local
 * tools get loopback URLs behind an explicit switch; authenticated bots post only to the Bot
 * Framework's own hosts over https.
 */
export function serviceUrlProblem(request: DeliveryRequest, policy: ServiceUrlPolicy): string | undefined {
  const url = parse(request.serviceUrl);
  if (
    policy.allowLoopback &&
    url &&
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    isLoopbackHost(url.hostname)
  ) {
    return undefined;
  }
  if (!policy.authenticated) {
    return request.deliveryMode === 'expectReplies'
      ? undefined
      : 'this bot takes only deliveryMode expectReplies without app credentials';
  }
  if (!url) return request.deliveryMode === 'expectReplies' ? undefined : 'serviceUrl is missing or not a URL';
  if (url.protocol !== 'https:') return 'serviceUrl must be https';
  if (url.username || url.password) return 'serviceUrl must not carry credentials';
  if (!policy.allowedHosts.some((pattern) => hostMatches(url.hostname, pattern)))
    return 'serviceUrl is not a Bot Framework host';
  return undefined;
}

function parse(value: string | undefined): URL | undefined {
  if (!value) return undefined;
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || isLoopback(host);
}

function hostMatches(hostname: string, pattern: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  const wanted = pattern.trim().toLowerCase();
  if (wanted.startsWith('*.')) return host.endsWith(wanted.slice(1)) && host.length > wanted.length - 1;
  return host === wanted;
}
