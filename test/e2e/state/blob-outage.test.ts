import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { type Azurite, startAzurite } from '../../support/azurite';
import { KNOWLEDGE_DIR, realContent } from '../../support/content';
import {
  blobStorageFor,
  choiceLabel,
  type InstrumentedBot,
  nodeText,
  readFlowFile,
  RoamingConversation,
  startInstrumentedBot,
} from '../../support/state';

// The blob service goes away under a running bot (Azurite stopped), then comes back on the same
// port with its data (Azurite started again); the bot is never restarted.

const FLOW = readFlowFile('cant-complete-registration');
const texts = realContent().texts;
const HELPDESK_NUMBER = (parse(readFileSync(join(KNOWLEDGE_DIR, 'helpdesk.yaml'), 'utf8')) as { number: string })
  .number;

let azurite: Azurite;
let bot: InstrumentedBot | undefined;

beforeAll(async () => {
  azurite = await startAzurite();
});

afterAll(async () => {
  await bot?.stop();
  await azurite?.stop();
});

describe('a storage outage under a running bot', () => {
  it('answers with the help desk while storage is down, reports degraded health, logs once, and recovers by itself', async () => {
    bot = await startInstrumentedBot({ storage: await blobStorageFor(azurite, 'outage'), storageKind: 'blob' });
    const user = new RoamingConversation('outage-1');
    await user.join(bot);
    await user.say(bot, 'my Secure Access registration keeps failing');
    await user.click(bot, choiceLabel(FLOW, 'previously-registered', 'no'));
    expect(replyTexts(user)).toEqual([nodeText(FLOW, 'where-stuck')]);
    expect(await bot.health()).toMatchObject({
      status: 200,
      body: { status: 'ok', storage: { kind: 'blob', degraded: false } },
    });

    await azurite.stop();
    const duringOutage = ['phone', 'hello', 'what do I need to register?', 'talk to a person'];
    for (const text of duringOutage) {
      const started = Date.now();
      const reply = await user.say(bot, text); // throws unless HTTP 200
      expect(Date.now() - started).toBeLessThan(3_000); // well inside what a channel waits
      expect(replyTexts(user)[0]).toBe(texts.storageDown);
      expect(reply).toContain(HELPDESK_NUMBER);
      expect(reply).not.toContain(texts.error);
    }
    expect(await bot.health()).toMatchObject({
      status: 200,
      body: { ok: true, status: 'degraded', storage: { kind: 'blob', degraded: true } },
    });

    await azurite.restart();
    // The flow state saved before the outage is still there: the next turn carries on with it.
    await user.say(bot, 'phone');
    expect(replyTexts(user)).toEqual([nodeText(FLOW, 'phone-which')]);
    expect(await bot.health()).toMatchObject({ status: 200, body: { status: 'ok', storage: { degraded: false } } });

    // One error line for the whole outage, however many turns failed; one line when it ended.
    const unavailable = bot.logger.withMessage('storage unavailable');
    expect(unavailable.map((line) => line.level)).toEqual(['error']);
    expect(bot.logger.withMessage('storage recovered')).toHaveLength(1);
    expect(bot.logger.withMessage('storage recovered')[0].obj).toMatchObject({ failedCalls: duringOutage.length });
    expect(bot.logger.lines.filter((line) => line.level === 'error')).toHaveLength(1);
  });
});

function replyTexts(conversation: RoamingConversation): Array<string | undefined> {
  return conversation.last.filter((activity) => activity.type === 'message').map((activity) => activity.text);
}
