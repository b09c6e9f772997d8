import pino from 'pino';
import restify, { type Request, type Response, type Server, type ServerOptions } from 'restify';
import type { ActivityHandler, CloudAdapter } from 'botbuilder';
import { activityProblem } from './channels/activity-shape';
import type { Logger } from './logger';

export interface ServerDeps {
  readonly adapter: CloudAdapter;
  readonly bot: ActivityHandler;
  readonly logger: Logger;
  readonly maxBodyBytes: number;
  /** The small JSON status /healthz returns. */
  readonly health: () => { readonly ok: boolean } & Record<string, unknown>;
  /** Lets other parts (the Web Chat page, the local Direct Line) add their routes. */
  readonly extraRoutes?: ReadonlyArray<(server: Server) => void>;
}

/** The HTTP service with its turn counter, so shutdown can wait for turns in flight. */
export interface BotServer {
  readonly server: Server;
  /** Turns being processed right now. */
  inFlight(): number;
}

/**
 * Builds the HTTP service: routes, body limits, error mapping. It does not listen; the
 * composition root does, so tests can run it on any port.
 */
export function createServer(deps: ServerDeps): BotServer {
  const server = restify.createServer({
    name: 'eservices-support-bot',
    handleUncaughtExceptions: false,
    // restify's own logger writes whole requests, Authorization header included; failures are
    // logged below, by name and message only.
    // (restify 11 uses pino; its typings still name bunyan's Logger.)
    log: pino({ level: 'silent' }) as unknown as NonNullable<ServerOptions['log']>,
  });
  let inFlight = 0;

  server.pre(restify.plugins.pre.dedupeSlashes());
  // Compressed request bodies are refused: restify inflates them without handling a corrupt
  // stream (which kills the process) and applies the size cap to the compressed bytes.
  server.pre((req, res, next) => {
    const encoding = req.header('content-encoding');
    if (encoding && encoding.trim().toLowerCase() !== 'identity') {
      res.send(415, { error: 'UnsupportedMediaType', message: 'Compressed request bodies are not accepted.' });
      return next(false);
    }
    return next();
  });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(
    restify.plugins.bodyParser({ maxBodySize: deps.maxBodyBytes, mapParams: false, mapFiles: false, rejectUnknown: true }),
  );
  server.use((req, res, next) => {
    res.header('X-Content-Type-Options', 'nosniff');
    res.header('Referrer-Policy', 'no-referrer');
    return next();
  });

  server.post('/api/messages', async (req: Request, res: Response) => {
    const problem = activityProblem(req.body);
    if (problem) {
      res.send(400, { error: 'BadRequest', message: `Not an activity: ${problem}` });
      return;
    }
    inFlight += 1;
    try {
      await deps.adapter.process(req, res, (context) => deps.bot.run(context));
    } catch (error) {
      deps.logger.error({ err: errorSummary(error) }, 'turn failed outside the bot');
      if (!res.headersSent) res.send(500, { error: 'InternalError' });
    } finally {
      inFlight -= 1;
    }
  });

  server.get('/healthz', async (req: Request, res: Response) => {
    const status = deps.health();
    res.send(status.ok ? 200 : 503, status);
  });

  for (const addRoutes of deps.extraRoutes ?? []) addRoutes(server);

  server.on('restifyError', (req: Request, res: Response, error: Error & { statusCode?: number }, callback: () => void) => {
    // Client errors (bad JSON, too large, wrong method) are answered by restify with a 4xx;
    // only our own failures are worth an error line.
    if ((error.statusCode ?? 500) >= 500) deps.logger.error({ err: errorSummary(error), path: req.path() }, 'request failed');
    return callback();
  });

  return { server, inFlight: () => inFlight };
}

/** An error's name and message only: stacks and request bodies can carry user text. */
export function errorSummary(error: unknown): { name: string; message: string } {
  if (error instanceof Error) return { name: error.name, message: error.message.slice(0, 300) };
  return { name: 'Unknown', message: String(error).slice(0, 300) };
}
