import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { hashId } from '../../../src/analytics/hash-id';
import { Conversation, startBot } from '../../support/local-bot';
import type { LocalBot } from '../../support/local-service';
import { RecordingLogger } from '../../support/recording-logger';
import { IngestionStandIn, STAND_IN_IKEY, until, type Envelope } from './ingestion-stand-in';

/**
 * The bot itself with Application Insights on, as a firm runs it: the real service started with
 * APPLICATIONINSIGHTS_CONNECTION_STRING pointing at a loopback stand-in of the ingestion endpoint,
 * spoken to over HTTP. Its turns reach the stand-in as custom events with hashed ids and no text
 * (ANALYTICS_KEEP_TEXT is off by default), nothing is written to the local store, and with the
 * endpoint down the turns are answered all the same.
 */

const SALT = 'a-salt-for-the-bot-of-at-least-32-characters';
const NOW = '2025-01-14T17:50:00.000Z';
const SSN = '123-45-6789';

const standIn = new IngestionStandIn();
const logger = new RecordingLogger();
let root: string;
let bot: LocalBot;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'analytics-appinsights-bot-'));
  await standIn.start();
  bot = await startBot({
    variables: {
      APPLICATIONINSIGHTS_CONNECTION_STRING: standIn.connectionString,
      ANALYTICS_SALT: SALT,
      ANALYTICS_ENABLED: 'true',
      ANALYTICS_DIR: join(root, 'analytics'),
    },
    clock: () => DateTime.fromISO(NOW),
    logger,
  });
});
afterAll(async () => {
  await bot.stop();
  await standIn.stop();
  rmSync(root, { recursive: true, force: true });
});

const article = () => bot.content.articles.get('activation-code-by-mail')!;
const named = (name: string) => (envelope: Envelope) => envelope.data.baseData.name === name;
/** A conversation whose raw ids are easy to look for in what was sent. */
const chat = (marker: string) => new Conversation(bot, { channelId: 'webchat' }, `raw-conversation-${marker}`);

describe('the bot with APPLICATIONINSIGHTS_CONNECTION_STRING', () => {
  it('sends an answered question as an "answered" custom event: the article, hashed ids, no text', async () => {
    const conversation = chat('q7Zx');
    expect(await conversation.say(article().questions[0])).toContain(article().answer.trim().slice(0, 40));
    await until(() => standIn.envelopes.some(named('answered')), 'the answered event at the stand-in');
    const [answered] = standIn.envelopes.filter(named('answered'));
    expect(answered).toMatchObject({
      iKey: STAND_IN_IKEY,
      time: NOW,
      data: {
        baseType: 'EventData',
        baseData: {
          name: 'answered',
          properties: {
            v: '1',
            channel: 'webchat',
            articleId: article().id,
            conversation: hashId(SALT, 'conversation', conversation.id),
            user: hashId(SALT, 'user', `user-${conversation.id}`),
          },
          measurements: { score: expect.any(Number) },
        },
      },
    });
    const sent = JSON.stringify(standIn.envelopes);
    expect(sent).not.toContain('q7Zx');
    expect(sent).not.toContain(article().questions[0]);
    expect(standIn.batches.every((batch) => batch.path === '/v2.1/track')).toBe(true);
  });

  it('a question it declines, with a pasted SSN: the event, and neither its text nor the number', async () => {
    const conversation = chat('d3Wy');
    await conversation.say(`Where's my refund? My SSN is ${SSN}`);
    await until(() => standIn.envelopes.some(named('declined')), 'the declined event at the stand-in');
    const [declined] = standIn.envelopes.filter(named('declined'));
    expect(declined.data.baseData.properties).toEqual({
      v: '1',
      channel: 'webchat',
      conversation: hashId(SALT, 'conversation', conversation.id),
      user: hashId(SALT, 'user', `user-${conversation.id}`),
      topic: 'refunds',
    });
    const sent = JSON.stringify(standIn.envelopes);
    expect(sent).not.toMatch(/where's my|my ssn/i);
    expect(sent.replace(/\D/g, '')).not.toContain(SSN.replace(/\D/g, ''));
    expect(sent).not.toContain('d3Wy');
  });

  it('writes no local store', () => {
    expect(existsSync(join(root, 'analytics'))).toBe(false);
  });
});

describe('the bot when the ingestion endpoint is down', () => {
  beforeAll(() => standIn.stop());

  it('still answers every turn, and says once that analytics are unavailable', async () => {
    const conversation = chat('down');
    const answer = article().answer.trim().slice(0, 40);
    const warned = () => logger.at('warn').filter((line) => line.msg?.startsWith('analytics unavailable'));
    expect(await conversation.say(article().questions[0])).toContain(answer);
    await until(() => warned().length > 0, 'the warning');
    // Known to be down now: the next turns' events are dropped at once, and the turns answered.
    for (const question of article().questions.slice(1, 4)) expect(await conversation.say(question)).toContain(answer);
    expect(warned()).toHaveLength(1);
    expect(logger.at('error')).toEqual([]);
  });
});
