import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { DateTime } from 'luxon';
import type { Analytics } from './analytics/analytics';
import { createAnalytics } from './analytics/create-analytics';
import { createBotRuntime, type BotRuntime } from './bot/create-bot';
import { addWebchat, type WebchatChannel } from './channels/webchat/add-webchat';
import type { WebchatBundle } from './channels/webchat/webchat-bundle';
import type { Config } from './config';
import { loadContent, type Content } from './content/load-content';
import type { PolicyDeps } from './conversation/turn-plan';
import { computations } from './flows/computations';
import { createServer, type BotServer } from './http/server';
import { createLanguage } from './matching/create-language';
import type { RoutePolicy } from './matching/router';
import { createMatcher } from './matching/create-matcher';
import type { Matcher } from './matching/matcher';
import { createLogger, type Logger } from './logger';
import { projectRoot } from './project-root';
import { createStorage, type StateStorage } from './state/create-storage';

/** What the service is made of; everything but the configuration and the clock has a default. */
export interface ServiceOptions {
  readonly config: Config;
  /** The one clock (milliseconds since the epoch): the bot, the Direct Line and storage all read it. */
  readonly clock: () => number;
  readonly logger?: Logger;
  /** Content already loaded (tests reuse one copy); otherwise read from the configured folders. */
  readonly content?: Content;
  /** State storage shared with other instances (tests); otherwise made from the configuration. */
  readonly storage?: StateStorage;
  readonly storageKind?: string;
  /** Overrides config.PORT and config.HOST (tests listen on a free loopback port). */
  readonly port?: number;
  readonly host?: string;
  readonly version?: string;
  /** The chat page's folder and Web Chat bundle (defaults: the project's public/ and dist/webchat). */
  readonly publicDir?: string;
  readonly webchatBundle?: WebchatBundle;
  readonly azureTimeoutMs?: number;
  /** The router's thresholds (tests that need a menu); otherwise the tuned default. */
  readonly routePolicy?: RoutePolicy;
  /** Analytics (tests pass their own or noAnalytics); otherwise made from the configuration. */
  readonly analytics?: Analytics;
}

/** A running service. */
export interface Service {
  readonly url: string;
  readonly config: Config;
  readonly content: Content;
  readonly matcher: Matcher;
  readonly http: BotServer;
  readonly bot: BotRuntime;
  readonly webchat: WebchatChannel;
  readonly analytics: Analytics;
  /**
   * Stops listening, closing idle connections; resolves when open requests are done and the
   * analytics queued so far are written.
   */
  stop(): Promise<void>;
}

/**
 * The bot's content from these folders (relative ones from the working folder, as every path in
 * the configuration), checked against the computations flows may name.
 */
export function loadBotContent(folders: { readonly knowledgeDir: string; readonly dialogsDir: string }): Content {
  return loadContent({
    knowledgeDir: resolve(folders.knowledgeDir),
    dialogsDir: resolve(folders.dialogsDir),
    computations: new Set(Object.keys(computations)),
  });
}

/**
 * The one place the service is put together: configuration → content → storage → bot → HTTP
 * routes (the chat page and Direct Line included) → listen. `npm start`, the tools and the
 * tests all start it here.
 */
export async function startService(options: ServiceOptions): Promise<Service> {
  const { config } = options;
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const analytics = options.analytics ?? (await createAnalytics(config, logger));
  const content =
    options.content ?? loadBotContent({ knowledgeDir: config.KNOWLEDGE_DIR, dialogsDir: config.DIALOGS_DIR });
  const dateClock = () => DateTime.fromMillis(options.clock());
  const created = options.storage
    ? { storage: options.storage, kind: options.storageKind ?? 'memory' }
    : await createStorage(config, { logger, clock: options.clock });
  const matcher = createMatcher(content);
  const policy: PolicyDeps = {
    content,
    matcher,
    language: createLanguage(content.routing, content.intents, content.synonyms),
    maxMessageLength: config.MAX_MESSAGE_LENGTH,
    ...(options.routePolicy ? { routePolicy: options.routePolicy } : {}),
    keepTranscript: config.HANDOFF_EVENTS,
    keepFeedbackText: config.ANALYTICS_ENABLED && config.ANALYTICS_KEEP_TEXT,
  };
  const bot = createBotRuntime({
    config,
    content,
    matcher,
    policy,
    logger,
    storage: created.storage,
    clock: dateClock,
    analytics,
  });
  const version = options.version ?? packageVersion();
  const http = createServer({
    handleTurn: bot.handleTurn,
    logger,
    clock: options.clock,
    limits: {
      maxBodyBytes: config.MAX_BODY_BYTES,
      apiPerMinute: config.RATE_LIMIT_API_PER_MINUTE,
      trustedProxyHops: config.TRUST_PROXY_HOPS,
      requestTimeoutMs: config.REQUEST_TIMEOUT_SECONDS * 1000,
      headersTimeoutMs: config.HEADERS_TIMEOUT_SECONDS * 1000,
      maxConnections: config.MAX_CONNECTIONS,
    },
    serviceUrls: {
      authenticated: config.MicrosoftAppId !== undefined,
      allowedHosts: config.SERVICE_URL_HOSTS,
      allowLoopback: config.DEV_LOCAL_TOOLS,
    },
    health: () => {
      const storage = bot.storageHealth();
      // A short outage is ridden out (users get the help desk); a long one asks for a restart.
      const downTooLong =
        storage.since !== undefined && options.clock() - storage.since > config.STORAGE_UNHEALTHY_AFTER_SECONDS * 1000;
      return {
        ok: !downTooLong,
        status: storage.degraded ? 'degraded' : 'ok',
        version,
        content: { version: content.version, articles: content.articles.size, flows: content.flows.size },
        storage: { kind: created.kind, degraded: storage.degraded },
      };
    },
  });
  const webchat = addWebchat(
    { server: http.server, clientOf: http.clientOf, deliverToBot: bot.deliverToBot },
    {
      config,
      content,
      logger,
      clock: options.clock,
      publicDir: options.publicDir ?? join(projectRoot(), 'public'),
      azureTimeoutMs: options.azureTimeoutMs,
      bundle: options.webchatBundle,
    },
  );

  const { server } = http;
  await new Promise<void>((done) =>
    server.listen(options.port ?? config.PORT, options.host ?? config.HOST, () => done()),
  );
  const address = server.address() as AddressInfo;
  logger.info({ port: address.port, contentVersion: content.version, storage: created.kind }, 'listening');
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host === '0.0.0.0' || host === '[::]' ? '127.0.0.1' : host}:${address.port}`,
    config,
    content,
    matcher,
    http,
    bot,
    webchat,
    analytics,
    stop: async () => {
      await new Promise<void>((done) => {
        server.close(() => done());
        // Idle keep-alive sockets would hold close() open.
        server.server.closeIdleConnections();
      });
      // Turns are done: what they recorded is written (one attempt), then the sink released.
      await analytics.close();
    },
  };
}

function packageVersion(): string {
  return (JSON.parse(readFileSync(join(projectRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}
