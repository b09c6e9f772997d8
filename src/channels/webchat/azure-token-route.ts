import type { Request, Response, Server } from 'restify';
import type { Logger } from '../../logger';
import { generateAzureToken, type AzureTokenOptions } from './azure-direct-line-client';
import type { RateLimiter } from '../../http/rate-limiter';
import { rateLimitHandler } from './rate-limit-handler';

/** Where the page asks for an Azure Direct Line token. */
export const AZURE_TOKEN_PATH = '/api/directline/token';

/**
 * POST /api/directline/token: the page's way to Azure Bot Service's Direct Line without ever
 * seeing the secret. Answers `{ conversationId, token, expires_in }`, or 502/504 with a JSON
 * error when Azure refuses or is slow. Logs carry the outcome, never the secret or the token.
 */
export function azureTokenRoute(
  options: AzureTokenOptions,
  logger: Logger,
  perClient: RateLimiter,
  clientOf: (req: Request) => string,
): (server: Server) => void {
  const limit = rateLimitHandler(perClient, clientOf, 'token', logger);
  return (server) => {
    server.post(AZURE_TOKEN_PATH, limit, async (req: Request, res: Response) => {
      res.header('Cache-Control', 'no-store');
      const result = await generateAzureToken(options);
      if (result.ok) {
        logger.info({ conversationId: result.grant.conversationId }, 'azure direct line token issued');
        const { conversationId, token, expires_in } = result.grant;
        res.send(200, { conversationId, token, expires_in });
        return;
      }
      logger.warn({ reason: result.reason, status: result.status }, 'azure direct line token failed');
      const status = result.reason === 'timeout' ? 504 : 502;
      res.send(status, {
        error: { code: 'DirectLineUnavailable', message: 'The chat service is not available right now.' },
      });
    });
  };
}
