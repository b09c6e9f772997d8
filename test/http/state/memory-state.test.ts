import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Storage } from 'botbuilder';
import type { LocalBot } from '../../support/local-service';
import { parseConfig } from '../../../src/config';
import { createStorage } from '../../../src/state/create-storage';
import { copyOfContent, realContent } from '../../support/content';
import { startBot } from '../../support/local-bot';
import {
  CapturingLogger,
  choiceLabel,
  conversationKey,
  type InstrumentedBot,
  nodeText,
  readFlowFile,
  RoamingConversation,
  startInstrumentedBot,
} from '../../support/state';

// State in process memory (STORAGE=memory, as createStorage builds it), through the real bot.

const FLOW_ID = 'cant-complete-registration';
const FLOW = readFlowFile(FLOW_ID);
const texts = realContent().texts;

const running: LocalBot[] = [];
const copies: string[] = [];
afterAll(async () => {
  await Promise.all(running.map((bot) => bot.stop().catch(() => undefined)));
  for (const root of copies) rmSync(root, { recursive: true, force: true });
});

async function memoryStorage(
  variables: Record<string, string>,
  clock: () => number = () => Date.now(),
): Promise<Storage> {
  const config = parseConfig({ STORAGE: 'memory', ...variables });
  return (await createStorage(config, { clock, logger: new CapturingLogger() })).storage;
}

function replyTexts(conversation: RoamingConversation): Array<string | undefined> {
  return conversation.last.filter((activity) => activity.type === 'message').map((activity) => activity.text);
}

describe('a deploy that changes a flow under a conversation in it', () => {
  it('restarts the stale flow from its first question, saying why', async () => {
    const content = copyOfContent();
    copies.push(content.root);
    const storage = await memoryStorage({});
    const before = await startBot({ storage, knowledgeDir: content.knowledgeDir, dialogsDir: content.dialogsDir });
    running.push(before);
    const user = new RoamingConversation('flow-changed-1');
    await user.say(before, "I can't register online, it keeps failing");
    await user.click(before, choiceLabel(FLOW, 'previously-registered', 'no'));
    expect(replyTexts(user)).toEqual([nodeText(FLOW, 'where-stuck')]);
    await before.stop();

    // The deploy: one node's wording changes, so the flow's version hash changes.
    const file = join(content.dialogsDir, `${FLOW_ID}.yaml`);
    const original = nodeText(FLOW, 'where-stuck');
    const reworded = 'At which step does the registration stop?';
    writeFileSync(file, readFileSync(file, 'utf8').replace(`text: ${original}`, `text: ${reworded}`));
    const edited = readFlowFile(FLOW_ID, content.dialogsDir);
    expect(nodeText(edited, 'where-stuck')).toBe(reworded);

    const after = await startBot({ storage, knowledgeDir: content.knowledgeDir, dialogsDir: content.dialogsDir });
    running.push(after);
    expect(after.content.flowVersions.get(FLOW_ID)).not.toBe(before.content.flowVersions.get(FLOW_ID));

    // The user answers the question the old version asked.
    await user.click(after, choiceLabel(FLOW, 'where-stuck', 'phone'));
    // One message a turn: the explanation, then the question.
    // The flow opens again as it always does: with the then-and-now note before its first question.
    expect(replyTexts(user)).toEqual([
      `${texts.flowChanged}\n\n${texts.thenAndNow}\n\n${nodeText(edited, 'previously-registered')}`,
    ]);
    expect(user.titles()).toEqual(['Yes', 'No', 'Not sure']);

    // From there on it is the new version.
    await user.click(after, choiceLabel(edited, 'previously-registered', 'no'));
    expect(replyTexts(user)).toEqual([reworded]);
  });
});

describe('bounded memory state through the real bot', () => {
  let bot: InstrumentedBot;

  it('forgets the least recently used conversations, which then simply start fresh', async () => {
    // The cap is small enough that three other conversations push the first one out.
    const storage = await memoryStorage({ STATE_MAX_CONVERSATIONS: '2' });
    bot = await startInstrumentedBot({ storage, storageKind: 'memory' });
    running.push(bot);
    const first = new RoamingConversation('evicted-1');
    expect(await first.join(bot)).toContain(texts.welcome);
    await first.say(bot, 'my Secure Access registration keeps failing');
    const stale = first.choices();
    await first.click(bot, choiceLabel(FLOW, 'previously-registered', 'no'));
    expect(replyTexts(first)).toEqual([nodeText(FLOW, 'where-stuck')]);

    for (const id of ['evicted-2', 'evicted-3', 'evicted-4']) {
      const other = new RoamingConversation(id);
      await other.join(bot);
      await other.say(bot, 'hello');
    }
    expect(await storage.read([conversationKey(first.id)])).toEqual({});

    // It is a new conversation: welcomed again when the page joins, ...
    expect(await first.join(bot)).toContain(texts.welcome);
    // ... its old flow buttons lead nowhere now but are answered, not failed, ...
    const button = stale.find((choice) => choice.title === 'Yes')!;
    await first.say(bot, button.title, { value: button.value });
    expect(replyTexts(first)).toEqual([texts.help]);
    // ... questions are answered, and a problem starts the flow afresh.
    expect(await first.say(bot, 'what do I need to register?')).toContain(
      realContent().articles.get('what-you-need')!.answer.trim(),
    );
    await first.say(bot, 'my Secure Access registration keeps failing');
    expect(replyTexts(first)).toEqual([`${texts.thenAndNow}\n\n${nodeText(FLOW, 'previously-registered')}`]);

    expect(bot.logger.lines.filter((line) => line.level === 'error' || line.level === 'warn')).toEqual([]);
  });

  it('forgets a conversation left idle longer than STATE_IDLE_MINUTES, mid-flow, without an error', async () => {
    let now = Date.parse('2025-01-14T15:00:00Z');
    const storage = await memoryStorage({ STATE_IDLE_MINUTES: '30' }, () => now);
    bot = await startInstrumentedBot({ storage, storageKind: 'memory' });
    running.push(bot);
    const user = new RoamingConversation('idle-1');
    await user.say(bot, 'my Secure Access registration keeps failing');
    await user.click(bot, choiceLabel(FLOW, 'previously-registered', 'no'));
    const whereStuck = user.choices();

    now += 29 * 60_000; // still there just before the limit
    expect(await storage.read([conversationKey(user.id)])).not.toEqual({});
    now += 30 * 60_000;
    const phone = whereStuck.find((choice) => choice.title === choiceLabel(FLOW, 'where-stuck', 'phone'))!;
    await user.say(bot, phone.title, { value: phone.value });
    expect(replyTexts(user)).toEqual([texts.help]);
    expect(bot.logger.lines.filter((line) => line.level === 'error' || line.level === 'warn')).toEqual([]);
  });
});
