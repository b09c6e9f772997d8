import http from 'node:http';
import Module from 'node:module';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnalyticsEvent, EventBody } from '../../../src/analytics/analytics-event';
import type { Analytics } from '../../../src/analytics/analytics';
import { createAnalytics } from '../../../src/analytics/create-analytics';
import { hashId } from '../../../src/analytics/hash-id';
import { parseConfig } from '../../../src/config';
import { RecordingLogger } from '../../support/recording-logger';
import { IngestionStandIn, STAND_IN_IKEY, until, type Envelope } from './ingestion-stand-in';

const SALT = 'a-salt-of-at-least-thirty-two-characters';
const CONVERSATION = 'a:1Hj2-conversation;messageid=1764';
const USER = '29:1aBcDeF-user';
const SSN = '123-45-6789';

/** Where SDKs keep telemetry they could not send (2.x with disk retry; 3.x): never ours. */
const SDK_OFFLINE_FOLDER = /^(appInsights-node|Microsoft-AzureMonitor-)/;
const offlineFolders = () =>
  [...new Set([tmpdir(), '/tmp'])].flatMap((dir) => readdirSync(dir).filter((name) => SDK_OFFLINE_FOLDER.test(name)));

function event(body: EventBody, second = 0): AnalyticsEvent {
  return {
    time: `2026-11-26T15:00:${String(second).padStart(2, '0')}.000Z`,
    channel: 'msteams',
    conversationId: CONVERSATION,
    userId: USER,
    ...body,
  } as AnalyticsEvent;
}

const standIn = new IngestionStandIn();
const logger = new RecordingLogger();
let root: string;
let analytics: Analytics;
let foldersBefore: string[];
const untouched = { require: Module.prototype.require, request: http.request, log: console.log, error: console.error };

beforeAll(async () => {
  foldersBefore = offlineFolders();
  root = mkdtempSync(join(tmpdir(), 'analytics-appinsights-'));
  await standIn.start();
  analytics = await createAnalytics(
    parseConfig({
      APPLICATIONINSIGHTS_CONNECTION_STRING: standIn.connectionString,
      ANALYTICS_SALT: SALT,
      ANALYTICS_KEEP_TEXT: 'true',
      ANALYTICS_DIR: join(root, 'analytics'),
    }),
    logger,
  );
});
afterAll(async () => {
  await analytics.close();
  await standIn.stop();
  rmSync(root, { recursive: true, force: true });
});

describe('Application Insights, against a loopback stand-in of its ingestion endpoint', () => {
  let received: Envelope[];
  beforeAll(async () => {
    analytics.record(event({ type: 'answered', articleId: 'cards-not-accepted', score: 0.87 }, 1));
    analytics.record(event({ type: 'menu', options: ['activation-code-by-mail', 'locked-out'] }, 2));
    analytics.record(event({ type: 'declined', topic: 'tax-law', text: `my ssn is ${SSN}, what do I owe?` }, 3));
    analytics.record(event({ type: 'feedback', articleId: 'codes-overview', helpful: false, text: 'no code' }, 4));
    analytics.record(event({ type: 'rating', rating: 4, after: 'handoff' }, 5));
    await until(() => standIn.envelopes.length >= 5, 'five events at the stand-in');
    received = standIn.envelopes;
  });

  it('says which sink is on', () => {
    expect(logger.at('info')).toEqual([
      { level: 'info', obj: { analytics: 'appinsights', keepText: true }, msg: 'analytics on' },
    ]);
  });

  it("posts gzip NDJSON to the connection string's IngestionEndpoint, as the real service expects", () => {
    for (const batch of standIn.batches) {
      expect(batch).toMatchObject({
        method: 'POST',
        path: '/v2.1/track',
        contentEncoding: 'gzip',
        contentType: 'application/x-json-stream',
      });
    }
  });

  it('sends each event as a custom event named after its type, at its own time', () => {
    expect(received.map((envelope) => envelope.data.baseData.name)).toEqual([
      'answered',
      'menu',
      'declined',
      'feedback',
      'rating',
    ]);
    expect(received.map((envelope) => envelope.time)).toEqual(
      [1, 2, 3, 4, 5].map((s) => `2026-11-26T15:00:0${s}.000Z`),
    );
    for (const envelope of received) {
      expect(envelope.iKey).toBe(STAND_IN_IKEY);
      expect(envelope.name).toBe(`Microsoft.ApplicationInsights.${STAND_IN_IKEY.replace(/-/g, '')}.Event`);
      expect(envelope.data.baseType).toBe('EventData');
    }
  });

  it('carries the fields as custom properties and the numbers as measurements, ids hashed', () => {
    const context = {
      v: '1',
      channel: 'msteams',
      conversation: hashId(SALT, 'conversation', CONVERSATION),
      user: hashId(SALT, 'user', USER),
    };
    expect(received.map(({ data }) => [data.baseData.properties, data.baseData.measurements])).toEqual([
      [{ ...context, articleId: 'cards-not-accepted' }, { score: 0.87 }],
      [{ ...context, options: '["activation-code-by-mail","locked-out"]' }, {}],
      [{ ...context, topic: 'tax-law', text: 'my ssn is [redacted ssn], what do I owe?' }, {}],
      [{ ...context, articleId: 'codes-overview', helpful: 'false', text: 'no code' }, {}],
      [{ ...context, after: 'handoff' }, { rating: 4 }],
    ]);
  });

  it("sends neither the raw ids, the SSN, nor the host's name", () => {
    const sent = JSON.stringify(received);
    expect(sent).not.toContain('1Hj2');
    expect(sent).not.toContain('aBcDeF');
    expect(sent.replace(/\D/g, '')).not.toContain('123456789');
    for (const envelope of received) expect(envelope.tags['ai.cloud.roleInstance']).toBe('bot');
  });

  it('leaves the process alone: no require, http or console patches', () => {
    expect(Module.prototype.require).toBe(untouched.require);
    expect(http.request).toBe(untouched.request);
    expect(console.log).toBe(untouched.log);
    expect(console.error).toBe(untouched.error);
  });
});

describe('when the ingestion endpoint is down', () => {
  const downEvents = 25;
  beforeAll(async () => {
    await standIn.stop();
    for (let n = 0; n < downEvents; n++) {
      expect(() => analytics.record(event({ type: 'handoff', reason: 'asked' }, n % 60))).not.toThrow();
      if (n % 5 === 0) await new Promise((done) => setTimeout(done, 20));
    }
    await until(() => logger.at('warn').length > 0, 'the warning');
    // More events while it stays down: still no second warning.
    for (let n = 0; n < 5; n++) analytics.record(event({ type: 'handoff', reason: 'flow' }, n));
    await new Promise((done) => setTimeout(done, 200));
  });

  it('drops the events and says so once', () => {
    expect(logger.at('warn')).toEqual([
      {
        level: 'warn',
        // Refused once the stand-in is gone; a send in flight as it stops is hung up instead (a busy
        // machine): both are the endpoint down.
        obj: {
          sink: 'appinsights',
          reason: expect.stringMatching(/^unreachable: (.*ECONNREFUSED 127\.0\.0\.1|socket hang up)/),
        },
        msg: 'analytics unavailable: dropping events until the sink recovers',
      },
    ]);
  });

  it('writes nothing to disk: no SDK retry folder, no fallback to the local store', () => {
    expect(offlineFolders()).toEqual(foldersBefore);
    expect(existsSync(join(root, 'analytics'))).toBe(false);
  });

  it('says once that it recovered, with how many were lost, when the endpoint is back', async () => {
    const before = standIn.envelopes.length;
    await standIn.start();
    analytics.record(event({ type: 'handoff', reason: 'unhelpful' }, 59));
    await until(() => logger.at('info').length > 1, 'the recovery line');
    expect(logger.at('info')[1]).toEqual({
      level: 'info',
      obj: { sink: 'appinsights', dropped: downEvents + 5 },
      msg: 'analytics recovered',
    });
    expect(standIn.envelopes.slice(before).map((envelope) => envelope.data.baseData.properties?.reason)).toEqual([
      'unhelpful',
    ]);
    expect(logger.at('warn')).toHaveLength(1);
  });

  it('an endpoint that refuses the events (HTTP 500) counts as down too', async () => {
    standIn.respondWith(500);
    analytics.record(event({ type: 'handoff', reason: 'asked' }, 1));
    await until(() => logger.at('warn').length > 1, 'the second warning');
    expect(logger.at('warn')[1].obj).toEqual({ sink: 'appinsights', reason: 'rejected: 0 of 1 accepted' });
    standIn.respondWith(200);
    analytics.record(event({ type: 'handoff', reason: 'asked' }, 2));
    await until(() => logger.at('info').length > 2, 'the second recovery');
    expect(offlineFolders()).toEqual(foldersBefore);
  });
});
