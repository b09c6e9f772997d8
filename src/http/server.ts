import pino from 'pino';
import restify, { type Request, type Response, type Server, type ServerOptions } from 'restify';
import { AuthenticationError } from 'botframework-connector';
import type { Activity, InvokeResponse } from 'botbuilder';
import { errorSummary, type Logger } from '../logger';
import { activityProblem } from './activity-shape';
import { clientAddress, isLocalCaller, type AddressSource } from './client-address';
import { RateLimiter } from './rate-limiter';
import { serviceUrlProblem, type ServiceUrlPolicy } from './service-url-policy';

/**
 * Runs one activity as a turn (authentication included) and returns what to answer: the
 * replies for expectReplies, an invoke's response, or nothing.
 */
export type TurnHandler = (authHeader: string, activity: Activity) => Promise<InvokeResponse | undefined>;

export interface ServerDeps {
  readonly handleTurn: TurnHandler;
  readonly logger: Logger;
  readonly limits: ServerLimits;
  /** Where replies may be posted (see serviceUrlProblem). */
  readonly serviceUrls: ServiceUrlPolicy;
  /** Milliseconds since the epoch, for the rate limits. */
  readonly clock: () => number;
  /** The small JSON status /healthz returns. */
  readonly health: () => { readonly ok: boolean } & Record<string, unknown>;
}

/** Bounds on what one request, one client and the whole server may cost. */
export interface ServerLimits {
  readonly maxBodyBytes: number;
  /** POST /api/messages a minute per client address (programs on this machine calling directly are exempt). */
  readonly apiPerMinute: number;
  /** X-Forwarded-For entries written by proxies we trust. */
  readonly trustedProxyHops: number;
  readonly requestTimeoutMs: number;
  readonly headersTimeoutMs: number;
  readonly maxConnections: number;
}

/** The HTTP service with its turn counter, so shutdown can wait for turns in flight. */
export interface BotServer {
  readonly server: Server;
  /** Turns being processed right now. */
  inFlight(): number;
  /** The client address of a request, through the trusted proxies (for other routes' limits). */
  clientOf(req: Request): string;
}

/** Replies to an anonymous expectReplies call travel in the response; this URL is never posted to. */
const UNUSED_SERVICE_URL = 'https://expect-replies.invalid/';

/**
 * Builds the HTTP service: routes, body limits, error mapping. It does not listen; the
 * composition root does, so tests can run it on a port of their own.
 */
export function createServer(deps: ServerDeps): BotServer {
  const { limits, logger } = deps;
  const server = restify.createServer({
    name: 'eservices-support-bot',
    handleUncaughtExceptions: false,
    // restify's own logger writes whole requests, Authorization header included; failures are
    // logged below, by name and message only.
    // (restify 11 uses pino; its typings still name bunyan's Logger.)
    log: pino({ level: 'silent' }) as unknown as NonNullable<ServerOptions['log']>,
  });
  // Slow clients hold sockets: bound how long headers and bodies may take, and how many sockets.
  server.server.requestTimeout = limits.requestTimeoutMs;
  server.server.headersTimeout = limits.headersTimeoutMs;
  server.server.maxConnections = limits.maxConnections;
  // Node checks those two deadlines every 30 s by default, so a 15 s one could run to 45 s. The
  // option is read when the server starts listening; restify builds the server without options.
  (server.server as typeof server.server & { connectionsCheckingInterval: number }).connectionsCheckingInterval = 1_000;
  let inFlight = 0;
  const sourceOf = (req: Request): AddressSource => ({
    remoteAddress: req.socket?.remoteAddress,
    forwardedFor: req.header('x-forwarded-for'),
  });
  const clientOf = (req: Request) => clientAddress(sourceOf(req), limits.trustedProxyHops);
  const apiLimiter = new RateLimiter(
    { perMinute: limits.apiPerMinute, burst: Math.max(10, Math.ceil(limits.apiPerMinute / 3)) },
    deps.clock,
  );

  server.pre(restify.plugins.pre.dedupeSlashes());
  // Only JSON gets in, before every route and authentication: restify's other parsers write
  // multipart parts to the temp folder, let every web page post forms, and echo CSV into errors.
  server.pre((req, res, next) => {
    const problem = bodyProblem(req);
    if (problem) {
      res.send(415, { error: 'UnsupportedMediaType', message: problem });
      return next(false);
    }
    return next();
  });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  // The typings miss the body reader's options, which jsonBodyParser passes on.
  const jsonOptions: restify.plugins.JsonBodyParserOptions & { maxBodySize: number } = {
    maxBodySize: limits.maxBodyBytes,
    mapParams: false,
  };
  server.use(restify.plugins.jsonBodyParser(jsonOptions));
  server.use((req, res, next) => {
    res.header('X-Content-Type-Options', 'nosniff');
    res.header('Referrer-Policy', 'no-referrer');
    return next();
  });

  server.post('/api/messages', async (req: Request, res: Response) => {
    // Local tools send many turns quickly; whatever a proxy forwards is limited as its client.
    if (!isLocalCaller(sourceOf(req), limits.trustedProxyHops)) {
      const decision = apiLimiter.take(clientOf(req));
      if (!decision.allowed) {
        res.header('Retry-After', String(decision.retryAfterSeconds));
        res.send(429, { error: 'TooManyRequests', message: 'Too many requests; please slow down.' });
        return;
      }
    }
    const problem = activityProblem(req.body);
    if (problem) {
      res.send(400, { error: 'BadRequest', message: `Not an activity: ${problem}` });
      return;
    }
    const activity = req.body as Activity;
    const refused = serviceUrlProblem(activity, deps.serviceUrls);
    if (refused) {
      res.send(403, { error: 'Forbidden', message: refused });
      return;
    }
    if (
      !deps.serviceUrls.authenticated &&
      activity.deliveryMode === 'expectReplies' &&
      !deps.serviceUrls.allowLoopback
    ) {
      activity.serviceUrl = UNUSED_SERVICE_URL;
    }
    inFlight += 1;
    try {
      const result = await deps.handleTurn(req.header('authorization') ?? '', withDates(activity));
      res.send(result?.status ?? 200, result?.body);
    } catch (error) {
      if (error instanceof AuthenticationError) {
        // Anyone can send a bad token: a fixed answer, and nothing above debug in the log.
        logger.debug({ err: errorSummary(error) }, 'request not authenticated');
        if (!res.headersSent) res.send(401, { error: 'Unauthorized' });
        return;
      }
      logger.error({ err: errorSummary(error) }, 'turn failed outside the bot');
      if (!res.headersSent) res.send(500, { error: 'InternalError' });
    } finally {
      inFlight -= 1;
    }
  });

  server.get('/healthz', async (req: Request, res: Response) => {
    const status = deps.health();
    res.send(status.ok ? 200 : 503, status);
  });

  server.on(
    'restifyError',
    (req: Request, res: Response, error: Error & { statusCode?: number }, callback: () => void) => {
      // Client errors (bad JSON, too large, wrong method) are answered by restify with a 4xx;
      // only our own failures are worth an error line.
      if ((error.statusCode ?? 500) >= 500)
        logger.error({ err: errorSummary(error), path: req.path() }, 'request failed');
      return callback();
    },
  );

  return { server, inFlight: () => inFlight, clientOf };
}

/** Why a request's body may not be read, or undefined: only uncompressed JSON is accepted. */
function bodyProblem(req: Request): string | undefined {
  const hasBody = Number(req.header('content-length') ?? 0) > 0 || req.header('transfer-encoding') !== undefined;
  const contentType = req.header('content-type');
  if (!hasBody && (contentType === undefined || ['GET', 'HEAD', 'OPTIONS'].includes(req.method ?? '')))
    return undefined;
  const encoding = req.header('content-encoding');
  // restify inflates compressed bodies without handling a corrupt stream (which kills the
  // process) and applies the size cap to the compressed bytes.
  if (encoding && encoding.trim().toLowerCase() !== 'identity') return 'Compressed request bodies are not accepted.';
  const mediaType = (contentType ?? '').split(';')[0].trim().toLowerCase();
  return mediaType === 'application/json' ? undefined : 'Only application/json bodies are accepted.';
}

/** The SDK expects timestamps as Dates (its own process() converts them the same way). */
function withDates(activity: Activity): Activity {
  const fields = activity as unknown as Record<string, unknown>;
  for (const [field, raw] of [
    ['timestamp', 'rawTimestamp'],
    ['localTimestamp', 'rawLocalTimestamp'],
    ['expiration', 'rawExpiration'],
  ] as const) {
    if (typeof fields[field] === 'string') {
      fields[raw] = fields[field];
      fields[field] = new Date(String(fields[field]));
    }
  }
  return activity;
}
