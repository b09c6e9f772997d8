import { RateLimiter } from '../../../src/http/rate-limiter';
import { startWebBot, type WebBot } from '../../support/webchat/web-bot';

describe('RateLimiter (pure, pinned clock)', () => {
  it('allows a burst, then refuses with a retry time, then refills with time', () => {
    let now = 0;
    const limiter = new RateLimiter({ perMinute: 60, burst: 3 }, () => now);
    expect([1, 2, 3].map(() => limiter.take('a').allowed)).toEqual([true, true, true]);
    const refused = limiter.take('a');
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(limiter.take('b').allowed).toBe(true);
    now += 1_000;
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
  });

  it('forgets the least recently used keys past its cap', () => {
    const limiter = new RateLimiter({ perMinute: 1, burst: 1 }, () => 0, 3);
    for (const key of ['a', 'b', 'c', 'd', 'e']) limiter.take(key);
    expect(limiter.size).toBe(3);
  });
});

describe('rate limits on the public web routes', () => {
  let bot: WebBot;
  beforeAll(async () => {
    bot = await startWebBot({ variables: { RATE_LIMIT_CLIENT_PER_MINUTE: '8', RATE_LIMIT_MESSAGES_PER_MINUTE: '6' } });
  });
  afterAll(() => bot.stop());

  const start = () => fetch(`${bot.url}/v3/directline/conversations`, { method: 'POST' });

  it('a client starting conversations too fast gets 429 with Retry-After', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await start()).status);
    expect(statuses.slice(0, 5).every((status) => status === 201)).toBe(true);
    const limited = statuses.indexOf(429);
    expect(limited).toBeGreaterThan(0);
    const response = await start();
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('a conversation posting too fast gets 429, and other conversations are unaffected', async () => {
    const other = await startWebBot({ variables: { RATE_LIMIT_MESSAGES_PER_MINUTE: '6' } });
    try {
      const open = async () =>
        (await (await fetch(`${other.url}/v3/directline/conversations`, { method: 'POST' })).json()) as {
          conversationId: string;
          token: string;
        };
      const post = (conversation: { conversationId: string; token: string }, text: string) =>
        fetch(`${other.url}/v3/directline/conversations/${conversation.conversationId}/activities`, {
          method: 'POST',
          headers: { authorization: `Bearer ${conversation.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ type: 'message', from: { id: 'me' }, text }),
        });
      const busy = await open();
      const statuses: number[] = [];
      for (let i = 0; i < 10; i++) statuses.push((await post(busy, 'hi')).status);
      expect(statuses).toContain(429);
      expect(statuses[0]).toBe(200);
      const calm = await open();
      expect((await post(calm, 'what do I need to register?')).status).toBe(200);
    } finally {
      await other.stop();
    }
  });
});
