import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnalyticsRecord } from '../../../src/analytics/analytics-event';
import { NdjsonFileStore, storeFiles } from '../../../src/analytics/ndjson-file-store';

let dir: string;
beforeEach(() => {
  dir = join(mkdtempSync(join(tmpdir(), 'analytics-store-')), 'analytics');
});
afterEach(() => rmSync(join(dir, '..'), { recursive: true, force: true }));

/** The n-th record, one second after the last. */
function record(n: number): AnalyticsRecord {
  return {
    v: 1,
    time: new Date(Date.UTC(2026, 10, 26, 9, 0, n)).toISOString(),
    channel: 'webchat',
    conversation: 'c'.repeat(16),
    user: 'u'.repeat(16),
    type: 'answered',
    articleId: 'activation-code-by-mail',
    score: n,
  };
}

function lines(): AnalyticsRecord[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => readFileSync(join(dir, name), 'utf8').split('\n').filter(Boolean))
    .map((line) => JSON.parse(line) as AnalyticsRecord);
}

const LINE_BYTES = `${JSON.stringify(record(10))}\n`.length;

describe('the local NDJSON store', () => {
  it('appends one JSON line per record, in a folder and files only its user can read', async () => {
    const store = new NdjsonFileStore({ dir });
    await store.write([record(1), record(2)]);
    await store.write([record(3)]);
    await store.close();
    expect(lines().map((line) => (line.type === 'answered' ? line.score : undefined))).toEqual([1, 2, 3]);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const [file] = readdirSync(dir);
    expect(statSync(join(dir, file)).mode & 0o777).toBe(0o600);
  });

  it("starts a new file past the size, named by its first record's time so the names sort by time", async () => {
    const store = new NdjsonFileStore({ dir, maxFileBytes: LINE_BYTES * 4, maxFiles: 100 });
    for (let n = 10; n < 30; n += 3) await store.write([record(n), record(n + 1), record(n + 2)]);
    await store.close();
    const names = readdirSync(dir).sort();
    expect(names).toEqual([
      'events-20261126T090010Z-000001.ndjson',
      'events-20261126T090014Z-000002.ndjson',
      'events-20261126T090018Z-000003.ndjson',
      'events-20261126T090022Z-000004.ndjson',
      'events-20261126T090026Z-000005.ndjson',
      'events-20261126T090030Z-000006.ndjson',
    ]);
    for (const name of names) expect(statSync(join(dir, name)).size).toBeLessThanOrEqual(LINE_BYTES * 4);
    expect(lines().map((line) => (line.type === 'answered' ? line.score : undefined))).toEqual(
      Array.from({ length: 21 }, (_, index) => index + 10),
    );
  });

  it('keeps at most maxFiles files, deleting the oldest', async () => {
    const store = new NdjsonFileStore({ dir, maxFileBytes: LINE_BYTES * 2, maxFiles: 3 });
    for (let n = 10; n < 30; n++) await store.write([record(n)]);
    await store.close();
    expect(await storeFiles(dir)).toHaveLength(3);
    expect(lines().map((line) => (line.type === 'answered' ? line.score : undefined))).toEqual([
      24, 25, 26, 27, 28, 29,
    ]);
    const total = readdirSync(dir).reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
    expect(total).toBeLessThanOrEqual(3 * LINE_BYTES * 2);
  });

  it('carries on in the newest file after a restart, and numbers new files after the old ones', async () => {
    const first = new NdjsonFileStore({ dir, maxFileBytes: LINE_BYTES * 3 });
    await first.write([record(10), record(11)]);
    await first.close();
    const second = new NdjsonFileStore({ dir, maxFileBytes: LINE_BYTES * 3 });
    await second.write([record(12)]);
    await second.write([record(13)]);
    await second.close();
    expect(readdirSync(dir).sort()).toEqual([
      'events-20261126T090010Z-000001.ndjson',
      'events-20261126T090013Z-000002.ndjson',
    ]);
  });

  it('leaves other files in the folder alone', async () => {
    const store = new NdjsonFileStore({ dir, maxFileBytes: LINE_BYTES, maxFiles: 1 });
    await store.write([record(1)]);
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    for (let n = 2; n < 6; n++) await store.write([record(n)]);
    await store.close();
    expect(readdirSync(dir).sort()).toEqual(['events-20261126T090005Z-000005.ndjson', 'notes.txt']);
  });
});
