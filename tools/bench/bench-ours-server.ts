import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { startService } from '../../src/service';
import { BoundedMemoryStorage } from '../../src/state/bounded-memory-storage';
import { createStorage } from '../../src/state/create-storage';
import type { MemoryReply } from './bench-ipc';
import { benchSettings } from './bench-settings';

/** A bench server listening on a loopback port, and what it holds, for the memory report. */
export interface BenchServerApp {
  readonly port: number;
  counts(): Pick<MemoryReply, 'stateKeys' | 'directLineConversations'>;
}

/**
 * Our bot as `npm start` composes it (startService: configuration defaults, memory storage from
 * createStorage, i.e. a BoundedMemoryStorage, pino at info to stdout, the website channel with
 * the local Direct Line). BENCH_LOG_LEVEL changes the log level.
 */
export async function createOursServer(): Promise<BenchServerApp> {
  const analyticsDir = mkdtempSync(join(tmpdir(), 'bench-analytics-'));
  // bench-server ends every way through process.exit, so this always runs.
  process.on('exit', () => rmSync(analyticsDir, { recursive: true, force: true }));
  const config = parseConfig({
    LOG_LEVEL: benchSettings().BENCH_LOG_LEVEL,
    HOST: '127.0.0.1',
    PORT: '0',
    // One loopback address stands in for thousands of users here; the per-address limit on
    // opening Direct Line conversations would (rightly) refuse that.
    RATE_LIMIT_CLIENT_PER_MINUTE: '100000000',
    // And its limits on one client's messages and polls (a person types and Web Chat polls at a
    // human pace; 5,000 bench users share the address).
    RATE_LIMIT_MESSAGES_PER_MINUTE: '100000000',
    RATE_LIMIT_POLLS_PER_MINUTE: '100000000',
    // And the per-client limit on /api/messages: the memory run's 15,000 direct users share it too.
    RATE_LIMIT_API_PER_MINUTE: '100000000',
    // Likewise the global cap on new chats, and the protection of recently used ones: the memory
    // run opens thousands of Direct Line conversations a minute and lets the store evict them.
    DIRECT_LINE_NEW_PER_MINUTE: '100000000',
    DIRECT_LINE_PROTECT_MINUTES: '1',
    // Analytics on, as npm start has them, but into a folder of the bench's own: bench turns are
    // not the firm's conversations (./analytics is what npm run report reads).
    ANALYTICS_DIR: analyticsDir,
  });
  const logger = createLogger(config.LOG_LEVEL);
  const clock = () => Date.now();
  const { storage, kind } = await createStorage(config, { logger, clock });
  const service = await startService({ config, logger, clock, storage, storageKind: kind, version: 'bench' });
  return {
    port: Number(new URL(service.url).port),
    counts: () => ({
      stateKeys: storage instanceof BoundedMemoryStorage ? storage.size : undefined,
      directLineConversations: service.webchat.directLine?.conversationCount,
    }),
  };
}
