// sha256 of the empty string, base64.
const EMPTY_STYLE_HASH = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

/**
 * The Content-Security-Policy of the chat page: only what the page uses.
 * - scripts: our own files only (the Web Chat bundle and the page script); no inline script,
 *   no eval, so markup that slipped into a message could not run.
 * - styles: our stylesheet, plus the <style> elements Web Chat writes at run time, which carry
 *   the per-response nonce (Web Chat's `nonce` prop) instead of 'unsafe-inline'. One part of
 *   Web Chat (its scroll-to-bottom transcript) creates its <style> element without the nonce,
 *   empty, and then fills it through the CSSOM, which CSP does not govern; the hash of the empty
 *   string lets that empty element in. Injected markup gains nothing from it: a <style> with other
 *   content does not match, and only our own scripts can reach the CSSOM.
 * - images: our own, data: URLs and blob: URLs (Web Chat turns its built-in animated GIFs into
 *   blob: URLs; only scripts on the page can make those).
 * - connections: our own origin (the local Direct Line, the token route), plus Azure's Direct
 *   Line over HTTPS and WebSocket when the page uses it.
 * - framing: allowed anywhere, so a firm can put the chat in an <iframe> on its own site.
 */
export function contentSecurityPolicy(options: {
  readonly nonce: string;
  readonly connectTo: readonly string[];
}): string {
  const directives: Array<[string, string[]]> = [
    ['default-src', ["'none'"]],
    ['script-src', ["'self'"]],
    ['style-src', ["'self'", `'nonce-${options.nonce}'`, EMPTY_STYLE_HASH]],
    ['img-src', ["'self'", 'data:', 'blob:']],
    ['connect-src', ["'self'", ...options.connectTo]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
    ['frame-ancestors', ['*']],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

/** The origins to allow for an Azure Direct Line endpoint: HTTPS for REST, WSS for the stream. */
export function directLineOrigins(endpoint: string): string[] {
  const url = new URL(endpoint);
  const wsProtocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return [url.origin, `${wsProtocol}//${url.host}`];
}
