import type { Next, Request, Response } from 'restify';
import type { Logger } from '../../logger';
import type { RateLimiter } from '../../http/rate-limiter';

/**
 * A restify handler that answers 429 (with Retry-After) once the request's key has spent its
 * requests, and lets the route run otherwise. `keyOf` picks the key: the client address, or
 * the conversation in the path.
 */
export function rateLimitHandler(
  limiter: RateLimiter,
  keyOf: (req: Request) => string,
  scope: string,
  logger: Logger,
  exempt: (req: Request) => boolean = () => false,
) {
  return (req: Request, res: Response, next: Next): void => {
    if (exempt(req)) {
      next();
      return;
    }
    const decision = limiter.take(`${scope}:${keyOf(req)}`);
    if (decision.allowed) {
      next();
      return;
    }
    logger.warn({ scope, path: req.path() }, 'rate limited');
    res.header('Retry-After', String(decision.retryAfterSeconds));
    res.send(429, { error: { code: 'TooManyRequests', message: 'Too many requests; please slow down.' } });
    next(false);
  };
}

/** The conversation named in the route's path. */
export function conversationInPath(req: Request): string {
  return String(req.params?.conversationId ?? 'none');
}
