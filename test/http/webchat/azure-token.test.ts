import { TEST_APP } from '../../support/channel-tokens';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startWebBot, type WebBot } from '../../support/webchat/web-bot';

const SECRET = 'dl-secret-ABCdef123456-never-in-a-browser';

/** What the stand-in for Azure's Direct Line saw. */
interface SeenRequest {
  readonly method?: string;
  readonly url?: string;
  readonly authorization?: string;
  readonly contentType?: string;
  readonly body: unknown;
}

type Behaviour = 'answer' | 'refuse' | 'hang';

/** A stand-in for Azure Bot Service's Direct Line token service on 127.0.0.1. */
async function startStandIn(): Promise<{
  url: string;
  seen: SeenRequest[];
  behave(next: Behaviour): void;
  stop(): Promise<void>;
}> {
  const seen: SeenRequest[] = [];
  let behaviour: Behaviour = 'answer';
  const server: Server = createServer(async (req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    seen.push({
      method: req.method,
      url: req.url,
      authorization: req.headers.authorization,
      contentType: req.headers['content-type'],
      body: text ? JSON.parse(text) : undefined,
    });
    if (behaviour === 'hang') return;
    const valid =
      req.method === 'POST' &&
      req.url === '/v3/directline/tokens/generate' &&
      req.headers.authorization === `Bearer ${SECRET}`;
    if (behaviour === 'refuse' || !valid) {
      res.writeHead(403, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'BadArgument', message: `Secret ${SECRET} is not valid` } }));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        conversationId: 'AzureConv-us',
        token: 'azure-issued-token',
        expires_in: 3600,
        extra: 'ignored',
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    behave(next) {
      behaviour = next;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('production: Azure Bot Service Direct Line token route', () => {
  let standIn: Awaited<ReturnType<typeof startStandIn>>;
  let bot: WebBot;
  const tokenRoute = () => fetch(`${bot.url}/api/directline/token`, { method: 'POST' });

  beforeAll(async () => {
    standIn = await startStandIn();
    bot = await startWebBot({
      variables: { ...TEST_APP, DIRECT_LINE_SECRET: SECRET, DIRECT_LINE_ENDPOINT: standIn.url },
      azureTimeoutMs: 300,
    });
  });
  afterEach(() => standIn.behave('answer'));
  afterAll(async () => {
    await bot.stop();
    await standIn.stop();
  });

  it('exchanges the secret for a token exactly as the real service expects', async () => {
    const response = await tokenRoute();
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({
      conversationId: 'AzureConv-us',
      token: 'azure-issued-token',
      expires_in: 3600,
    });
    const request = standIn.seen.at(-1);
    expect(request).toEqual({
      method: 'POST',
      url: '/v3/directline/tokens/generate',
      authorization: `Bearer ${SECRET}`,
      contentType: 'application/json',
      body: { user: { id: expect.stringMatching(/^dl_[A-Za-z0-9_-]{16}$/) } },
    });
  });

  it('gives each visitor their own user id', async () => {
    await tokenRoute();
    await tokenRoute();
    const [a, b] = standIn.seen.slice(-2).map((request) => JSON.stringify(request.body));
    expect(a).not.toBe(b);
  });

  it('answers 502 when Azure refuses, without passing on what Azure said', async () => {
    standIn.behave('refuse');
    const response = await tokenRoute();
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({ error: { code: 'DirectLineUnavailable', message: expect.any(String) } });
  });

  it('gives up after the timeout with 504', async () => {
    standIn.behave('hang');
    const started = Date.now();
    const response = await tokenRoute();
    expect(response.status).toBe(504);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('points the page at Azure, allows it in the CSP, and turns the local Direct Line off', async () => {
    const config = (await (await fetch(`${bot.url}/webchat/config.json`)).json()) as { directLine: unknown };
    expect(config.directLine).toEqual({
      kind: 'azure',
      domain: `${standIn.url}/v3/directline`,
      tokenUrl: '/api/directline/token',
      webSocket: true,
    });
    const page = await fetch(`${bot.url}/`);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain(`connect-src 'self' ${standIn.url} ws://${new URL(standIn.url).host}`);
    expect((await fetch(`${bot.url}/v3/directline/conversations`, { method: 'POST' })).status).toBe(404);
  });

  it('never lets the secret reach a response or a log line', async () => {
    const bodies: string[] = [];
    for (const behaviour of ['answer', 'refuse', 'hang'] as const) {
      standIn.behave(behaviour);
      bodies.push(await (await tokenRoute()).text());
    }
    for (const path of ['/', '/webchat/config.json', '/webchat/chat.js', '/healthz'])
      bodies.push(await (await fetch(`${bot.url}${path}`)).text());
    for (const body of bodies) expect(body).not.toContain(SECRET);
    expect(bot.logLines.length).toBeGreaterThan(0);
    for (const line of bot.logLines) expect(line).not.toContain(SECRET);
    // Nor the tokens Azure issues: they are the visitor's keys to the conversation.
    for (const line of bot.logLines) expect(line).not.toContain('azure-issued-token');
  });
});

describe('without DIRECT_LINE_SECRET', () => {
  it('has no Azure token route', async () => {
    const bot = await startWebBot();
    try {
      expect((await fetch(`${bot.url}/api/directline/token`, { method: 'POST' })).status).toBe(404);
    } finally {
      await bot.stop();
    }
  });
});

describe('when Azure cannot be reached', () => {
  it('answers 502', async () => {
    const closed = await startStandIn();
    const endpoint = closed.url;
    await closed.stop();
    const bot = await startWebBot({
      variables: { ...TEST_APP, DIRECT_LINE_SECRET: SECRET, DIRECT_LINE_ENDPOINT: endpoint },
    });
    try {
      const response = await fetch(`${bot.url}/api/directline/token`, { method: 'POST' });
      expect(response.status).toBe(502);
      for (const line of bot.logLines) expect(line).not.toContain(SECRET);
    } finally {
      await bot.stop();
    }
  });
});
