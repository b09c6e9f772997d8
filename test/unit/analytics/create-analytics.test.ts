import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnalyticsEvent, AnalyticsRecord, EventBody } from '../../../src/analytics/analytics-event';
import { createAnalytics } from '../../../src/analytics/create-analytics';
import { type ConfigError, parseConfig } from '../../../src/config';
import { findSensitiveNumbers } from '../../../src/privacy/sensitive-numbers';
import { RecordingLogger } from '../../support/recording-logger';
import { keepsDigits, pastedNumbers } from './privacy-fixtures';

const SALT = 'a-salt-of-at-least-thirty-two-characters';
let root: string;
let dir: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'analytics-create-'));
  dir = join(root, 'analytics');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function event(body: EventBody, conversationId = 'conversation-1'): AnalyticsEvent {
  return {
    time: '2026-11-26T15:00:00Z',
    channel: 'webchat',
    conversationId,
    userId: 'user-1',
    ...body,
  } as AnalyticsEvent;
}

function storedText(): string {
  if (!existsSync(dir)) return '';
  return readdirSync(dir)
    .map((name) => readFileSync(join(dir, name), 'utf8'))
    .join('');
}

function stored(): AnalyticsRecord[] {
  return storedText()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as AnalyticsRecord);
}

async function recordAll(variables: Record<string, string>, events: AnalyticsEvent[], logger = new RecordingLogger()) {
  const analytics = await createAnalytics(parseConfig({ ANALYTICS_DIR: dir, ...variables }), logger);
  for (const each of events) analytics.record(each);
  await analytics.close();
  return logger;
}

describe('the analytics the configuration asks for', () => {
  it('by default: the local store in ANALYTICS_DIR, no free text', async () => {
    const logger = await recordAll({ ANALYTICS_SALT: SALT }, [
      event({ type: 'declined', topic: 'tax-law', text: 'how do I file my taxes' }),
    ]);
    expect(stored()).toEqual([expect.objectContaining({ type: 'declined', topic: 'tax-law' })]);
    expect(storedText()).not.toContain('taxes');
    expect(logger.at('info')).toEqual([
      { level: 'info', obj: { analytics: 'file', keepText: false }, msg: 'analytics on' },
    ]);
    expect(logger.at('warn')).toEqual([]);
  });

  it('with the same salt, a conversation has the same hash in every process', async () => {
    await recordAll({ ANALYTICS_SALT: SALT }, [event({ type: 'handoff', reason: 'asked' })]);
    await recordAll({ ANALYTICS_SALT: SALT }, [event({ type: 'rating', rating: 5, after: 'handoff' })]);
    const [handoff, rating] = stored();
    expect(rating.conversation).toBe(handoff.conversation);
  });

  it('without a salt: a random one per process, said once in the log', async () => {
    const logger = await recordAll({}, [event({ type: 'handoff', reason: 'asked' })]);
    await recordAll({}, [event({ type: 'rating', rating: 5, after: 'handoff' })]);
    const [handoff, rating] = stored();
    expect(rating.conversation).not.toBe(handoff.conversation);
    expect(logger.at('warn').map((line) => line.msg)).toEqual([expect.stringContaining('ANALYTICS_SALT is not set')]);
  });

  it('ANALYTICS_ENABLED=false: nothing is recorded anywhere', async () => {
    const logger = await recordAll({ ANALYTICS_ENABLED: 'false' }, [event({ type: 'handoff', reason: 'asked' })]);
    expect(existsSync(dir)).toBe(false);
    expect(logger.lines.map((line) => line.msg)).toEqual(['analytics off']);
  });
});

describe('ANALYTICS_KEEP_TEXT=true keeps unanswered and "not helpful" questions, never a number', () => {
  const formats = pastedNumbers();

  it.each(formats.map((row) => [row.format, row] as const))('%s', async (_format, row) => {
    const question = `my number is ${row.pasted}, why can't I register?`;
    await recordAll({ ANALYTICS_SALT: SALT, ANALYTICS_KEEP_TEXT: 'true' }, [
      event({ type: 'declined', text: question }),
      event({ type: 'feedback', articleId: 'codes-overview', helpful: false, text: question }),
    ]);
    const records = stored();
    expect(records.map((record) => record.text)).toEqual([
      expect.stringContaining("why can't I register?"),
      expect.stringContaining("why can't I register?"),
    ]);
    const text = storedText();
    expect(keepsDigits(text, row.digits)).toBe(false);
    for (const record of records) expect(findSensitiveNumbers(record.text ?? '')).toEqual([]);
  });
});

describe('the configuration refuses', () => {
  const problems = (variables: Record<string, string>) => {
    try {
      parseConfig(variables);
      return [];
    } catch (error) {
      return (error as ConfigError).problems;
    }
  };
  const CONNECTION =
    'InstrumentationKey=11111111-2222-3333-4444-555555555555;IngestionEndpoint=https://westus-0.in.applicationinsights.azure.com/';

  it('Application Insights without a salt', () => {
    expect(problems({ APPLICATIONINSIGHTS_CONNECTION_STRING: CONNECTION })).toEqual([
      'ANALYTICS_SALT: is required with APPLICATIONINSIGHTS_CONNECTION_STRING (every instance must hash ids alike)',
    ]);
  });

  it('a short salt', () => {
    expect(problems({ ANALYTICS_SALT: 'short' })).toEqual([
      'ANALYTICS_SALT: must be at least 32 characters (for example the output of `openssl rand -hex 32`)',
    ]);
  });

  it.each([
    ['no instrumentation key', 'IngestionEndpoint=https://example.com/'],
    ['an instrumentation key that is not a GUID', 'InstrumentationKey=abc'],
    ['plain http to another host', CONNECTION.replace('https://westus-0', 'http://westus-0')],
    ['an endpoint that is not a URL', 'InstrumentationKey=11111111-2222-3333-4444-555555555555;IngestionEndpoint=nope'],
  ])('a connection string with %s', (_name, connection) => {
    expect(problems({ APPLICATIONINSIGHTS_CONNECTION_STRING: connection, ANALYTICS_SALT: SALT })).toEqual([
      expect.stringMatching(/^APPLICATIONINSIGHTS_CONNECTION_STRING: /),
    ]);
  });

  it("and accepts the portal's connection string, or http to a loopback stand-in", () => {
    expect(problems({ APPLICATIONINSIGHTS_CONNECTION_STRING: CONNECTION, ANALYTICS_SALT: SALT })).toEqual([]);
    const loopback = 'InstrumentationKey=11111111-2222-3333-4444-555555555555;IngestionEndpoint=http://127.0.0.1:4100/';
    expect(problems({ APPLICATIONINSIGHTS_CONNECTION_STRING: loopback, ANALYTICS_SALT: SALT })).toEqual([]);
  });
});
