import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Activity } from 'botbuilder';
import { DateTime } from 'luxon';
import type { AnalyticsRecord } from '../../../src/analytics/analytics-event';
import { hashedIds, storedRecords, tempStore, type TempStore } from '../../support/analytics-store';
import { cardButtons } from '../../support/card-buttons';
import { startChannelTokenIssuer, TEST_APP, type ChannelTokenIssuer } from '../../support/channel-tokens';
import { replyText, startBot } from '../../support/local-bot';
import type { LocalBot } from '../../support/local-service';
import { FIXTURES_DIR } from '../../support/paths';
import { teamsProblems } from '../../unit/cards/teams-card-check';

/**
 * Teams' own feedback buttons and the rating in Teams, over HTTP with real signed channel tokens:
 * answers carry `channelData.feedbackLoopEnabled` (and no card of ours), the like or dislike comes
 * back as a `message/submitAction` invoke answered 200 with an empty body, and the analytics
 * store keeps it once (rated by the message id Teams names: teams-feedback-ids.test.ts). Also the
 * invoke as Microsoft 365 Agents Playground sends it (no replyToId, the comment as plain text).
 */

const NOW = '2025-01-14T17:50:00.000Z';
const ALLOWED = TEST_APP.MicrosoftAppTenantId;
const fixture = (name: string): Partial<Activity> =>
  JSON.parse(readFileSync(join(FIXTURES_DIR, 'teams', `${name}.json`), 'utf8')) as Partial<Activity>;

let bot: LocalBot;
let issuer: ChannelTokenIssuer;
let store: TempStore;
beforeAll(async () => {
  issuer = await startChannelTokenIssuer();
  store = tempStore();
  bot = await startBot({
    variables: {
      ...TEST_APP,
      ALLOWED_TENANTS: ALLOWED,
      ToBotFromChannelOpenIdMetadataUrl: issuer.metadataUrl,
      ...store.variables,
    },
    clock: () => DateTime.fromISO(NOW),
  });
});
afterAll(async () => {
  await bot.stop();
  await issuer.stop();
  store.remove();
});

const texts = () => bot.content.texts;
const mailed = () => bot.content.articles.get('activation-code-by-mail')!;
let nextConversation = 0;

/** A personal chat of its own, so each test's records and state are its own. */
function personalChat(): Partial<Activity> {
  nextConversation += 1;
  const base = fixture('personal-chat');
  return { ...base, conversation: { ...base.conversation!, id: `${base.conversation!.id}-${nextConversation}` } };
}

/** A message in that chat, signed as Teams signs it; the replies come back in the response. */
function say(chat: Partial<Activity>, text: string, extra: Partial<Activity> = {}) {
  const activity = { ...chat, id: `m-${Math.random()}`, text, ...extra };
  return bot.send(activity, { authorization: issuer.authorization(activity.serviceUrl ?? '') });
}

/** Teams' feedback invoke for that chat, posted as Teams posts it (no expectReplies). */
async function invoke(chat: Partial<Activity>, value: unknown, extra: Partial<Activity> = {}) {
  const activity: Partial<Activity> = {
    type: 'invoke',
    name: 'message/submitAction',
    id: `i-${Math.random()}`,
    channelId: 'msteams',
    serviceUrl: chat.serviceUrl,
    from: chat.from,
    recipient: chat.recipient,
    conversation: chat.conversation,
    channelData: { tenant: { id: ALLOWED }, source: { name: 'message' } },
    locale: 'en-US',
    value,
    ...extra,
  };
  const response = await fetch(`${bot.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: issuer.authorization(activity.serviceUrl ?? '') },
    body: JSON.stringify(activity),
  });
  return { status: response.status, body: await response.text() };
}

const feedback = (reaction: string, text = '') => ({
  actionName: 'feedback',
  actionValue: { reaction, feedback: JSON.stringify({ feedbackText: text }) },
});

async function recordsOf(chat: Partial<Activity>, type?: AnalyticsRecord['type']): Promise<AnalyticsRecord[]> {
  const { conversation } = hashedIds(chat.conversation!.id, chat.from!.id);
  const records = await storedRecords(store.dir, bot.service.analytics);
  return records.filter(
    (record) => record.conversation === conversation && (type === undefined || record.type === type),
  );
}

describe("Teams' own feedback buttons", () => {
  it('an answer asks Teams for its feedback buttons, and has no "Was this helpful?" of ours', async () => {
    const replies = await say(personalChat(), mailed().questions[0]);
    const [answer] = replies.filter((reply) => reply.type === 'message');
    expect(answer.channelData).toEqual({ feedbackLoopEnabled: true });
    expect(replyText(replies)).not.toContain(texts().feedbackPrompt);
    expect(cardButtons(replies).map((button) => button.title)).not.toContain(texts().feedbackHelpful);
    expect(answer.attachments).toHaveLength(1);
    expect(teamsProblems(answer)).toEqual([]);
  });

  it('what is not an answer (the welcome, small talk, a decline) gets no feedback buttons', async () => {
    const chat = personalChat();
    for (const text of ['hello', 'what is the weather on Mars?']) {
      const replies = await say(chat, text);
      expect(replies.every((reply) => reply.channelData === undefined)).toBe(true);
    }
  });

  it('a like naming a message the bot never sent: 200 with an empty body, and no event', async () => {
    // Here the replies come back in the response (expectReplies): no connector gives them ids, so
    // no id names an answer (teams-feedback-ids.test.ts rates answers by the ids Teams gives).
    const chat = personalChat();
    await say(chat, mailed().questions[0]);
    const like = feedback('like', 'Clear, thanks');
    expect(await invoke(chat, like, { replyToId: '1:bot-message' })).toEqual({ status: 200, body: '{}' });
    expect(await recordsOf(chat, 'feedback')).toEqual([]);
  });

  it('without replyToId: a like rates the newest answer, once; the same invoke again: 200, no event', async () => {
    const chat = personalChat();
    await say(chat, mailed().questions[0]);
    const like = feedback('like', 'Clear, thanks');
    expect(await invoke(chat, like)).toEqual({ status: 200, body: '{}' });
    expect(await invoke(chat, like)).toEqual({ status: 200, body: '{}' });
    expect(await recordsOf(chat, 'feedback')).toEqual([
      {
        v: 1,
        time: NOW,
        channel: 'msteams',
        ...hashedIds(chat.conversation!.id, chat.from!.id),
        type: 'feedback',
        articleId: mailed().id,
        helpful: true,
      },
    ]);
  });

  it('a dislike keeps the question it was about, never the comment typed in Teams’ form', async () => {
    const chat = personalChat();
    await say(chat, mailed().questions[0]);
    const comment = 'wrong, my SSN 123-45-6789 is fine';
    expect(await invoke(chat, feedback('dislike', comment))).toEqual({ status: 200, body: '{}' });
    const [event] = await recordsOf(chat, 'feedback');
    expect(event).toMatchObject({ articleId: mailed().id, helpful: false, text: mailed().questions[0] });
    const stored = JSON.stringify(await recordsOf(chat));
    expect(stored).not.toContain('wrong');
    expect(stored.replace(/\D/g, '')).not.toContain('123456789');
  });

  it('a dislike counts like "that didn\'t help": said next, the help desk comes', async () => {
    const chat = personalChat();
    await say(chat, mailed().questions[0]);
    await invoke(chat, feedback('dislike'));
    const replies = await say(chat, 'that did not help');
    expect(replyText(replies)).toContain(bot.content.helpdesk.number);
  });

  it.each([
    ['before any answer', false, feedback('like')],
    ['with a reaction Teams does not send', true, feedback('love')],
    ['without its actionValue', true, { actionName: 'feedback' }],
    ['with an array for actionValue', true, { actionName: 'feedback', actionValue: ['like'] }],
    ['with a number for the comment', true, { actionName: 'feedback', actionValue: { reaction: 'like', feedback: 7 } }],
  ])('a feedback invoke %s: 200 with an empty body, and no event', async (_case, answered, value) => {
    const chat = personalChat();
    if (answered) await say(chat, mailed().questions[0]);
    expect(await invoke(chat, value)).toEqual({ status: 200, body: '{}' });
    expect(await recordsOf(chat, 'feedback')).toEqual([]);
  });

  it('another message/submitAction, or an unsigned one, is not taken', async () => {
    const chat = personalChat();
    await say(chat, mailed().questions[0]);
    // Invokes the bot does not handle get the protocol's 501.
    expect((await invoke(chat, { actionName: 'somethingElse', actionValue: {} })).status).toBe(501);
    expect((await invoke(chat, 'feedback')).status).toBe(501);
    const unsigned = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...chat, type: 'invoke', name: 'message/submitAction', value: feedback('like') }),
    });
    expect(unsigned.status).toBe(401);
    expect(await recordsOf(chat, 'feedback')).toEqual([]);
  });
});

describe('the rating in Teams', () => {
  it('a personal chat: after the help-desk card, five buttons at the end of the card; a tap is kept once', async () => {
    const chat = personalChat();
    const replies = await say(chat, 'talk to a person');
    const [message] = replies.filter((reply) => reply.type === 'message');
    expect(message.attachments).toHaveLength(1);
    expect(teamsProblems(message)).toEqual([]);
    const text = replyText(replies);
    expect(text.indexOf(bot.content.helpdesk.number)).toBeLessThan(text.indexOf(texts().ratingPrompt));
    const buttons = cardButtons(replies);
    expect(buttons.map((button) => button.title)).toEqual(texts().ratingLabels);
    // Teams posts the label as the user's message, with the value (and its msteams part).
    const four = buttons[3];
    const tap = { value: { ...(four.value as object), msteams: { type: 'messageBack', text: '4' } } };
    expect(replyText(await say(chat, '4', tap))).toBe(texts().ratingThanks);
    expect(replyText(await say(chat, '4', tap))).toBe(texts().ratingAlreadyNoted);
    expect(await recordsOf(chat, 'rating')).toEqual([expect.objectContaining({ rating: 4, after: 'handoff' })]);
  });

  it.each(['channel-message-helpdesk', 'group-chat'])(
    'never where others read along (%s): the help desk, and no rating',
    async (name) => {
      const shared = fixture(name);
      // The bot's own @mention, then a plain request for the help desk (a handoff, not a question).
      const activity = { ...shared, text: '<at>SupportBot</at> talk to a person' };
      const replies = await bot.send(activity, { authorization: issuer.authorization(activity.serviceUrl ?? '') });
      expect(replyText(replies)).toContain(bot.content.helpdesk.number);
      expect(replyText(replies)).not.toContain(texts().ratingPrompt);
      expect(cardButtons(replies).map((button) => button.title)).not.toContain(texts().ratingLabels[3]);
    },
  );
});

describe('the invoke as Microsoft 365 Agents Playground sends it', () => {
  let playgroundBot: LocalBot;
  let playgroundStore: TempStore;
  beforeAll(async () => {
    playgroundStore = tempStore();
    // As the Teams end-to-end rig runs it: anonymous, replies posted back to the Playground on loopback.
    playgroundBot = await startBot({
      variables: { DEV_LOCAL_TOOLS: 'true', ...playgroundStore.variables },
      clock: () => DateTime.fromISO(NOW),
    });
  });
  afterAll(async () => {
    await playgroundBot.stop();
    playgroundStore.remove();
  });

  /** Captured from Playground 0.2.28 (/work/scratch/playground/REPORT.md §8), with this test's ids. */
  const playground = (conversationId: string, value: unknown): Partial<Activity> => ({
    type: 'invoke',
    name: 'message/submitAction',
    id: `pg-${Math.random()}`,
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:9/_connector',
    channelData: { source: { name: 'message' }, tenant: { id: '00000000-0000-0000-0000-0000000000001' } },
    conversation: {
      conversationType: 'personal',
      tenantId: '00000000-0000-0000-0000-0000000000001',
      id: conversationId,
    } as Activity['conversation'],
    from: { id: 'user-id-0', name: 'Alex Wilber', aadObjectId: '00000000-0000-0000-0000-0000000000020' },
    recipient: { id: '00000000-0000-0000-0000-00000000000011', name: 'Test Bot' },
    localTimezone: 'America/Los_Angeles',
    value,
  });
  const post = (activity: Partial<Activity>) =>
    fetch(`${playgroundBot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    }).then(async (response) => ({ status: response.status, body: await response.text() }));

  it('no replyToId: the like rates the chat’s newest answer, once', async () => {
    const conversationId = 'playground-personal-chat';
    const question = { ...playground(conversationId, undefined), type: 'message', text: mailed().questions[0] };
    delete (question as { name?: string }).name;
    await playgroundBot.send(question);
    const like = { actionName: 'feedback', actionValue: { reaction: 'like', feedback: 'Helpful, thanks' } };
    expect(await post(playground(conversationId, like))).toEqual({ status: 200, body: '{}' });
    expect(await post(playground(conversationId, like))).toEqual({ status: 200, body: '{}' });
    const { conversation } = hashedIds(conversationId, 'user-id-0');
    const records = await storedRecords(playgroundStore.dir, playgroundBot.service.analytics);
    expect(records.filter((record) => record.conversation === conversation && record.type === 'feedback')).toEqual([
      expect.objectContaining({ channel: 'msteams', articleId: mailed().id, helpful: true }),
    ]);
  });
});
