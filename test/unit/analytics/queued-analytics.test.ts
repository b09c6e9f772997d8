import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnalyticsEvent, AnalyticsRecord } from '../../../src/analytics/analytics-event';
import type { AnalyticsSink } from '../../../src/analytics/analytics';
import { NdjsonFileStore } from '../../../src/analytics/ndjson-file-store';
import { QueuedAnalytics } from '../../../src/analytics/queued-analytics';
import { toRecord } from '../../../src/analytics/to-record';
import { RecordingLogger } from '../../support/recording-logger';

const policy = { salt: 'a-salt-of-at-least-thirty-two-characters', keepText: false };
let root: string;
let dir: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'analytics-queue-'));
  dir = join(root, 'analytics');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function handoff(n: number): AnalyticsEvent {
  return {
    type: 'handoff',
    reason: 'asked',
    time: new Date(Date.UTC(2026, 10, 26, 9, 0, n)).toISOString(),
    channel: 'webchat',
    conversationId: `conversation-${n}`,
    userId: `user-${n}`,
  };
}

function stored(): AnalyticsRecord[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .flatMap((name) => readFileSync(join(dir, name), 'utf8').split('\n').filter(Boolean))
    .map((line) => JSON.parse(line) as AnalyticsRecord);
}

function analytics(sink: AnalyticsSink, logger: RecordingLogger, maxQueued?: number): QueuedAnalytics {
  return new QueuedAnalytics(sink, (event) => toRecord(event, policy), logger, { maxQueued, maxBatch: 10 });
}

const nextTurn = () => new Promise((done) => setImmediate(done));

describe('analytics never hold up a turn', () => {
  it('record() returns before anything is written; the write follows', async () => {
    const queued = analytics(new NdjsonFileStore({ dir }), new RecordingLogger());
    queued.record(handoff(1));
    expect(existsSync(dir)).toBe(false);
    await queued.settled();
    expect(stored()).toHaveLength(1);
    await queued.close();
  });

  it('record() never throws, whatever it is given', async () => {
    const logger = new RecordingLogger();
    const queued = analytics(new NdjsonFileStore({ dir }), logger);
    const hostile = Object.defineProperty({ ...handoff(1) }, 'time', {
      get() {
        throw new Error('boom');
      },
    });
    expect(() => queued.record(hostile)).not.toThrow();
    expect(() => queued.record(null as unknown as AnalyticsEvent)).not.toThrow();
    expect(() => queued.record({ type: 'rating', rating: 9 } as unknown as AnalyticsEvent)).not.toThrow();
    await queued.close();
    expect(stored()).toEqual([]);
    expect(logger.at('warn').map((line) => line.msg)).toEqual([
      'analytics event not well-formed: not kept (said once)',
    ]);
  });

  it('close() writes what is still queued', async () => {
    const queued = analytics(new NdjsonFileStore({ dir }), new RecordingLogger());
    for (let n = 0; n < 25; n++) queued.record(handoff(n));
    await queued.close();
    expect(stored()).toHaveLength(25);
    queued.record(handoff(99));
    await nextTurn();
    expect(stored()).toHaveLength(25);
  });
});

describe('a sink that is down', () => {
  it('drops events and says so once, then once more when it works again', async () => {
    // The store's folder cannot be made: a file is in the way (a volume not mounted, say).
    writeFileSync(dir, 'not a folder');
    const store = new NdjsonFileStore({ dir: join(dir, 'store') });
    dir = join(dir, 'store');
    const logger = new RecordingLogger();
    const queued = analytics(store, logger);
    for (let n = 0; n < 30; n++) {
      expect(() => queued.record(handoff(n))).not.toThrow();
      if (n % 7 === 0) await queued.settled();
    }
    await queued.settled();
    expect(logger.at('warn')).toEqual([
      {
        level: 'warn',
        obj: { sink: 'file', reason: expect.stringMatching(/ENOTDIR|EEXIST/) },
        msg: 'analytics unavailable: dropping events until the sink recovers',
      },
    ]);

    rmSync(join(dir, '..'));
    mkdirSync(join(dir, '..'));
    queued.record(handoff(30));
    await queued.settled();
    queued.record(handoff(31));
    await queued.close();
    expect(stored()).toHaveLength(2);
    expect(logger.at('info')).toEqual([
      { level: 'info', obj: { sink: 'file', dropped: 30 }, msg: 'analytics recovered' },
    ]);
    expect(logger.at('warn')).toHaveLength(1);
  });

  it('that hangs: memory stays bounded by the queue, the rest is dropped and said once', async () => {
    const received: AnalyticsRecord[] = [];
    let release = () => undefined as void;
    const hanging: AnalyticsSink = {
      kind: 'hanging',
      write: (records) => {
        received.push(...records);
        return received.length > records.length ? Promise.resolve() : new Promise((done) => (release = done));
      },
      close: () => Promise.resolve(),
    };
    const logger = new RecordingLogger();
    const queued = analytics(hanging, logger, 100);
    queued.record(handoff(0));
    await nextTurn();
    for (let n = 1; n <= 10_000; n++) queued.record(handoff(n % 60));
    expect(logger.at('warn')).toEqual([
      {
        level: 'warn',
        obj: { sink: 'hanging', reason: 'the queue is full: the sink is not keeping up' },
        msg: 'analytics unavailable: dropping events until the sink recovers',
      },
    ]);
    release();
    await queued.close();
    expect(received).toHaveLength(1 + 100);
    expect(logger.at('info')).toEqual([
      { level: 'info', obj: { sink: 'hanging', dropped: 9_900 }, msg: 'analytics recovered' },
    ]);
  });
});
