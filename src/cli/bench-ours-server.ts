import { join } from 'node:path';
import type { Server } from 'restify';
import { DateTime } from 'luxon';
import { createApp } from '../app';
import { addWebchat } from '../channels/webchat/add-webchat';
import { parseConfig } from '../config';
import { loadContent } from '../content/load-content';
import { createLogger } from '../logger';
import { BoundedMemoryStorage } from '../state/bounded-memory-storage';
import { createStorage } from '../state/create-storage';
import type { MemoryReply } from './bench-ipc';
import { projectRoot } from './bench-queries';
import { benchSettings } from './bench-settings';

/** A bench server's HTTP service and what it holds, for the memory report. */
export interface BenchServerApp {
  readonly server: Server;
  counts(): Pick<MemoryReply, 'stateKeys' | 'directLineConversations'>;
}

/**
 * Our bot composed as index.ts composes it (configuration defaults, memory storage from
 * createStorage, i.e. a BoundedMemoryStorage, pino at info to stdout) plus the website channel
 * with the local Direct Line, as index.ts adds it. BENCH_LOG_LEVEL changes the log level.
 */
export async function createOursServer(): Promise<BenchServerApp> {
  const config = parseConfig({
    LOG_LEVEL: benchSettings().BENCH_LOG_LEVEL,
    HOST: '127.0.0.1',
    PORT: '0',
    // One loopback address stands in for thousands of users here; the per-address limit on
    // opening Direct Line conversations would (rightly) refuse that.
    RATE_LIMIT_CLIENT_PER_MINUTE: '100000000',
    // Likewise the global cap on new chats, and the protection of recently used ones: the memory
    // run opens thousands of Direct Line conversations a minute and lets the store evict them.
    DIRECT_LINE_NEW_PER_MINUTE: '100000000',
    DIRECT_LINE_PROTECT_MINUTES: '1',
  });
  const logger = createLogger(config.LOG_LEVEL);
  const content = loadContent({ knowledgeDir: join(projectRoot, config.KNOWLEDGE_DIR), dialogsDir: join(projectRoot, config.DIALOGS_DIR) });
  const { storage, kind } = await createStorage(config, { logger, clock: () => Date.now() });
  const app = createApp({ config, content, logger, clock: () => DateTime.now(), storage, storageKind: kind, version: 'bench' });
  const webchat = addWebchat(app, { config, logger, clock: () => Date.now(), publicDir: join(projectRoot, 'public') });
  return {
    server: app.http.server,
    counts: () => ({
      stateKeys: storage instanceof BoundedMemoryStorage ? storage.size : undefined,
      directLineConversations: webchat.directLine?.conversationCount,
    }),
  };
}
