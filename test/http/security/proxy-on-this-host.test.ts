import { startWebBot, type WebBot } from '../../support/webchat/web-bot';
import { userMessage } from '../../support/local-bot';

// A reverse proxy on the bot's own machine connects from loopback, like the local tools that
// are exempt from the /api/messages limit. With TRUST_PROXY_HOPS set, whatever the proxy
// forwards is a client's request and is limited; only a program calling the bot directly is not.

/** RATE_LIMIT_API_PER_MINUTE 30 lets a client send 10 at once; the clock stands still, so none come back. */
const BURST = 10;

let bot: WebBot;
beforeEach(async () => {
  bot = await startWebBot({
    variables: { RATE_LIMIT_API_PER_MINUTE: '30', TRUST_PROXY_HOPS: '2' },
    clock: () => Date.parse('2026-11-24T15:00:00Z'),
  });
});
afterEach(() => bot.stop());

/** The statuses of `count` questions in a row, sent with this X-Forwarded-For (none: directly). */
async function statuses(count: number, forwardedFor?: string): Promise<number[]> {
  const seen: number[] = [];
  for (let i = 0; i < count; i++) {
    const response = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
      body: JSON.stringify({ ...userMessage(`proxied-${i}`, 'hi'), deliveryMode: 'expectReplies' }),
    });
    await response.arrayBuffer();
    seen.push(response.status);
  }
  return seen;
}

it('limits a client the proxies name, though the nearest proxy connects from loopback', async () => {
  expect(await statuses(BURST + 2, '198.51.100.7, 203.0.113.9')).toEqual([...Array<number>(BURST).fill(200), 429, 429]);
});

it('limits a request that skipped a proxy (fewer entries than TRUST_PROXY_HOPS), not taking it for a local tool', async () => {
  expect(await statuses(BURST + 2, '198.51.100.8')).toEqual([...Array<number>(BURST).fill(200), 429, 429]);
});

it('limits a client that writes a loopback address where the proxies name the client', async () => {
  expect(await statuses(BURST + 2, '127.0.0.1, 203.0.113.9')).toEqual([...Array<number>(BURST).fill(200), 429, 429]);
});

it('still exempts a program on this machine that calls the bot directly (no proxy header)', async () => {
  expect(await statuses(BURST + 5)).toEqual(Array<number>(BURST + 5).fill(200));
});
