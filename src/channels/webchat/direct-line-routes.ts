import type { Request, Response, Server } from 'restify';
import type { Logger } from '../../logger';
import { errorSummary } from '../../logger';
import type { DirectLineResult } from './direct-line-result';
import type { LocalDirectLine } from './local-direct-line';
import type { RateLimiter } from '../../http/rate-limiter';
import { conversationInPath, rateLimitHandler } from './rate-limit-handler';

/** Rate limits on the local Direct Line: per client address, and per conversation. */
export interface DirectLineLimits {
  /** Starting, rejoining and token routes, per client address. */
  readonly perClient: RateLimiter;
  /** Messages posted, per conversation. */
  readonly messages: RateLimiter;
  /** Polling for activities, per conversation (Web Chat polls twice a second). */
  readonly polling: RateLimiter;
}

/** Where Web Chat's Direct Line client is pointed (its `domain` option), under the bot's origin. */
export const DIRECT_LINE_PATH = '/v3/directline';

/**
 * The Direct Line 3.0 REST routes Web Chat's client uses when polling (no WebSocket): start or
 * rejoin a conversation, post and get activities, generate and refresh tokens. Each route only
 * maps HTTP onto {@link LocalDirectLine}.
 */
export function directLineRoutes(
  directLine: LocalDirectLine,
  logger: Logger,
  limits: DirectLineLimits,
  clientOf: (req: Request) => string,
): (server: Server) => void {
  const perClient = rateLimitHandler(limits.perClient, clientOf, 'client', logger);
  // Starting the conversation a generated token names spends nothing more: the token's own
  // request already paid, and refusing it would only break the page.
  const perClientUnlessToken = rateLimitHandler(
    limits.perClient,
    clientOf,
    'client',
    logger,
    (req) => req.header('authorization') !== undefined,
  );
  const perConversation = rateLimitHandler(limits.messages, conversationInPath, 'messages', logger);
  const polling = rateLimitHandler(limits.polling, conversationInPath, 'polling', logger);
  return (server) => {
    server.post(`${DIRECT_LINE_PATH}/tokens/generate`, perClient, async (req: Request, res: Response) => {
      const result = directLine.generate();
      if (result.ok)
        logger.info({ conversationId: result.value.conversationId }, 'local direct line conversation created');
      else logger.warn({ status: result.status }, 'local direct line refused a new conversation');
      answer(res, result);
    });

    server.post(`${DIRECT_LINE_PATH}/tokens/refresh`, perClient, async (req: Request, res: Response) => {
      answer(res, directLine.refresh(req.header('authorization')));
    });

    server.post(`${DIRECT_LINE_PATH}/conversations`, perClientUnlessToken, async (req: Request, res: Response) => {
      const authorization = req.header('authorization');
      const result = directLine.start(authorization);
      if (result.ok && !authorization)
        logger.info({ conversationId: result.value.conversationId }, 'local direct line conversation created');
      answer(res, result, 201);
    });

    server.get(`${DIRECT_LINE_PATH}/conversations/:conversationId`, perClient, async (req: Request, res: Response) => {
      answer(res, directLine.reconnect(req.header('authorization'), String(req.params.conversationId)));
    });

    server.get(
      `${DIRECT_LINE_PATH}/conversations/:conversationId/activities`,
      polling,
      async (req: Request, res: Response) => {
        const watermark = typeof req.query?.watermark === 'string' ? req.query.watermark : undefined;
        answer(res, directLine.activities(req.header('authorization'), String(req.params.conversationId), watermark));
      },
    );

    server.post(
      `${DIRECT_LINE_PATH}/conversations/:conversationId/activities`,
      perConversation,
      async (req: Request, res: Response) => {
        const conversationId = String(req.params.conversationId);
        try {
          answer(res, await directLine.post(req.header('authorization'), conversationId, req.body));
        } catch (error) {
          // The turn failed outside the bot's own error handler; the client may retry.
          logger.error({ err: errorSummary(error), conversationId }, 'local direct line could not deliver to the bot');
          answer(res, {
            ok: false,
            status: 502,
            body: { error: { code: 'BotError', message: 'The bot could not take the activity.' } },
          });
        }
      },
    );
  };
}

/** Sends a result; tokens and conversations are never worth caching. */
export function answer<T>(res: Response, result: DirectLineResult<T>, successStatus = 200): void {
  res.header('Cache-Control', 'no-store');
  if (result.ok) {
    res.send(successStatus, result.value);
    return;
  }
  if (result.retryAfterSeconds !== undefined) res.header('Retry-After', String(result.retryAfterSeconds));
  res.send(result.status, result.body);
}
