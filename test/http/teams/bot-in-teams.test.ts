import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Activity } from 'botbuilder';
import { DateTime } from 'luxon';
import type { LocalBot } from '../../support/local-service';
import { channelTraits } from '../../../src/bot/render';
import { startChannelTokenIssuer, TEST_APP, type ChannelTokenIssuer } from '../../support/channel-tokens';
import { replyChoices, replyText, startBot } from '../../support/local-bot';
import { FIXTURES_DIR } from '../../support/paths';

const fixture = (name: string): Partial<Activity> =>
  JSON.parse(readFileSync(join(FIXTURES_DIR, 'teams', `${name}.json`), 'utf8')) as Partial<Activity>;
const ALLOWED = '72f988bf-0000-0000-0000-000000000001';

let bot: LocalBot;
let issuer: ChannelTokenIssuer;
beforeAll(async () => {
  // A tenant allowlist only means something when requests are authenticated: the bot runs with
  // an app registration, and a loopback stand-in for the channel's token service signs each request.
  issuer = await startChannelTokenIssuer();
  // A Tuesday, 11:50 a.m. Central: the desk is open.
  bot = await startBot({
    variables: { ...TEST_APP, ALLOWED_TENANTS: ALLOWED, ToBotFromChannelOpenIdMetadataUrl: issuer.metadataUrl },
    clock: () => DateTime.fromISO('2025-01-14T17:50:00Z'),
  });
});
afterAll(async () => {
  await bot.stop();
  await issuer.stop();
});

const send = (activity: Partial<Activity>, extra: Partial<Activity> = {}) => {
  const signed = { ...activity, ...extra };
  return bot.send(signed, { authorization: issuer.authorization(signed.serviceUrl ?? '') });
};
const article = (id: string) => bot.content.articles.get(id)!;
const firstLine = (text: string) => text.trim().split('\n')[0].slice(0, 60);
const messages = (replies: Array<Partial<Activity>>) => replies.filter((reply) => reply.type === 'message');

describe('the bot in Teams (recorded-style activities through the real adapter)', () => {
  it('a channel @mention does not spoil matching', async () => {
    const replies = await send(fixture('channel-message-mention'));
    expect(replyText(replies)).toContain(firstLine(article('activation-code-by-mail').answer));
  });

  it('replies in the channel thread the question came from', async () => {
    const question = fixture('channel-message-mention');
    const replies = await send(question);
    for (const reply of replies) expect(reply.conversation?.id).toBe(question.conversation?.id);
    expect(question.conversation?.id).toContain(';messageid=');
  });

  it('answers with Adaptive Card buttons, not suggested actions, in one message with a summary', async () => {
    const replies = await send(fixture('personal-chat'));
    expect(replies.some((reply) => reply.suggestedActions)).toBe(false);
    expect(messages(replies)).toHaveLength(1);
    const [answer] = messages(replies);
    expect(answer.attachments?.map((a) => a.contentType)).toEqual(['application/vnd.microsoft.card.adaptive']);
    expect(answer.summary).toBeTruthy();
    expect(replyChoices(replies).length).toBeGreaterThan(0);
  });

  it('a turn of several parts is one message: the help-desk card, the answer and its related questions', async () => {
    const personal = fixture('personal-chat');
    const hours = article('help-desk-hours');
    const replies = await send(personal, { text: hours.label, value: { action: 'article', id: hours.id } });
    expect(messages(replies)).toHaveLength(1);
    const [reply] = messages(replies);
    expect(reply.attachments).toHaveLength(1);
    const text = replyText(replies);
    expect(text.indexOf(bot.content.texts.helpdeskTitle)).toBeLessThan(text.indexOf(firstLine(hours.answer)));
    expect(text).toContain(bot.content.helpdesk.number);
    // Related questions as card buttons (an article has 2-3 follow-ups, all shown).
    expect(replyChoices(replies).map((choice) => choice.title)).toEqual(hours.followUps.map((id) => article(id).label));
    // Teams desktop ignores tel: buttons; the number is there to read and copy instead.
    expect(JSON.stringify(reply)).not.toContain('tel:');
    expect(reply.summary).toBe(bot.content.texts.helpdeskTitle);
  });

  it('a privacy warning and the answer come as one message, the warning first', async () => {
    const replies = await send(fixture('personal-chat'), {
      text: 'my SSN is 123-45-6789, what do I need to register?',
    });
    expect(messages(replies)).toHaveLength(1);
    expect(messages(replies)[0].text?.startsWith(bot.content.texts.privacyWarning.trim())).toBe(true);
  });

  it('a group chat with another person mentioned still gets its answer', async () => {
    const activity = fixture('group-chat');
    const replies = await send(activity);
    expect(replyText(replies)).not.toContain(bot.content.texts.fallback);
  });

  it('card submits drive flows: a problem starts a flow, a clicked card button moves it on', async () => {
    const personal = fixture('personal-chat');
    const conversation = { ...personal.conversation!, id: `a:flow-${Date.now()}` };
    const started = await send(personal, { conversation, text: "I can't register online, it keeps failing" });
    const flow = bot.content.flows.get('cant-complete-registration')!;
    expect(replyText(started)).toContain((flow.nodes[flow.start] as { text: string }).text);
    const submit = fixture('card-submit');
    const value = submit.value as { nodeId: string; choiceId: string };
    const moved = await send(submit, { conversation });
    // What the answer leads to and the next question arrive together.
    expect(messages(moved)).toHaveLength(1);
    const start = flow.nodes[value.nodeId];
    if (start.kind !== 'ask') throw new Error('fixture must click an ask node');
    const next = flow.nodes[start.choices.find((choice) => choice.id === value.choiceId)!.next];
    expect(replyText(moved)).toContain((next as { text: string }).text);
  });

  it('over HTTP, "<at>SupportBot</at> is the help desk open now?" gets the live help-desk answer', async () => {
    const replies = await send(fixture('channel-message-helpdesk'));
    const text = replyText(replies);
    expect(text).toContain(bot.content.helpdesk.number);
    expect(text).toMatch(/open now/i);
    expect(text).toContain('7:00 p.m. ET');
  });

  it('a foreign tenant is refused, briefly', async () => {
    const replies = await send(fixture('foreign-tenant'));
    expect(replyText(replies)).toBe(bot.content.texts.tenantRefused);
  });

  it('"reset" in a one-to-one chat forgets the conversation, including a running flow', async () => {
    const personal = fixture('personal-chat');
    const conversation = { ...personal.conversation!, id: `a:reset-${Date.now()}` };
    await send(personal, { conversation, text: "I can't register online, it keeps failing" });
    const reset = await send(personal, { conversation, text: 'reset' });
    expect(replyText(reset)).toContain(bot.content.texts.resetDone);
    const after = await send(personal, { conversation, text: 'what do I need to register?' });
    expect(replyText(after)).toContain(firstLine(article('what-you-need').answer));
  });
});

describe('typing indicator', () => {
  it('is shown in Teams chats but not in channel threads, and never on unknown channels', () => {
    expect(channelTraits('msteams', 'personal').typing).toBe(true);
    expect(channelTraits('msteams', 'groupChat').typing).toBe(true);
    expect(channelTraits('msteams', 'channel').typing).toBe(false);
    expect(channelTraits('sms').typing).toBe(false);
  });
});
