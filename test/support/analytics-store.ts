import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnalyticsRecord } from '../../src/analytics/analytics-event';
import type { Analytics } from '../../src/analytics/analytics';
import { hashId } from '../../src/analytics/hash-id';
import { storeFiles } from '../../src/analytics/ndjson-file-store';
import { QueuedAnalytics } from '../../src/analytics/queued-analytics';

/** A salt for tests, so the ids they expect can be hashed the same way. */
export const TEST_SALT = 'test-salt-0123456789abcdef0123456789abcdef';

/** A fresh analytics store in the temp folder, and the variables that point a bot at it. */
export interface TempStore {
  readonly dir: string;
  readonly variables: Record<string, string>;
  remove(): void;
}

export function tempStore(keepText = true): TempStore {
  const dir = mkdtempSync(join(tmpdir(), 'analytics-test-'));
  return {
    dir,
    variables: {
      ANALYTICS_ENABLED: 'true',
      ANALYTICS_DIR: dir,
      ANALYTICS_SALT: TEST_SALT,
      ANALYTICS_KEEP_TEXT: String(keepText),
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The store's files as they are on disk, oldest first, joined (empty before the first write). */
export async function storeText(dir: string): Promise<string> {
  const names = await storeFiles(dir).catch(() => []);
  const texts = await Promise.all(names.map((name) => readFile(join(dir, name), 'utf8')));
  return texts.join('');
}

/** Every record of the store, oldest first, once what the service queued so far is written. */
export async function storedRecords(dir: string, analytics: Analytics): Promise<AnalyticsRecord[]> {
  if (!(analytics instanceof QueuedAnalytics)) throw new Error('the service does not run the analytics queue');
  await analytics.settled();
  return (await storeText(dir))
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as AnalyticsRecord);
}

/** The hashes the records of a conversation and its user carry. */
export function hashedIds(conversationId: string, userId: string): { conversation: string; user: string } {
  return { conversation: hashId(TEST_SALT, 'conversation', conversationId), user: hashId(TEST_SALT, 'user', userId) };
}

/**
 * The store's records once one satisfies `until`, for a service running where the test cannot
 * reach its queue (a bot behind a browser): the queue writes on the next turn of the event loop,
 * so this waits for a write, failing after `timeoutMs` with what the store held.
 */
export async function recordsOnceStored(
  dir: string,
  until: (records: AnalyticsRecord[]) => boolean,
  timeoutMs = 5_000,
): Promise<AnalyticsRecord[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = await storeText(dir);
    const records = text
      .split('\n')
      .filter((line) => line.length > 0)
      .map((line) => JSON.parse(line) as AnalyticsRecord);
    if (until(records)) return records;
    if (Date.now() > deadline) throw new Error(`the store never held what was expected; it held:\n${text}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
