import type { Activity } from 'botbuilder';
import { DateTime } from 'luxon';
import type { AnalyticsRecord } from '../../../src/analytics/analytics-event';
import { hashedIds, storedRecords, tempStore, type TempStore } from '../../support/analytics-store';
import { buttonValue, cardButtons } from '../../support/card-buttons';
import { intentText } from '../../support/content';
import { Conversation, replyChoices, replyText, startBot, userMessage } from '../../support/local-bot';
import type { LocalBot } from '../../support/local-service';
import { DirectLineClient } from '../../support/webchat/direct-line-client';

/**
 * "Was this helpful?" in Web Chat and Direct Line, over HTTP as those channels send it: the
 * button values Web Chat posts back (a value and no text), what the user is told, and what the
 * analytics store keeps. Every odd value gets a short polite word, and no event.
 */

const NOW = '2025-01-14T17:50:00.000Z'; // a Tuesday, 12:50 Eastern: the desk is open
let bot: LocalBot;
let store: TempStore;
beforeAll(async () => {
  store = tempStore();
  bot = await startBot({ variables: store.variables, clock: () => DateTime.fromISO(NOW) });
});
afterAll(async () => {
  await bot.stop();
  store.remove();
});

const texts = () => bot.content.texts;
const article = (id: string) => {
  const found = bot.content.articles.get(id);
  if (!found) throw new Error(`no article ${id}`);
  return found;
};
const messages = (replies: Array<Partial<Activity>>) => replies.filter((reply) => reply.type === 'message');
const firstLine = (text: string) => text.trim().split('\n')[0].slice(0, 60);

/** The records of one conversation, as kept. */
async function recordsOf(chat: Conversation): Promise<AnalyticsRecord[]> {
  const { conversation } = hashedIds(chat.id, `user-${chat.id}`);
  return (await storedRecords(store.dir, bot.service.analytics)).filter(
    (record) => record.conversation === conversation,
  );
}
const ofType = (records: AnalyticsRecord[], type: AnalyticsRecord['type']) =>
  records.filter((record) => record.type === type);

/** Clicks a card button as Web Chat posts an Action.Submit: the value, no text. */
const tap = (chat: Conversation, title: string) => chat.say('', { value: buttonValue(chat.last, title) });

describe.each(['webchat', 'directline'])('on %s', (channelId) => {
  const open = () => new Conversation(bot, { channelId });
  const mailed = () => article('activation-code-by-mail');
  const needs = () => article('what-you-need');

  it('an answer is one message: the answer, then a small "Was this helpful?" card with two buttons', async () => {
    const chat = open();
    await chat.say(mailed().questions[0]);
    const [answer, ...more] = messages(chat.last);
    expect(more).toHaveLength(0);
    expect(answer.text).toContain(firstLine(mailed().answer));
    const card = answer.attachments?.at(-1);
    expect(card?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(card)).toContain(texts().feedbackPrompt);
    expect(cardButtons([answer])).toEqual([
      {
        title: texts().feedbackHelpful,
        value: { action: 'feedback', articleId: mailed().id, answer: '1', helpful: true },
      },
      {
        title: texts().feedbackNotHelpful,
        value: { action: 'feedback', articleId: mailed().id, answer: '1', helpful: false },
      },
    ]);
    // The related questions stay where they were: quick replies under the message.
    expect(replyChoices(chat.last).map((choice) => choice.title)).toEqual(
      mailed()
        .followUps.filter((id) => bot.content.articles.has(id))
        .slice(0, 3)
        .map((id) => article(id).label),
    );
  });

  it('"Helpful": a thank-you and one feedback event; the same button again: already noted, no second event', async () => {
    const chat = open();
    await chat.say(mailed().questions[0]);
    const helpful = buttonValue(chat.last, texts().feedbackHelpful);
    expect(await chat.say('', { value: helpful })).toBe(texts().feedbackThanks);
    expect(await chat.say('', { value: helpful })).toBe(texts().feedbackAlreadyNoted);
    const records = await recordsOf(chat);
    expect(ofType(records, 'answered')).toEqual([expect.objectContaining({ articleId: mailed().id })]);
    expect(ofType(records, 'feedback')).toEqual([
      {
        v: 1,
        time: NOW,
        channel: channelId,
        ...hashedIds(chat.id, `user-${chat.id}`),
        type: 'feedback',
        articleId: mailed().id,
        helpful: true,
      },
    ]);
  });

  it('"Not helpful": the next step (another way to ask, related questions, the help desk); the question is kept', async () => {
    const chat = open();
    await chat.say(mailed().questions[0]);
    const reply = await tap(chat, texts().feedbackNotHelpful);
    expect(reply).toContain(intentText('not-helpful'));
    const offered = replyChoices(chat.last).map((choice) => choice.value);
    expect(offered).toContainEqual({ action: 'helpdesk' });
    expect(offered.some((value) => (value as { action?: string }).action === 'article')).toBe(true);
    expect(ofType(await recordsOf(chat), 'feedback')).toEqual([
      expect.objectContaining({ articleId: mailed().id, helpful: false, text: mailed().questions[0] }),
    ]);
  });

  it('"Not helpful" twice in a row: the help desk, a handoff, and the 1-5 rating after the card', async () => {
    const chat = open();
    await chat.say(mailed().questions[0]);
    await tap(chat, texts().feedbackNotHelpful);
    await chat.say(needs().questions[0]);
    const reply = await tap(chat, texts().feedbackNotHelpful);
    expect(reply).toContain(bot.content.helpdesk.number);
    const [message] = messages(chat.last);
    // The card first, the rating after it, on a small card of its own.
    expect(message.attachments).toHaveLength(2);
    expect(JSON.stringify(message.attachments?.[1])).toContain(texts().ratingPrompt);
    expect(cardButtons(chat.last).map((button) => button.title)).toEqual(texts().ratingLabels);
    expect(cardButtons(chat.last).map((button) => button.value)).toEqual(
      [1, 2, 3, 4, 5].map((rating) => ({ action: 'rating', rating })),
    );
    const records = await recordsOf(chat);
    expect(ofType(records, 'feedback')).toEqual([
      expect.objectContaining({ articleId: mailed().id, helpful: false }),
      expect.objectContaining({ articleId: needs().id, helpful: false }),
    ]);
    expect(ofType(records, 'handoff')).toEqual([expect.objectContaining({ reason: 'unhelpful' })]);
  });

  it('a rating: thanks and one event; a second rating, and a rating after the next handoff, are not asked or kept', async () => {
    const chat = open();
    await chat.say('talk to a person');
    expect(cardButtons(chat.last).map((button) => button.title)).toEqual(texts().ratingLabels);
    expect(await tap(chat, '4')).toBe(texts().ratingThanks);
    const again = { action: 'rating', rating: 2 };
    expect(await chat.say('', { value: again })).toBe(texts().ratingAlreadyNoted);
    await chat.say('talk to a person');
    expect(replyText(chat.last)).toContain(bot.content.helpdesk.number);
    expect(cardButtons(chat.last)).toEqual([]);
    const records = await recordsOf(chat);
    expect(ofType(records, 'rating')).toEqual([expect.objectContaining({ rating: 4, after: 'handoff' })]);
    expect(ofType(records, 'handoff')).toHaveLength(2);
  });

  it('"Helpful" while a troubleshooting flow waits for an answer: noted, and the flow carries on', async () => {
    const chat = open();
    await chat.say(mailed().questions[0]);
    const helpful = buttonValue(chat.last, texts().feedbackHelpful);
    await chat.say('my registration keeps failing');
    const question = chat.choices().map((choice) => choice.title);
    expect(question.length).toBeGreaterThan(0);
    expect(await chat.say('', { value: helpful })).toBe(texts().feedbackNotedMidFlow);
    // The question above is still the one waiting: its first answer moves the flow on.
    const next = await chat.say(question[0]);
    expect(next).not.toContain(texts().flowNotUnderstood);
    expect(ofType(await recordsOf(chat), 'feedback')).toHaveLength(1);
  });

  it('only the last five answers can be rated: an older one is told so, and nothing is kept', async () => {
    const chat = open();
    await chat.say(mailed().questions[0]);
    const oldest = buttonValue(chat.last, texts().feedbackHelpful);
    // Five more answers, from related-question buttons (each an answer, whatever the matcher does).
    for (const id of [...bot.content.articles.keys()].slice(0, 5))
      await chat.say(article(id).label, { value: { action: 'article', id } });
    expect(cardButtons(chat.last).map((button) => button.value)).toContainEqual(
      expect.objectContaining({ action: 'feedback', answer: '6' }),
    );
    expect(await chat.say('', { value: oldest })).toBe(texts().feedbackNotMatched);
    expect(ofType(await recordsOf(chat), 'feedback')).toEqual([]);
  });
});

describe('odd values: a short polite word, and no event', () => {
  /** A conversation with one answer, as token "1". */
  async function answered(): Promise<Conversation> {
    const chat = new Conversation(bot);
    await chat.say(article('activation-code-by-mail').questions[0]);
    return chat;
  }
  const feedback = (fields: Record<string, unknown>) => ({
    action: 'feedback',
    articleId: 'activation-code-by-mail',
    answer: '1',
    helpful: true,
    ...fields,
  });

  it.each([
    ['an answer token this conversation never gave', feedback({ answer: 'zz' })],
    ['another article than the answer was', feedback({ articleId: 'what-you-need' })],
    ['an article that does not exist', feedback({ articleId: 'no-such-article' })],
    ['a pasted number for an article', feedback({ articleId: '123-45-6789' })],
  ])('feedback naming %s: "can only take feedback on recent answers"', async (_case, value) => {
    const chat = await answered();
    expect(await chat.say('', { value })).toBe(texts().feedbackNotMatched);
    expect(ofType(await recordsOf(chat), 'feedback')).toEqual([]);
  });

  it('feedback from another conversation (its token, its article): not this one’s answer', async () => {
    const other = await answered();
    const chat = new Conversation(bot);
    await chat.say('hello');
    expect(await chat.say('', { value: buttonValue(other.last, texts().feedbackHelpful) })).toBe(
      texts().feedbackNotMatched,
    );
    expect(ofType(await recordsOf(chat), 'feedback')).toEqual([]);
    expect(ofType(await recordsOf(other), 'feedback')).toEqual([]);
  });

  it.each([
    ['a rating of 0', { action: 'rating', rating: 0 }],
    ['a rating of 6', { action: 'rating', rating: 6 }],
    ['a rating of 2.5', { action: 'rating', rating: 2.5 }],
    ['a rating of "4" (text)', { action: 'rating', rating: '4' }],
    ['a rating of -1', { action: 'rating', rating: -1 }],
    ['a rating of 1e9', { action: 'rating', rating: 1e9 }],
    ['a rating without a number', { action: 'rating' }],
    ['a rating with more fields', { action: 'rating', rating: 4, after: 'handoff' }],
    ['feedback without its fields', { action: 'feedback' }],
    ['feedback with "yes" for helpful', feedback({ helpful: 'yes' })],
    ['feedback with a path for an article', feedback({ articleId: '../../etc/passwd' })],
    ['feedback with a long token', feedback({ answer: 'a'.repeat(5000) })],
    ['feedback with an object for a token', feedback({ answer: { $gt: '' } })],
    ['feedback with more fields', feedback({ text: 'my SSN is 123-45-6789' })],
  ])('%s: "couldn\'t use that", nothing kept, and its label is not read as a question', async (_case, value) => {
    const chat = await answered();
    // Handed off first, so the rating was asked: an odd rating is not taken for the real one.
    await chat.say('talk to a person');
    const before = await recordsOf(chat);
    const replies = await bot.send(userMessage(chat.id, 'Not helpful', { value }));
    expect(messages(replies)).toHaveLength(1);
    expect(replyText(replies)).toBe(texts().feedbackUnusable);
    // As Web Chat posts a card button: a postBack, the value and no text.
    expect(await chat.say('', { value, channelData: { postBack: true } })).toBe(texts().feedbackUnusable);
    expect(await recordsOf(chat)).toEqual(before);
    // The real rating is still open.
    expect(await chat.say('', { value: { action: 'rating', rating: 3 } })).toBe(texts().ratingThanks);
  });

  it('a rating in a conversation that was never asked: "couldn\'t use that", nothing kept', async () => {
    const chat = await answered();
    expect(await chat.say('', { value: { action: 'rating', rating: 5 } })).toBe(texts().feedbackUnusable);
    expect(ofType(await recordsOf(chat), 'rating')).toEqual([]);
  });

  it('other garbage in a value is read as the text it came with, as before', async () => {
    const chat = await answered();
    const reply = await chat.say(article('what-you-need').questions[0], { value: { action: 'nonsense', id: 7 } });
    expect(reply).toContain(firstLine(article('what-you-need').answer));
  });
});

describe('through the chat page’s Direct Line, as Web Chat posts a card button (a postBack: a value, no text)', () => {
  it('the answer carries the card; "Helpful" is thanked and kept with the Direct Line conversation’s hash', async () => {
    const client = new DirectLineClient(bot.url);
    const grant = await client.start();
    await client.post(grant.token, grant.conversationId, {
      type: 'message',
      text: article('activation-code-by-mail').questions[0],
      from: { id: 'dl-user' },
    });
    const answer = (await client.all(grant))
      .filter((activity) => activity.type === 'message')
      .at(-1) as Partial<Activity>;
    const helpful = buttonValue([answer], texts().feedbackHelpful);
    await client.post(grant.token, grant.conversationId, {
      type: 'message',
      value: helpful,
      channelData: { postBack: true },
      from: { id: 'dl-user' },
    });
    const last = (await client.all(grant)).filter((activity) => activity.type === 'message').at(-1);
    expect(last?.text).toBe(texts().feedbackThanks);
    const records = await storedRecords(store.dir, bot.service.analytics);
    const { conversation } = hashedIds(grant.conversationId, 'dl-user');
    const feedback = records.filter((record) => record.conversation === conversation && record.type === 'feedback');
    expect(feedback).toEqual([
      expect.objectContaining({ channel: 'webchat', articleId: 'activation-code-by-mail', helpful: true }),
    ]);
  });
});
