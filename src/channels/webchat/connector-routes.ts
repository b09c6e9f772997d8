import { timingSafeEqual } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import { answer } from './direct-line-routes';
import { failure } from './direct-line-result';
import type { LocalDirectLine } from './local-direct-line';

/** The path prefix of the serviceUrl the bot replies to; the connector key follows it. */
const CONNECTOR_PATH = '/local-connector';

/**
 * The two Bot Connector routes the bot's adapter calls to send activities (a reply to an
 * activity, or a new one, e.g. proactive) into a local Direct Line conversation. The adapter
 * finds them through the serviceUrl it was given, which carries a per-process key: a caller who
 * does not know the key cannot put words in the bot's mouth, and even with it only conversations
 * the local Direct Line holds are accepted.
 */
export function connectorRoutes(directLine: LocalDirectLine, connectorKey: string): (server: Server) => void {
  const handle = async (req: Request, res: Response) => {
    if (!sameKey(String(req.params.key), connectorKey)) {
      answer(res, failure(404, 'NotFound', 'No such connector.'));
      return;
    }
    answer(res, directLine.botReply(String(req.params.conversationId), req.body));
  };
  return (server) => {
    server.post(`${CONNECTOR_PATH}/:key/v3/conversations/:conversationId/activities`, handle);
    server.post(`${CONNECTOR_PATH}/:key/v3/conversations/:conversationId/activities/:activityId`, handle);
  };
}

/** The serviceUrl for activities handed to the bot, given the bot's own base URL. */
export function connectorServiceUrl(baseUrl: string, connectorKey: string): string {
  return `${baseUrl}${CONNECTOR_PATH}/${connectorKey}`;
}

function sameKey(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
