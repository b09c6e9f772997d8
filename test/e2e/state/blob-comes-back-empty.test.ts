import { DateTime } from 'luxon';
import { type Azurite, startAzurite } from '../../support/azurite';
import { realContent } from '../../support/content';
import {
  blobStorageFor,
  choiceLabel,
  type InstrumentedBot,
  nodeText,
  readFlowFile,
  RoamingConversation,
  startInstrumentedBot,
} from '../../support/state';

// The blob service comes back after an outage WITHOUT the bot's container (a fresh account, a
// restored emulator): the bot must create it again and carry on, without a restart, and a long
// outage must show in /healthz as a 503 so an orchestrator can act.

const FLOW = readFlowFile('cant-complete-registration');
const texts = realContent().texts;

let azurite: Azurite;
let bot: InstrumentedBot | undefined;
let now = DateTime.fromISO('2026-01-13T15:00:00Z');

beforeAll(async () => {
  azurite = await startAzurite();
});

afterAll(async () => {
  await bot?.stop();
  await azurite?.stop();
});

it('recreates a lost container on the next turn, and reports 503 only after a long outage', async () => {
  bot = await startInstrumentedBot({
    storage: await blobStorageFor(azurite, 'comes-back-empty'),
    storageKind: 'blob',
    clock: () => now,
    variables: { STORAGE_UNHEALTHY_AFTER_SECONDS: '120' },
  });
  const user = new RoamingConversation('empty-1');
  await user.say(bot, 'my Secure Access registration keeps failing');
  // The flow opens with the then-and-now note before its first question.
  expect(replyTexts(user)).toEqual([`${texts.thenAndNow}\n\n${nodeText(FLOW, 'previously-registered')}`]);

  await azurite.stop();
  await user.say(bot, 'hello');
  expect(replyTexts(user)[0]).toBe(texts.storageDown);
  expect(await bot.health()).toMatchObject({ status: 200, body: { ok: true, status: 'degraded' } });
  now = now.plus({ seconds: 121 });
  expect(await bot.health()).toMatchObject({ status: 503, body: { ok: false, status: 'degraded' } });

  await azurite.restartEmpty();
  // The flow's state went with the old store, so the conversation starts afresh; what matters is
  // that it is saved again: the next turn carries on from this one.
  await user.say(bot, 'my Secure Access registration keeps failing');
  // The flow opens with the then-and-now note before its first question.
  expect(replyTexts(user)).toEqual([`${texts.thenAndNow}\n\n${nodeText(FLOW, 'previously-registered')}`]);
  await user.click(bot, choiceLabel(FLOW, 'previously-registered', 'no'));
  expect(replyTexts(user)).toEqual([nodeText(FLOW, 'where-stuck')]);
  expect(await bot.health()).toMatchObject({ status: 200, body: { ok: true, status: 'ok' } });
});

function replyTexts(conversation: RoamingConversation): Array<string | undefined> {
  return conversation.last.filter((activity) => activity.type === 'message').map((activity) => activity.text);
}
