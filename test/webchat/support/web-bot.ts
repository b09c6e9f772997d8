import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { MemoryStorage } from 'botbuilder';
import { DateTime } from 'luxon';
import { createApp, type App } from '../../../src/app';
import { addWebchat, type WebchatChannel } from '../../../src/channels/webchat/add-webchat';
import { parseConfig } from '../../../src/config';
import { createLogger } from '../../../src/logger';
import { realContent } from '../../support/content';

export const PUBLIC_DIR = join(__dirname, '..', '..', '..', 'public');

/** The app with its website channel, listening on a free loopback port, as `npm start` wires it. */
export interface WebBot {
  readonly url: string;
  readonly app: App;
  readonly webchat: WebchatChannel;
  /** Every log line written so far, as pino wrote it (JSON text). */
  readonly logLines: string[];
  stop(): Promise<void>;
}

export interface WebBotOptions {
  readonly variables?: Record<string, string>;
  /** Milliseconds since the epoch for the website channel; the real clock by default. */
  readonly clock?: () => number;
  readonly azureTimeoutMs?: number;
}

/**
 * Starts the real app (adapter, bot, routes) plus the website channel exactly as src/index.ts
 * does, with memory state, logging at debug level into {@link WebBot.logLines}.
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
  const logger = createLogger(config.LOG_LEVEL, destination);
  const app = createApp({
    config,
    content: realContent(),
    logger,
    clock: () => DateTime.now(),
    storage: new MemoryStorage(),
    storageKind: 'memory',
    version: 'test',
  });
  const webchat = addWebchat(app, {
    config,
    logger,
    clock: options.clock ?? (() => Date.now()),
    publicDir: PUBLIC_DIR,
    azureTimeoutMs: options.azureTimeoutMs,
  });
  const { server } = app.http;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    app,
    webchat,
    logLines,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.server.closeAllConnections();
      }),
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
