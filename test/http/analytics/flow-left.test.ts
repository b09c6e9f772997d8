import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryStorage } from 'botbuilder';
import { DateTime } from 'luxon';
import type { AnalyticsRecord } from '../../../src/analytics/analytics-event';
import type { Flow } from '../../../src/content/flow-schema';
import { fillTemplate } from '../../../src/content/fill-template';
import { hashedIds, storedRecords, tempStore, type TempStore } from '../../support/analytics-store';
import { copyOfContent } from '../../support/content';
import { Conversation, replyText, startBot } from '../../support/local-bot';
import type { LocalBot } from '../../support/local-service';

/**
 * The two ways of leaving a flow that are not the user's command: another problem typed mid-flow
 * (that flow starts instead: "changed-topic"), and a flow that changed or vanished under the
 * conversation in a deploy ("expired"). Each is a flow-abandoned event at the question the user
 * was at, in the local store, through the real bot over HTTP. A deploy is two bots, one after the
 * other, on the same state storage, with the content edited between them.
 */

const NOW = '2025-01-14T17:50:00.000Z';
const clock = () => DateTime.fromISO(NOW);
const running: LocalBot[] = [];
const cleanups: Array<() => void> = [];
afterAll(async () => {
  await Promise.all(running.map((bot) => bot.stop()));
  for (const cleanup of cleanups) cleanup();
});

/** A bot with its own analytics store, on the given content and state storage. */
async function botOn(content: { knowledgeDir?: string; dialogsDir?: string }, storage = new MemoryStorage()) {
  const store: TempStore = tempStore();
  cleanups.push(() => store.remove());
  const bot = await startBot({ ...content, storage, variables: store.variables, clock });
  running.push(bot);
  return { bot, store };
}

/** A conversation's records in one bot's store, without the fields every record has. */
async function eventsOf(chat: Conversation, { bot, store }: { bot: LocalBot; store: TempStore }) {
  const { conversation } = hashedIds(chat.id, `user-${chat.id}`);
  const records: AnalyticsRecord[] = await storedRecords(store.dir, bot.service.analytics);
  return records
    .filter((record) => record.conversation === conversation)
    .map(({ v: _v, time: _t, channel: _ch, conversation: _c, user: _u, ...rest }) => rest);
}

/** The flow's first question (its start may say something first). */
function firstQuestion(flow: Flow): string {
  let id = flow.start;
  for (let node = flow.nodes[id]; node.kind === 'say'; node = flow.nodes[id]) id = node.next;
  return id;
}

const start = (chat: Conversation, flowId: string) => chat.say('', { value: { action: 'start-flow', id: flowId } });

/** Content copied to a temp folder, to be edited between two bots. */
function contentCopy() {
  const copy = copyOfContent();
  cleanups.push(() => rmSync(copy.root, { recursive: true, force: true }));
  return copy;
}

describe('a flow left for another topic', () => {
  it('another problem typed at the first question: the first flow left there (changed-topic), the other started', async () => {
    const one = await botOn({});
    const first = one.bot.content.flows.get('cant-complete-registration')!;
    const other = one.bot.content.flows.get('locked-out')!;
    const chat = new Conversation(one.bot);
    await start(chat, first.id);
    const reply = await chat.say(other.triggers[0]);
    expect(reply).toContain(fillTemplate(one.bot.content.texts.flowSwitched, { title: other.title }));
    expect(await eventsOf(chat, one)).toEqual([
      { type: 'flow-started', flowId: first.id },
      { type: 'flow-abandoned', flowId: first.id, nodeId: firstQuestion(first), outcome: 'changed-topic' },
      { type: 'flow-started', flowId: other.id },
    ]);
  });
});

describe('a flow that expired in a deploy', () => {
  it('changed under the conversation: left where the user was (expired), and started again', async () => {
    const content = contentCopy();
    const storage = new MemoryStorage();
    const before = await botOn(content, storage);
    const flow = before.bot.content.flows.get('cant-complete-registration')!;
    const question = firstQuestion(flow);
    const chat = new Conversation(before.bot);
    await start(chat, flow.id);
    await before.bot.stop();

    // The deploy: the first question is reworded, so the flow's version changes.
    const file = join(content.dialogsDir, `${flow.id}.yaml`);
    const asked = flow.nodes[question];
    if (asked.kind !== 'ask') throw new Error(`${question} is no question`);
    const [firstLine] = asked.text.split(' ');
    writeFileSync(file, readFileSync(file, 'utf8').replace(` ${firstLine} `, ` ${firstLine} (reworded) `));
    const after = await botOn(content, storage);
    const reworded = after.bot.content.flows.get(flow.id)!.nodes[question];
    expect(reworded.kind === 'ask' && reworded.text).toContain('(reworded)');
    expect(after.bot.content.flowVersions.get(flow.id)).not.toBe(before.bot.content.flowVersions.get(flow.id));

    const moved = new Conversation(after.bot, {}, chat.id);
    expect(await moved.say('yes')).toContain(after.bot.content.texts.flowChanged.slice(0, 40));
    expect(await eventsOf(chat, before)).toEqual([{ type: 'flow-started', flowId: flow.id }]);
    expect(await eventsOf(moved, after)).toEqual([
      { type: 'flow-abandoned', flowId: flow.id, nodeId: question, outcome: 'expired' },
      { type: 'flow-started', flowId: flow.id },
    ]);
  });

  it('vanished from the content: left where the user was (expired), and the message answered as if none ran', async () => {
    const content = contentCopy();
    const storage = new MemoryStorage();
    const before = await botOn(content, storage);
    const flow = before.bot.content.flows.get('locked-out')!;
    const chat = new Conversation(before.bot);
    await start(chat, flow.id);
    await before.bot.stop();

    rmSync(join(content.dialogsDir, `${flow.id}.yaml`));
    const after = await botOn(content, storage);
    expect(after.bot.content.flows.has(flow.id)).toBe(false);

    const moved = new Conversation(after.bot, {}, chat.id);
    const mailed = after.bot.content.articles.get('activation-code-by-mail')!;
    expect(await moved.say(mailed.questions[0])).toContain(mailed.answer.trim().slice(0, 40));
    expect(replyText(moved.last)).not.toContain(after.bot.content.texts.flowChanged.slice(0, 40));
    expect(await eventsOf(moved, after)).toEqual([
      { type: 'flow-abandoned', flowId: flow.id, nodeId: firstQuestion(flow), outcome: 'expired' },
      { type: 'answered', articleId: mailed.id, score: expect.any(Number) },
    ]);
  });
});
