import { MemoryStorage } from 'botbuilder';
import { DateTime } from 'luxon';
import type { AnalyticsRecord } from '../../../src/analytics/analytics-event';
import { hashedIds, storedRecords, tempStore, type TempStore } from '../../support/analytics-store';
import { buttonValue } from '../../support/card-buttons';
import { Conversation, startBot } from '../../support/local-bot';
import type { LocalBot } from '../../support/local-service';
import { PASTED_NUMBERS } from '../../support/pasted-numbers';

/**
 * The text analytics keep (the question of a declined turn, and of an answer marked "not
 * helpful", with ANALYTICS_KEEP_TEXT=true) never holds a pasted SSN, ITIN, EIN, PTIN or card
 * number, in any format the privacy tests know; nor does the question the conversation state
 * remembers for a later "not helpful". Without ANALYTICS_KEEP_TEXT no text is kept at all.
 */

const NOW = '2025-01-14T17:50:00.000Z';
const QUESTION_OUT_OF_SCOPE = 'what will the weather be on Mars tomorrow?';

/** The digits in order, at most a few other characters apart (any separator), after folding. */
function keeps(text: string, digits: string): boolean {
  const folded = text.normalize('NFKC').replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x660));
  return new RegExp(digits.split('').join('[^0-9]{0,3}')).test(folded);
}

/** A record without its time and hashed ids (hex digits that could look like anything). */
const contentOf = ({ time: _t, conversation: _c, user: _u, ...rest }: AnalyticsRecord) => JSON.stringify(rest);

interface Rig {
  readonly bot: LocalBot;
  readonly store: TempStore;
  readonly state: MemoryStorage;
}

async function startRig(keepText: boolean): Promise<Rig> {
  const store = tempStore(keepText);
  const state = new MemoryStorage();
  const bot = await startBot({ variables: store.variables, clock: () => DateTime.fromISO(NOW), storage: state });
  return { bot, store, state };
}

async function stopRig(rig: Rig | undefined): Promise<void> {
  await rig?.bot.stop();
  rig?.store.remove();
}

async function recordsOf(rig: Rig, chat: Conversation): Promise<AnalyticsRecord[]> {
  const { conversation } = hashedIds(chat.id, `user-${chat.id}`);
  return (await storedRecords(rig.store.dir, rig.bot.service.analytics)).filter(
    (record) => record.conversation === conversation,
  );
}

/** A question the bot answers, with the number pasted before it; then "Not helpful" under the answer. */
async function unhelpfulAnswer(rig: Rig, pasted: string): Promise<Conversation> {
  const chat = new Conversation(rig.bot);
  const question = rig.bot.content.articles.get('activation-code-by-mail')!.questions[0];
  await chat.say(`my number is ${pasted}. ${question}`);
  await chat.say('', { value: buttonValue(chat.last, rig.bot.content.texts.feedbackNotHelpful) });
  return chat;
}

describe('with ANALYTICS_KEEP_TEXT=true', () => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await startRig(true);
  });
  afterAll(() => stopRig(rig));

  it('the text is kept, for declines and "not helpful" only, when it holds no number', async () => {
    const declined = new Conversation(rig.bot);
    await declined.say(QUESTION_OUT_OF_SCOPE);
    const unhelpful = await unhelpfulAnswer(rig, 'today');
    expect(await recordsOf(rig, declined)).toEqual([
      expect.objectContaining({ type: 'declined', text: QUESTION_OUT_OF_SCOPE }),
    ]);
    const kinds = (await recordsOf(rig, unhelpful)).map((record) => [record.type, 'text' in record]);
    expect(kinds).toEqual([
      ['answered', false],
      ['feedback', true],
    ]);
  });

  describe.each(PASTED_NUMBERS)('a pasted number: %s', (_format, pasted, digits) => {
    it('a declined question keeps its words, not the number', async () => {
      const chat = new Conversation(rig.bot);
      // (The redaction's own words, "[redacted ssn]", may draw the question to an article; a
      // refund question stays out of scope.)
      await chat.say(`where's my refund? the number is ${pasted}`);
      const records = await recordsOf(rig, chat);
      // The words are kept (so this checks something), the number is not.
      expect(records.find((record) => record.type === 'declined')).toMatchObject({
        text: expect.stringContaining('refund'),
      });
      for (const record of records) expect(keeps(contentOf(record), digits)).toBe(false);
    });

    it('"not helpful" keeps the question without the number, and so does the conversation state', async () => {
      const chat = await unhelpfulAnswer(rig, pasted);
      const records = await recordsOf(rig, chat);
      expect(records.find((record) => record.type === 'feedback')).toMatchObject({
        helpful: false,
        text: expect.stringContaining('my number is'),
      });
      for (const record of records) expect(keeps(contentOf(record), digits)).toBe(false);
      const stored = JSON.stringify((rig.state as unknown as { memory: Record<string, string> }).memory);
      expect(keeps(stored, digits)).toBe(false);
    });
  });
});

describe('with ANALYTICS_KEEP_TEXT off (the default)', () => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await startRig(false);
  });
  afterAll(() => stopRig(rig));

  it('no record holds any text, and the state remembers no question', async () => {
    const declined = new Conversation(rig.bot);
    await declined.say(QUESTION_OUT_OF_SCOPE);
    const unhelpful = await unhelpfulAnswer(rig, 'today');
    const records = [...(await recordsOf(rig, declined)), ...(await recordsOf(rig, unhelpful))];
    expect(records.map((record) => record.type)).toEqual(['declined', 'answered', 'feedback']);
    for (const record of records) expect(record).not.toHaveProperty('text');
    const stored = JSON.stringify((rig.state as unknown as { memory: Record<string, string> }).memory);
    expect(stored).toContain('answers');
    expect(stored).not.toContain('question');
  });
});
