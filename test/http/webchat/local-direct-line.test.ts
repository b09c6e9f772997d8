import { TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { DirectLineClient, type Grant } from '../../support/webchat/direct-line-client';
import { manualClock, startWebBot, type WebBot } from '../../support/webchat/web-bot';
import { PROJECT_ROOT } from '../../support/paths';
import { realContent } from '../../support/content';

const TTL_SECONDS = 600;
const content = realContent();
const article = parse(
  readFileSync(join(PROJECT_ROOT, 'knowledge', 'articles', 'activation-code-by-mail.yaml'), 'utf8'),
) as {
  questions: string[];
  answer: string;
};

/** The bot's side of each turn: the activity it received, as the adapter gave it. */
function recordTurns(bot: WebBot): Array<Partial<Activity>> {
  const seen: Array<Partial<Activity>> = [];
  bot.app.adapter.use(async (context, next) => {
    seen.push(context.activity);
    await next();
  });
  return seen;
}

describe('local Direct Line over HTTP', () => {
  const clock = manualClock();
  let bot: WebBot;
  let client: DirectLineClient;
  let turns: Array<Partial<Activity>>;

  beforeAll(async () => {
    bot = await startWebBot({ clock: clock.now, variables: { DIRECT_LINE_TOKEN_TTL_SECONDS: String(TTL_SECONDS) } });
    client = new DirectLineClient(bot.url);
    turns = recordTurns(bot);
  });
  afterAll(() => bot.stop());

  it('starts a conversation with a token bound to it', async () => {
    const grant = await client.start();
    expect(grant).toEqual({
      conversationId: expect.stringMatching(/^[A-Za-z0-9_-]{20,}$/),
      token: expect.any(String),
      expires_in: TTL_SECONDS,
    });
  });

  it('takes a question and shows the bot answer after the echo of the question', async () => {
    const grant = await client.start();
    const question = article.questions[0];
    const posted = await client.post(grant.token, grant.conversationId, {
      type: 'message',
      text: question,
      locale: 'en-US',
      channelData: { clientActivityID: 'client-1' },
    });
    expect(posted).toEqual({ status: 200, body: { id: `${grant.conversationId}|0000001` } });

    const { status, body } = await client.activities(grant.token, grant.conversationId);
    expect(status).toBe(200);
    const [echo, ...replies] = body.activities;
    expect(echo).toMatchObject({
      id: posted.body.id,
      type: 'message',
      text: question,
      from: { role: 'user' },
      channelData: { clientActivityID: 'client-1' },
    });
    // The bot may show it is typing before it answers.
    const messages = replies.filter((reply: { type: string }) => reply.type === 'message');
    expect(replies.every((reply: { type: string }) => reply.type === 'message' || reply.type === 'typing')).toBe(true);
    expect(messages.length).toBeGreaterThan(0);
    expect(messages[0]).toMatchObject({
      type: 'message',
      from: { role: 'bot' },
      replyToId: posted.body.id,
      conversation: { id: grant.conversationId },
    });
    expect(messages[0].text).toContain('10 business days');
    expect(article.answer).toContain('10 business days');
    expect(body.watermark).toBe(String(1 + replies.length));
    // The connector key travels in the serviceUrl; clients never see it.
    expect(JSON.stringify(body)).not.toContain('local-connector');
  });

  it('a turn of several parts arrives as one message: the help-desk card, the answer, suggested questions', async () => {
    const grant = await client.start();
    const hours = content.articles.get('help-desk-hours');
    if (!hours) throw new Error('the knowledge base lacks help-desk-hours');
    await client.post(grant.token, grant.conversationId, {
      type: 'message',
      text: hours.label,
      value: { action: 'article', id: hours.id },
    });
    const fromBot = (await client.all(grant)).filter(
      (activity) => activity.from.role === 'bot' && activity.type === 'message',
    );
    expect(fromBot).toHaveLength(1);
    const [reply] = fromBot as Array<Partial<Activity>>;
    const card = JSON.stringify(reply.attachments);
    expect(card).toContain(content.helpdesk.number);
    expect(card).toContain(content.texts.helpdeskTitle);
    expect(card).toContain(hours.answer.trim().split('\n')[0]);
    // On the web a tel: button dials from phones and desktop calling apps.
    expect(card).toContain(content.helpdesk.telLink);
    expect(reply.suggestedActions?.actions.map((action) => action.title)).toEqual(
      hours.followUps.map((id) => content.articles.get(id)?.label),
    );
  });

  it('keeps what Web Chat sends and binds the sender to the token user', async () => {
    const grant = await client.start();
    await client.post(grant.token, grant.conversationId, {
      type: 'message',
      text: 'when is the help desk open?',
      from: { id: 'somebody-else', role: 'user' },
      locale: 'en-GB',
      localTimezone: 'America/St_Johns',
      entities: [{ type: 'ClientCapabilities', requiresBotState: true }],
      channelData: { clientActivityID: 'client-2' },
    });
    const received = turns.find((activity) => activity.conversation?.id === grant.conversationId);
    expect(received).toMatchObject({
      channelId: 'webchat',
      locale: 'en-GB',
      localTimezone: 'America/St_Johns',
      entities: [{ type: 'ClientCapabilities', requiresBotState: true }],
      channelData: { clientActivityID: 'client-2' },
    });
    expect(received?.from?.id).toMatch(/^dl_/);
    const [echo] = await client.all(grant);
    expect(echo.from.id).toBe(received?.from?.id);
  });

  it('greets once per conversation on webchat/join, even when the page joins again after a reload', async () => {
    const grant = await client.start();
    await client.post(grant.token, grant.conversationId, {
      type: 'event',
      name: 'webchat/join',
      value: { language: 'en-US' },
    });
    await client.post(grant.token, grant.conversationId, {
      type: 'event',
      name: 'webchat/join',
      value: { language: 'en-US' },
    });
    const fromBot = (await client.all(grant)).filter((activity) => activity.from.role === 'bot');
    expect(fromBot).toHaveLength(1);
    expect(fromBot[0].suggestedActions).toBeDefined();
  });

  it('delivers a proactive message sent after the turn', async () => {
    const grant = await client.start();
    await client.post(grant.token, grant.conversationId, { type: 'message', text: 'hello' });
    const activity = turns.find((turn) => turn.conversation?.id === grant.conversationId) as Activity;
    const reference = TurnContext.getConversationReference(activity) as ConversationReference;
    await bot.app.adapter.continueConversationAsync('', reference, async (context) => {
      await context.sendActivity('A later note.');
    });
    const last = (await client.all(grant)).at(-1);
    expect(last).toMatchObject({ type: 'message', text: 'A later note.', from: { role: 'bot' } });
  });

  it('answers 502 when the adapter cannot take the activity, logging no user text', async () => {
    const grant = await client.start();
    const spy = jest.spyOn(bot.app.adapter, 'processActivityDirect').mockRejectedValueOnce(new Error('adapter down'));
    try {
      const answer = await client.post(grant.token, grant.conversationId, { type: 'message', text: 'my secret words' });
      expect(answer).toEqual({ status: 502, body: { error: { code: 'BotError', message: expect.any(String) } } });
    } finally {
      spy.mockRestore();
    }
    const logged = bot.logLines.filter((line) => line.includes('could not deliver'));
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain('adapter down');
    expect(bot.logLines.join('')).not.toContain('my secret words');
  });

  it('refuses anything but message, event and typing activities', async () => {
    const grant = await client.start();
    const answer = await client.post(grant.token, grant.conversationId, {
      type: 'invoke',
      name: 'adaptiveCard/action',
    });
    expect(answer).toEqual({
      status: 400,
      body: { error: { code: 'BadArgument', message: expect.stringContaining('type') } },
    });
  });

  describe('tokens', () => {
    let mine: Grant;
    let theirs: Grant;

    beforeAll(async () => {
      mine = await client.start();
      theirs = await client.start();
      await client.post(theirs.token, theirs.conversationId, { type: 'message', text: 'private words' });
    });

    it('never opens another conversation: reading, posting and rejoining theirs with mine are refused', async () => {
      const forbidden = { status: 403, body: { error: { code: 'Forbidden', message: expect.any(String) } } };
      expect(await client.activities(mine.token, theirs.conversationId)).toEqual(forbidden);
      expect(await client.post(mine.token, theirs.conversationId, { type: 'message', text: 'hi' })).toEqual(forbidden);
      expect(await client.call('GET', `/v3/directline/conversations/${theirs.conversationId}`, mine.token)).toEqual(
        forbidden,
      );
      // And nothing was added to theirs.
      expect((await client.all(theirs)).map((activity) => activity.text)).not.toContain('hi');
    });

    it("starting with a token rejoins that token's conversation only", async () => {
      const answer = await client.call<Grant>('POST', '/v3/directline/conversations', mine.token);
      expect(answer.status).toBe(201);
      expect(answer.body.conversationId).toBe(mine.conversationId);
    });

    it('answers 401 without a token and 403 for a forged or tampered one, always as JSON', async () => {
      expect(await client.activities(undefined as unknown as string, mine.conversationId)).toEqual({
        status: 401,
        body: { error: { code: 'MissingToken', message: expect.any(String) } },
      });
      const [header, payload, signature] = mine.token.split('.');
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
      const retargeted = Buffer.from(JSON.stringify({ ...claims, conv: theirs.conversationId })).toString('base64url');
      const invalid = { status: 403, body: { error: { code: 'TokenInvalid', message: expect.any(String) } } };
      expect(await client.activities(`${header}.${retargeted}.${signature}`, theirs.conversationId)).toEqual(invalid);
      expect(await client.activities('not-a-token', mine.conversationId)).toEqual(invalid);
      expect(await client.refresh('not-a-token')).toEqual(invalid);
    });

    it('expires after DIRECT_LINE_TOKEN_TTL_SECONDS, and a refreshed token lives on', async () => {
      const grant = await client.start();
      clock.advance((TTL_SECONDS - 60) * 1000);
      const refreshed = await client.refresh(grant.token);
      expect(refreshed).toEqual({
        status: 200,
        body: { conversationId: grant.conversationId, token: expect.any(String), expires_in: TTL_SECONDS },
      });
      clock.advance(120 * 1000);
      const expired = { status: 403, body: { error: { code: 'TokenExpired', message: expect.any(String) } } };
      expect(await client.activities(grant.token, grant.conversationId)).toEqual(expired);
      expect(await client.refresh(grant.token)).toEqual(expired);
      expect((await client.activities(refreshed.body.token, grant.conversationId)).status).toBe(200);
    });

    it('rejoins with GET /conversations/:id, with a fresh token, as Web Chat does on reload', async () => {
      const grant = await client.start();
      const answer = await client.call<Grant>(
        'GET',
        `/v3/directline/conversations/${grant.conversationId}?watermark=`,
        grant.token,
      );
      expect(answer).toEqual({
        status: 200,
        body: { conversationId: grant.conversationId, token: expect.any(String), expires_in: TTL_SECONDS },
      });
    });

    it('generates a token for a new conversation that the client then starts', async () => {
      const generated = await client.call<Grant>('POST', '/v3/directline/tokens/generate');
      expect(generated.status).toBe(200);
      const started = await client.call<Grant>('POST', '/v3/directline/conversations', generated.body.token);
      expect(started.body.conversationId).toBe(generated.body.conversationId);
      expect(
        (await client.post(started.body.token, started.body.conversationId, { type: 'message', text: 'hi' })).status,
      ).toBe(200);
    });
  });

  describe('Bot Connector routes', () => {
    it('refuse a caller without the per-process key, even for a real conversation', async () => {
      const grant = await client.start();
      const answer = await client.call(
        'POST',
        `/local-connector/guessed-key/v3/conversations/${grant.conversationId}/activities`,
        undefined,
        {
          type: 'message',
          text: 'Your password please',
        },
      );
      expect(answer.status).toBe(404);
      expect((await client.all(grant)).map((activity) => activity.text)).not.toContain('Your password please');
    });

    it('refuse a conversation the local Direct Line does not hold, even with the key', async () => {
      const grant = await client.start();
      await client.post(grant.token, grant.conversationId, { type: 'message', text: 'hello' });
      const serviceUrl = turns.find((turn) => turn.conversation?.id === grant.conversationId)?.serviceUrl ?? '';
      expect(serviceUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/local-connector\/[A-Za-z0-9_-]{32}$/);
      const path = new URL(serviceUrl).pathname;
      const answer = await client.call('POST', `${path}/v3/conversations/made-up/activities`, undefined, {
        type: 'message',
        text: 'x',
      });
      expect(answer).toEqual({
        status: 404,
        body: { error: { code: 'ConversationNotFound', message: expect.any(String) } },
      });
    });
  });
});

describe('local Direct Line memory bounds', () => {
  const MINUTE = 60_000;

  it('drops conversations idle for DIRECT_LINE_IDLE_MINUTES', async () => {
    const clock = manualClock();
    const bot = await startWebBot({
      clock: clock.now,
      variables: { DIRECT_LINE_IDLE_MINUTES: '5', DIRECT_LINE_TOKEN_TTL_SECONDS: '3600' },
    });
    try {
      const client = new DirectLineClient(bot.url);
      const quiet = await client.start();
      const busy = await client.start();
      clock.advance(4 * MINUTE);
      expect((await client.activities(busy.token, busy.conversationId)).status).toBe(200);
      clock.advance(2 * MINUTE);
      expect(await client.activities(quiet.token, quiet.conversationId)).toEqual({
        status: 404,
        body: { error: { code: 'ConversationNotFound', message: expect.any(String) } },
      });
      expect((await client.activities(busy.token, busy.conversationId)).status).toBe(200);
      expect(bot.webchat.directLine?.conversationCount).toBe(1);
    } finally {
      await bot.stop();
    }
  });

  it('keeps at most DIRECT_LINE_MAX_CONVERSATIONS, evicting the least recently used', async () => {
    const clock = manualClock();
    const bot = await startWebBot({ clock: clock.now, variables: { DIRECT_LINE_MAX_CONVERSATIONS: '3' } });
    try {
      const client = new DirectLineClient(bot.url);
      const [a, b, c] = [await client.start(), await client.start(), await client.start()];
      // Past the protected time (DIRECT_LINE_PROTECT_MINUTES, 15 by default).
      clock.advance(16 * 60_000);
      await client.activities(a.token, a.conversationId);
      const d = await client.start();
      expect((await client.activities(b.token, b.conversationId)).status).toBe(404);
      for (const kept of [a, c, d]) expect((await client.activities(kept.token, kept.conversationId)).status).toBe(200);
      expect(bot.webchat.directLine?.conversationCount).toBe(3);
    } finally {
      await bot.stop();
    }
  });

  it('refuses a new chat (503, Retry-After) rather than end one used in the last minutes', async () => {
    const clock = manualClock();
    const bot = await startWebBot({
      clock: clock.now,
      variables: { DIRECT_LINE_MAX_CONVERSATIONS: '2', DIRECT_LINE_PROTECT_MINUTES: '10' },
    });
    try {
      const client = new DirectLineClient(bot.url);
      const [a, b] = [await client.start(), await client.start()];
      clock.advance(5 * 60_000);
      const refused = await fetch(`${bot.url}/v3/directline/tokens/generate`, { method: 'POST' });
      expect(refused.status).toBe(503);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      for (const kept of [a, b]) expect((await client.activities(kept.token, kept.conversationId)).status).toBe(200);
    } finally {
      await bot.stop();
    }
  });

  it('caps new chats across all clients, however many addresses they come from', async () => {
    const bot = await startWebBot({ variables: { DIRECT_LINE_NEW_PER_MINUTE: '12', TRUST_PROXY_HOPS: '1' } });
    try {
      const statuses: number[] = [];
      for (let n = 1; n <= 20; n += 1) {
        const response = await fetch(`${bot.url}/v3/directline/tokens/generate`, {
          method: 'POST',
          headers: { 'x-forwarded-for': `198.51.100.${n}` },
        });
        statuses.push(response.status);
      }
      expect(statuses.filter((status) => status === 200).length).toBeGreaterThanOrEqual(10);
      expect(statuses).toContain(503);
      expect(statuses).not.toContain(429);
    } finally {
      await bot.stop();
    }
  });

  it('starting the conversation a generated token names costs the client nothing more', async () => {
    const bot = await startWebBot({ variables: { RATE_LIMIT_CLIENT_PER_MINUTE: '20' } });
    try {
      // The per-client burst is 5: five generates spend it, and the five starts still succeed.
      const tokens: string[] = [];
      for (let n = 0; n < 5; n += 1) {
        const response = await fetch(`${bot.url}/v3/directline/tokens/generate`, { method: 'POST' });
        expect(response.status).toBe(200);
        tokens.push(((await response.json()) as { token: string }).token);
      }
      for (const token of tokens) {
        const started = await fetch(`${bot.url}/v3/directline/conversations`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}` },
        });
        expect(started.status).toBe(201);
      }
      expect((await fetch(`${bot.url}/v3/directline/tokens/generate`, { method: 'POST' })).status).toBe(429);
    } finally {
      await bot.stop();
    }
  });

  it('keeps at most DIRECT_LINE_MAX_ACTIVITIES per conversation, with watermarks that only go up', async () => {
    const bot = await startWebBot({ variables: { DIRECT_LINE_MAX_ACTIVITIES: '4' } });
    try {
      const client = new DirectLineClient(bot.url);
      const grant = await client.start();
      // Events the bot does not answer: one activity each.
      for (let n = 1; n <= 6; n += 1)
        await client.post(grant.token, grant.conversationId, { type: 'event', name: 'page/visit', value: n });
      const first = await client.activities(grant.token, grant.conversationId);
      expect(first.body.activities.map((activity) => activity.value)).toEqual([3, 4, 5, 6]);
      expect(first.body.watermark).toBe('6');
      await client.post(grant.token, grant.conversationId, { type: 'event', name: 'page/visit', value: 7 });
      const next = await client.activities(grant.token, grant.conversationId, first.body.watermark);
      expect(next.body.activities.map((activity) => activity.value)).toEqual([7]);
      expect(next.body.watermark).toBe('7');
    } finally {
      await bot.stop();
    }
  });
});

describe('when the local Direct Line is off', () => {
  it.each([
    ['LOCAL_DIRECT_LINE=false', { LOCAL_DIRECT_LINE: 'false' }],
    [
      'app credentials are configured',
      { MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'x', MicrosoftAppTenantId: 't' },
    ],
  ])('its routes answer 404 when %s, and the page has no Direct Line', async (_why, variables) => {
    const bot = await startWebBot({ variables });
    try {
      const client = new DirectLineClient(bot.url);
      expect((await client.call('POST', '/v3/directline/conversations')).status).toBe(404);
      expect((await client.call('POST', '/v3/directline/tokens/generate')).status).toBe(404);
      expect(
        (await client.call('POST', '/local-connector/x/v3/conversations/y/activities', undefined, { type: 'message' }))
          .status,
      ).toBe(404);
      const config = await client.call<{ directLine: { kind: string } }>('GET', '/webchat/config.json');
      expect(config.body.directLine).toEqual({ kind: 'none' });
      expect((await fetch(`${bot.url}/`)).status).toBe(200);
    } finally {
      await bot.stop();
    }
  });
});
