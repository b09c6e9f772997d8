import type { LocalBot } from '../../support/local-service';
import { startBot, userMessage } from '../../support/local-bot';

let bot: LocalBot;
beforeAll(async () => {
  bot = await startBot();
});
afterAll(() => bot.stop());

const post = (body: string, contentType = 'application/json') =>
  fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': contentType }, body });

describe('POST /api/messages', () => {
  it('answers an activity with expectReplies in the response body', async () => {
    const response = await post(
      JSON.stringify({ ...userMessage('http-1', 'what do I need to register?'), deliveryMode: 'expectReplies' }),
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as { activities: Array<{ type: string; text?: string }> };
    expect(body.activities.some((activity) => activity.type === 'message' && activity.text?.includes('SSN'))).toBe(
      true,
    );
  });

  it.each([
    ['malformed JSON', '{"type": "message", '],
    ['a JSON array', '[1,2,3]'],
    ['a string', '"hello"'],
    ['no type', JSON.stringify({ conversation: { id: 'x' }, channelId: 'webchat', deliveryMode: 'expectReplies' })],
    [
      'a numeric type',
      JSON.stringify({ type: 5, conversation: { id: 'x' }, channelId: 'webchat', deliveryMode: 'expectReplies' }),
    ],
    [
      'no conversation',
      JSON.stringify({ type: 'message', channelId: 'webchat', text: 'hi', deliveryMode: 'expectReplies' }),
    ],
    [
      'no serviceUrl and no expectReplies',
      JSON.stringify({ type: 'message', channelId: 'webchat', conversation: { id: 'x' }, text: 'hi' }),
    ],
  ])('answers %s with a 4xx, not a 5xx', async (_name, body) => {
    const response = await post(body);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });

  it('refuses a body over the size cap with 413', async () => {
    const response = await post(
      JSON.stringify({ ...userMessage('big', 'x'.repeat(400 * 1024)), deliveryMode: 'expectReplies' }),
    );
    expect(response.status).toBe(413);
  });

  it('refuses an unknown content type with a 4xx', async () => {
    const response = await post('type=message', 'application/x-www-form-urlencoded');
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });

  it('keeps answering after bad requests', async () => {
    await post('{{{');
    const replies = await bot.send(userMessage('http-after', 'how long does registration take?'));
    expect(replies.length).toBeGreaterThan(0);
  });

  it('an unknown activity type is accepted quietly', async () => {
    const replies = await bot.send({ ...userMessage('http-odd', ''), type: 'somethingNew', text: undefined });
    expect(replies).toEqual([]);
  });
});

describe('GET /healthz', () => {
  it('returns a small JSON status', async () => {
    const response = await fetch(`${bot.url}/healthz`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ ok: true, content: { version: bot.content.version }, storage: { kind: 'memory' } });
    expect(typeof body.version).toBe('string');
  });
});
