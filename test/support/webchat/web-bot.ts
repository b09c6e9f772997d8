import { join } from 'node:path';
import { Writable } from 'node:stream';
import { MemoryStorage } from 'botbuilder';
import type { WebchatChannel } from '../../../src/channels/webchat/add-webchat';
import { parseConfig } from '../../../src/config';
import { createLogger } from '../../../src/logger';
import { startService } from '../../../src/service';
import { realContent } from '../content';
import type { LocalApp } from '../local-service';
import { PROJECT_ROOT } from '../paths';

export const PUBLIC_DIR = join(PROJECT_ROOT, 'public');

/** The service with its website channel, listening on a free loopback port, as `npm start` runs it. */
export interface WebBot {
  readonly url: string;
  readonly app: LocalApp;
  readonly webchat: WebchatChannel;
  /** Every log line written so far, as pino wrote it (JSON text). */
  readonly logLines: string[];
  stop(): Promise<void>;
}

export interface WebBotOptions {
  readonly variables?: Record<string, string>;
  /** Milliseconds since the epoch: the service's one clock; the real one by default. */
  readonly clock?: () => number;
  readonly azureTimeoutMs?: number;
}

/**
 * Starts the service (startService, as src/main.ts does) with memory state, logging at debug
 * level into {@link WebBot.logLines}.
 */
export async function startWebBot(options: WebBotOptions = {}): Promise<WebBot> {
  const config = parseConfig({ LOG_LEVEL: 'debug', ...options.variables });
  const logLines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logLines.push(chunk.toString('utf8'));
      callback();
    },
  });
  const service = await startService({
    config,
    clock: options.clock ?? (() => Date.now()),
    logger: createLogger(config.LOG_LEVEL, destination),
    content: realContent(),
    storage: new MemoryStorage(),
    storageKind: 'memory',
    port: 0,
    host: '127.0.0.1',
    version: 'test',
    publicDir: PUBLIC_DIR,
    ...(options.azureTimeoutMs !== undefined ? { azureTimeoutMs: options.azureTimeoutMs } : {}),
  });
  return {
    url: service.url,
    app: { adapter: service.bot.adapter, bot: service.bot.bot, matcher: service.matcher, http: service.http },
    webchat: service.webchat,
    logLines,
    stop: async () => {
      const stopped = service.stop();
      service.http.server.server.closeAllConnections();
      await stopped;
    },
  };
}

/** A clock the test moves by hand. */
export function manualClock(start = Date.UTC(2026, 0, 15, 15, 0, 0)): { now: () => number; advance(ms: number): void } {
  let now = start;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
  };
}
