import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Activity } from 'botbuilder';
import { DateTime } from 'luxon';
import type { AnalyticsRecord } from '../../../src/analytics/analytics-event';
import { hashedIds, storedRecords, tempStore, type TempStore } from '../../support/analytics-store';
import { startBot } from '../../support/local-bot';
import type { LocalBot } from '../../support/local-service';
import { FIXTURES_DIR } from '../../support/paths';
import { ConnectorStandIn, type PostedActivity } from './connector-stand-in';

/**
 * Teams names the message its feedback buttons rate: the `message/submitAction` invoke's
 * replyToId is the id the connector gave the bot's message when it was sent. Here the bot runs as
 * the Teams rig runs it (anonymous, DEV_LOCAL_TOOLS), Teams' activities are posted to it as Teams
 * posts them (no expectReplies), and its replies go to a loopback stand-in of the connector that
 * gives each message an id. Only a like or dislike naming an answer this conversation sent is
 * kept, once; an unknown id, another chat's id and a replay get Teams' empty 200 and no event.
 */

const NOW = '2025-01-14T17:50:00.000Z';
const base = JSON.parse(readFileSync(join(FIXTURES_DIR, 'teams', 'personal-chat.json'), 'utf8')) as Partial<Activity>;

let bot: LocalBot;
let store: TempStore;
const connector = new ConnectorStandIn();
beforeAll(async () => {
  await connector.start();
  store = tempStore();
  bot = await startBot({
    variables: { DEV_LOCAL_TOOLS: 'true', ...store.variables },
    clock: () => DateTime.fromISO(NOW),
  });
});
afterAll(async () => {
  await bot.stop();
  await connector.stop();
  store.remove();
});

const article = (id: string) => bot.content.articles.get(id)!;
let nextChat = 0;

/** A Teams personal chat of its own, whose replies go to the connector stand-in. */
function personalChat(): Partial<Activity> {
  nextChat += 1;
  return {
    ...base,
    serviceUrl: connector.serviceUrl,
    conversation: { ...base.conversation!, id: `${base.conversation!.id}-ids-${nextChat}` },
  };
}

/** Posts an activity as Teams does (no expectReplies): the turn is over when it answers. */
async function post(activity: Partial<Activity>): Promise<{ status: number; body: string }> {
  const response = await fetch(`${bot.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  return { status: response.status, body: await response.text() };
}

/** Asks a question in the chat; returns the answer's message as the connector received it. */
async function ask(chat: Partial<Activity>, text: string): Promise<PostedActivity> {
  const before = connector.messagesTo(chat.conversation!.id).length;
  expect((await post({ ...chat, id: `m-${Math.random()}`, text })).status).toBe(200);
  const sent = connector.messagesTo(chat.conversation!.id).slice(before);
  expect(sent).toHaveLength(1);
  expect(sent[0].activity.channelData).toEqual({ feedbackLoopEnabled: true });
  return sent[0];
}

/** Teams' feedback invoke on the message with this id. */
function rate(chat: Partial<Activity>, reaction: 'like' | 'dislike', replyToId: string) {
  return post({
    type: 'invoke',
    name: 'message/submitAction',
    id: `i-${Math.random()}`,
    channelId: 'msteams',
    serviceUrl: chat.serviceUrl,
    from: chat.from,
    recipient: chat.recipient,
    conversation: chat.conversation,
    channelData: { tenant: { id: chat.conversation!.tenantId }, source: { name: 'message' } },
    replyToId,
    value: { actionName: 'feedback', actionValue: { reaction, feedback: '{"feedbackText":""}' } },
  });
}

async function feedbackOf(chat: Partial<Activity>): Promise<AnalyticsRecord[]> {
  const { conversation } = hashedIds(chat.conversation!.id, chat.from!.id);
  const records = await storedRecords(store.dir, bot.service.analytics);
  return records.filter((record) => record.conversation === conversation && record.type === 'feedback');
}

const EMPTY_200 = { status: 200, body: '{}' };

describe('Teams feedback names the message it rates', () => {
  it('the answer’s own id: one event; the same invoke again (a replay): 200, no second event', async () => {
    const chat = personalChat();
    const answer = await ask(chat, article('activation-code-by-mail').questions[0]);
    expect(await rate(chat, 'like', answer.id)).toEqual(EMPTY_200);
    expect(await rate(chat, 'like', answer.id)).toEqual(EMPTY_200);
    expect(await rate(chat, 'dislike', answer.id)).toEqual(EMPTY_200);
    expect(await feedbackOf(chat)).toEqual([
      {
        v: 1,
        time: NOW,
        channel: 'msteams',
        ...hashedIds(chat.conversation!.id, chat.from!.id),
        type: 'feedback',
        articleId: 'activation-code-by-mail',
        helpful: true,
      },
    ]);
  });

  it('an older answer named by its id is the one rated, not the newest', async () => {
    const chat = personalChat();
    const first = await ask(chat, article('activation-code-by-mail').questions[0]);
    await ask(chat, article('what-you-need').questions[0]);
    expect(await rate(chat, 'dislike', first.id)).toEqual(EMPTY_200);
    expect(await feedbackOf(chat)).toEqual([
      expect.objectContaining({ articleId: 'activation-code-by-mail', helpful: false }),
    ]);
  });

  it('an id the bot never sent: 200, no event, and the answer can still be rated by its own id', async () => {
    const chat = personalChat();
    const answer = await ask(chat, article('activation-code-by-mail').questions[0]);
    for (const id of ['1:bot-message', String(Number(answer.id) + 1000), 'x'.repeat(5000)])
      expect(await rate(chat, 'like', id)).toEqual(EMPTY_200);
    expect(await feedbackOf(chat)).toEqual([]);
    expect(await rate(chat, 'like', answer.id)).toEqual(EMPTY_200);
    expect(await feedbackOf(chat)).toHaveLength(1);
  });

  it('another chat’s answer id: 200, and no event in either chat', async () => {
    const chat = personalChat();
    const other = personalChat();
    await ask(chat, article('activation-code-by-mail').questions[0]);
    const foreign = await ask(other, article('what-you-need').questions[0]);
    expect(await rate(chat, 'like', foreign.id)).toEqual(EMPTY_200);
    expect(await feedbackOf(chat)).toEqual([]);
    expect(await feedbackOf(other)).toEqual([]);
  });

  it('the id of a message that was no answer (small talk): 200, no event', async () => {
    const chat = personalChat();
    await ask(chat, article('activation-code-by-mail').questions[0]);
    const before = connector.messagesTo(chat.conversation!.id).length;
    expect((await post({ ...chat, id: `m-${Math.random()}`, text: 'hello' })).status).toBe(200);
    const [smallTalk] = connector.messagesTo(chat.conversation!.id).slice(before);
    expect(smallTalk.activity.channelData).toBeUndefined();
    expect(await rate(chat, 'like', smallTalk.id)).toEqual(EMPTY_200);
    expect(await feedbackOf(chat)).toEqual([]);
  });
});
