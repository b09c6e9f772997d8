import { createSign, generateKeyPairSync } from 'node:crypto';
import type { LocalBot } from '../../support/local-service';
import { startBot, userMessage } from '../../support/local-bot';

const APP_ID = '11111111-2222-3333-4444-555555555555';

/** A JWT that looks like a channel's but is signed by a key nobody trusts. */
function forgedToken(): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const head = encode({ alg: 'RS256', typ: 'JWT', kid: 'forged-key' });
  const body = encode({
    iss: 'https://api.botframework.com',
    aud: APP_ID,
    serviceurl: 'https://smba.trafficmanager.net/amer/',
    nbf: now - 60,
    exp: now + 600,
  });
  const signature = createSign('RSA-SHA256').update(`${head}.${body}`).sign(privateKey).toString('base64url');
  return `${head}.${body}.${signature}`;
}

let bot: LocalBot;
let turns = 0;
beforeAll(async () => {
  bot = await startBot({
    variables: { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-a-real-secret', MicrosoftAppType: 'MultiTenant' },
  });
  const run = bot.app.bot.run.bind(bot.app.bot);
  bot.app.bot.run = async (context) => {
    turns += 1;
    return run(context);
  };
});
afterAll(() => bot.stop());

const post = (headers: Record<string, string>) =>
  fetch(`${bot.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({
      ...userMessage('secure-1', 'what do I need?'),
      serviceUrl: 'https://smba.trafficmanager.net/amer/',
    }),
  });

describe('with app credentials configured', () => {
  it.each([
    ['no Authorization header', {}],
    ['a malformed token', { authorization: 'Bearer not.a.jwt' }],
    ['a token signed by an untrusted key', { authorization: `Bearer ${forgedToken()}` }],
  ])(
    '%s gets 401 and never reaches the bot',
    async (_name, headers) => {
      const before = turns;
      const response = await post(headers);
      expect(response.status).toBe(401);
      expect(turns).toBe(before);
      const body = await response.text();
      expect(body).not.toContain('not-a-real-secret');
    },
    30_000,
  );

  it('health never shows the secret', async () => {
    const body = await (await fetch(`${bot.url}/healthz`)).text();
    expect(body).not.toContain('not-a-real-secret');
    expect(body).not.toContain(APP_ID);
  });
});

describe('with a token the channel signed', () => {
  it('reaches the bot, while the same token for another serviceUrl or app does not', async () => {
    const { startChannelTokenIssuer, TEST_APP } = await import('../../support/channel-tokens');
    const issuer = await startChannelTokenIssuer();
    const signedBot = await startBot({
      variables: { ...TEST_APP, ToBotFromChannelOpenIdMetadataUrl: issuer.metadataUrl },
    });
    try {
      const serviceUrl = 'https://smba.trafficmanager.net/amer/';
      const activity = {
        ...userMessage('signed-1', 'what do I need?'),
        channelId: 'msteams',
        serviceUrl,
        deliveryMode: 'expectReplies',
      };
      const ask = (authorization: string) =>
        fetch(`${signedBot.url}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization },
          body: JSON.stringify(activity),
        });
      expect((await ask(issuer.authorization(serviceUrl))).status).toBe(200);
      expect((await ask(issuer.authorization('https://smba.trafficmanager.net/emea/'))).status).toBe(401);
      expect((await ask(issuer.authorization(serviceUrl, '99999999-2222-3333-4444-555555555555'))).status).toBe(401);
    } finally {
      await signedBot.stop();
      await issuer.stop();
    }
  });
});
