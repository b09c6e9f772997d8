import { MemoryStorage, type Activity } from 'botbuilder';
import type { DateTime } from 'luxon';
import type { BotAdapter } from '../../src/bot/bot-adapter';
import type { SupportBot } from '../../src/bot/support-bot';
import { parseConfig } from '../../src/config';
import type { Content } from '../../src/content/load-content';
import type { BotServer } from '../../src/http/server';
import { createLogger, type Logger } from '../../src/logger';
import type { RoutePolicy } from '../../src/matching/router';
import type { Matcher } from '../../src/matching/matcher';
import { loadBotContent, startService, type Service } from '../../src/service';
import type { StateStorage } from '../../src/state/create-storage';
import { sendActivity } from '../../tools/bot-client';

export { userMessage } from '../../tools/bot-client';

/** The parts of the running service tests reach into (to count turns, add middleware, spy). */
export interface LocalApp {
  readonly adapter: BotAdapter;
  readonly bot: SupportBot;
  readonly matcher: Matcher;
  readonly http: BotServer;
}

/** The service running in this process on a loopback port, and a client for it. */
export interface LocalBot {
  readonly url: string;
  readonly app: LocalApp;
  readonly content: Content;
  readonly service: Service;
  /** Sends one activity with expectReplies and returns the bot's replies. */
  send(activity: Partial<Activity>, headers?: Record<string, string>): Promise<Array<Partial<Activity>>>;
  stop(): Promise<void>;
}

export interface LocalBotOptions {
  readonly knowledgeDir?: string;
  readonly dialogsDir?: string;
  readonly variables?: Record<string, string>;
  /** The bot's clock; the real one by default. */
  readonly clock?: () => DateTime;
  /** State storage shared with other bots (two instances), or a fresh MemoryStorage. */
  readonly storage?: StateStorage;
  readonly storageKind?: string;
  /** Port to listen on (0: a free port chosen by the system). */
  readonly port?: number;
  /** Where logs go (tests capture them); silent by default. */
  readonly logger?: Logger;
  /** The router's thresholds; the tuned default otherwise. */
  readonly routePolicy?: RoutePolicy;
}

/**
 * Starts the service exactly as `npm start` composes it (startService), on 127.0.0.1 with a free
 * port and memory state. Tests talk to it over HTTP like a channel would.
 */
export async function startLocalBot(options: LocalBotOptions = {}): Promise<LocalBot> {
  // Analytics off unless a test turns them on (with its own ANALYTICS_DIR): no test writes to ./analytics.
  const config = parseConfig({ LOG_LEVEL: 'silent', ANALYTICS_ENABLED: 'false', ...options.variables });
  const content =
    options.knowledgeDir || options.dialogsDir
      ? loadBotContent({
          knowledgeDir: options.knowledgeDir ?? config.KNOWLEDGE_DIR,
          dialogsDir: options.dialogsDir ?? config.DIALOGS_DIR,
        })
      : undefined;
  const clock = options.clock;
  const service = await startService({
    config,
    clock: clock ? () => clock().toMillis() : () => Date.now(),
    logger: options.logger ?? createLogger(config.LOG_LEVEL),
    ...(content ? { content } : {}),
    storage: options.storage ?? new MemoryStorage(),
    ...(options.routePolicy ? { routePolicy: options.routePolicy } : {}),
    storageKind: options.storageKind ?? 'memory',
    port: options.port ?? 0,
    host: '127.0.0.1',
    version: 'local',
  });
  return {
    url: service.url,
    app: { adapter: service.bot.adapter, bot: service.bot.bot, matcher: service.matcher, http: service.http },
    content: service.content,
    service,
    send: (activity, headers) => sendActivity(service.url, activity, headers),
    stop: () => service.stop(),
  };
}
