import type { AddressInfo } from 'node:net';
import { MemoryStorage, type Activity, type Storage } from 'botbuilder';
import { DateTime } from 'luxon';
import { createApp, type App } from '../app';
import { parseConfig } from '../config';
import { loadContent, type Content } from '../content/load-content';
import { createLogger, type Logger } from '../logger';

/** A bot running in this process on a loopback port, and a client for it. */
export interface LocalBot {
  readonly url: string;
  readonly app: App;
  readonly content: Content;
  /** Sends one activity with expectReplies and returns the bot's replies. */
  send(activity: Partial<Activity>, headers?: Record<string, string>): Promise<Array<Partial<Activity>>>;
  stop(): Promise<void>;
}

export interface LocalBotOptions {
  readonly knowledgeDir?: string;
  readonly dialogsDir?: string;
  readonly variables?: Record<string, string>;
  readonly clock?: () => DateTime;
  /** State storage shared with other bots (two instances), or a fresh MemoryStorage. */
  readonly storage?: Storage;
  readonly storageKind?: string;
  /** Port to listen on (0: a free port chosen by the system). */
  readonly port?: number;
  /** Where logs go (tests capture them); silent by default. */
  readonly logger?: Logger;
}

/**
 * Starts the real app (adapter, bot, HTTP routes) on 127.0.0.1 with a free port and memory
 * state. The eval, the terminal chat and the tests talk to it over HTTP like a channel would.
 */
export async function startLocalBot(options: LocalBotOptions = {}): Promise<LocalBot> {
  const config = parseConfig({ LOG_LEVEL: 'silent', ...options.variables });
  const content = loadContent({
    knowledgeDir: options.knowledgeDir ?? config.KNOWLEDGE_DIR,
    dialogsDir: options.dialogsDir ?? config.DIALOGS_DIR,
  });
  const app = createApp({
    config,
    content,
    logger: options.logger ?? createLogger(config.LOG_LEVEL),
    clock: options.clock ?? (() => DateTime.now()),
    storage: options.storage ?? new MemoryStorage(),
    storageKind: options.storageKind ?? 'memory',
    version: 'local',
  });
  const { server } = app.http;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    app,
    content,
    async send(activity, headers = {}) {
      const response = await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ deliveryMode: 'expectReplies', ...activity }),
      });
      if (!response.ok) throw new Error(`POST /api/messages answered ${response.status}: ${await response.text()}`);
      const body = (await response.json()) as { activities?: Array<Partial<Activity>> };
      return body.activities ?? [];
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // fetch keeps connections alive; idle ones would hold close() open.
        server.server.closeIdleConnections();
      }),
  };
}

/** A message activity from a user, as a channel would send it. */
export function userMessage(conversationId: string, text: string, extra: Partial<Activity> = {}): Partial<Activity> {
  return {
    type: 'message',
    id: `${conversationId}-${Math.random().toString(36).slice(2, 10)}`,
    channelId: 'webchat',
    serviceUrl: 'http://127.0.0.1/',
    conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
    from: { id: `user-${conversationId}`, name: 'User' },
    recipient: { id: 'bot', name: 'Bot' },
    text,
    locale: 'en-US',
    ...extra,
  };
}
