import { randomBytes } from 'node:crypto';
import type { Request, Server } from 'restify';
import type { Config } from '../../config';
import type { Content } from '../../content/load-content';
import type { Logger } from '../../logger';
import { azureTokenRoute } from './azure-token-route';
import { connectorRoutes, connectorServiceUrl } from './connector-routes';
import { directLineOrigins } from './content-security-policy';
import { activityForBot } from './direct-line-activity';
import { directLineRoutes } from './direct-line-routes';
import { LocalDirectLine } from './local-direct-line';
import { loopbackBaseUrl } from './loopback-base-url';
import { pageConfig } from './page-config';
import { pageGreeting } from './page-greeting';
import { pageRoutes } from './page-routes';
import { findWebchatBundle, type WebchatBundle } from './webchat-bundle';
import { webchatMode, type WebchatMode } from './webchat-mode';
import { RateLimiter } from '../../http/rate-limiter';

/** The parts of the service the website channel plugs into. */
export interface WebchatHost {
  readonly server: Server;
  /** The client address of a request, through trusted proxies. */
  clientOf(req: Request): string;
  /** Hands one activity to the bot in this process and resolves when its turn is over. */
  deliverToBot(activity: Readonly<Record<string, unknown>>): Promise<void>;
}

/** The website channel's collaborators, from the composition root. */
export interface WebchatDeps {
  readonly config: Config;
  /** The greeting and e-Help Desk the page's own HTML shows come from content. */
  readonly content: Pick<Content, 'helpdesk' | 'texts' | 'sources'>;
  readonly logger: Logger;
  /** Milliseconds since the epoch: token expiry, idle conversations, activity timestamps. */
  readonly clock: () => number;
  /** The project's public/ folder. */
  readonly publicDir: string;
  /** How long to wait for Azure's token service. */
  readonly azureTimeoutMs?: number;
  readonly bundle?: WebchatBundle;
}

/** What was set up, for tests and health checks. */
export interface WebchatChannel {
  readonly mode: WebchatMode;
  /** The local Direct Line, when it is on. */
  readonly directLine?: LocalDirectLine;
}

const DEFAULT_AZURE_TIMEOUT_MS = 10_000;

/**
 * Adds the website channel to the app's HTTP server: the chat page, and either the local
 * Direct Line or the Azure token route (see {@link webchatMode}).
 *
 * The local Direct Line hands each user activity to the bot in this process (through the real
 * adapter, anonymous as with the Emulator) with a serviceUrl pointing back at this server, so
 * the bot replies (and later sends proactive messages) through its ordinary Bot Connector
 * client, into the connector routes here.
 */
export function addWebchat(host: WebchatHost, deps: WebchatDeps): WebchatChannel {
  const { config, logger } = deps;
  const mode = webchatMode(config);
  const { server } = host;
  logger.info({ page: mode.page, localDirectLine: mode.localDirectLine }, `web chat: ${mode.reason}`);

  const perMinute = config.RATE_LIMIT_CLIENT_PER_MINUTE;
  const messagesPerMinute = config.RATE_LIMIT_MESSAGES_PER_MINUTE;
  const perClient = new RateLimiter({ perMinute, burst: Math.max(5, Math.ceil(perMinute / 4)) }, deps.clock);
  let directLine: LocalDirectLine | undefined;
  const routes: Array<(server: Server) => void> = [];
  if (mode.localDirectLine) {
    const connectorKey = randomBytes(24).toString('base64url');
    // Known only once the server listens, so it is worked out per activity.
    const serviceUrl = () => connectorServiceUrl(loopbackBaseUrl(server.address()), connectorKey);
    directLine = new LocalDirectLine({
      clock: deps.clock,
      // Without a configured secret, tokens die with the process, as its conversations do.
      tokenSecret: config.DIRECT_LINE_TOKEN_SECRET ?? randomBytes(32),
      tokenTtlSeconds: config.DIRECT_LINE_TOKEN_TTL_SECONDS,
      idleMinutes: config.DIRECT_LINE_IDLE_MINUTES,
      maxConversations: config.DIRECT_LINE_MAX_CONVERSATIONS,
      maxActivities: config.DIRECT_LINE_MAX_ACTIVITIES,
      protectMinutes: config.DIRECT_LINE_PROTECT_MINUTES,
      newConversations: new RateLimiter(
        {
          perMinute: config.DIRECT_LINE_NEW_PER_MINUTE,
          burst: Math.max(10, Math.ceil(config.DIRECT_LINE_NEW_PER_MINUTE / 4)),
        },
        deps.clock,
      ),
      // The activity was built by shapeClientActivity: a complete message or event activity.
      deliver: (activity) => host.deliverToBot(activityForBot(activity, serviceUrl())),
    });
    const limits = {
      perClient,
      messages: new RateLimiter(
        { perMinute: messagesPerMinute, burst: Math.max(5, Math.ceil(messagesPerMinute / 3)) },
        deps.clock,
      ),
      polling: new RateLimiter(
        { perMinute: config.RATE_LIMIT_POLLS_PER_MINUTE, burst: Math.ceil(config.RATE_LIMIT_POLLS_PER_MINUTE / 4) },
        deps.clock,
      ),
    };
    routes.push(directLineRoutes(directLine, logger, limits, host.clientOf), connectorRoutes(directLine, connectorKey));
  }
  if (mode.azureTokenRoute && config.DIRECT_LINE_SECRET) {
    routes.push(
      azureTokenRoute(
        {
          endpoint: config.DIRECT_LINE_ENDPOINT,
          secret: config.DIRECT_LINE_SECRET,
          timeoutMs: deps.azureTimeoutMs ?? DEFAULT_AZURE_TIMEOUT_MS,
        },
        logger,
        perClient,
        host.clientOf,
      ),
    );
  }
  routes.push(
    pageRoutes({
      publicDir: deps.publicDir,
      bundle: deps.bundle ?? findWebchatBundle(),
      config: pageConfig({
        firmName: config.FIRM_NAME,
        accentColor: config.ACCENT_COLOR,
        page: mode.page,
        azureEndpoint: config.DIRECT_LINE_ENDPOINT,
      }),
      greeting: pageGreeting(deps.content),
      connectTo: mode.page === 'azure' ? directLineOrigins(config.DIRECT_LINE_ENDPOINT) : [],
      logger,
    }),
  );
  for (const add of routes) add(server);
  return { mode, directLine };
}
