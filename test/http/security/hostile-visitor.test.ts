import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { startWebBot, type WebBot } from '../../support/webchat/web-bot';
import { userMessage } from '../../support/local-bot';

// What anyone on the internet can do before any login, against the bot as `npm start` runs it
// (anonymous, local Direct Line): each case is an attack from the security review of 2026-11-26.

/** A loopback HTTP server standing in for a victim the bot must never be made to call. */
async function startVictim(): Promise<{ url: string; hits: string[]; stop(): Promise<void> }> {
  const hits: string[] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    hits.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"id":"1"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 400));

describe('only JSON gets in', () => {
  let bot: WebBot;
  beforeAll(async () => {
    bot = await startWebBot();
  });
  afterAll(() => bot.stop());

  const multipart = () => {
    const form = new FormData();
    form.append('file', new Blob([Buffer.alloc(200_000, 7)]), 'a.bin');
    return form;
  };

  it.each(['/api/messages', '/v3/directline/tokens/generate', '/v3/directline/conversations'])(
    'a multipart POST to %s gets 415 and leaves no file in the temp folder',
    async (path) => {
      const before = new Set(readdirSync(tmpdir()));
      const response = await fetch(`${bot.url}${path}`, { method: 'POST', body: multipart() });
      expect(response.status).toBe(415);
      await settle();
      const added = readdirSync(tmpdir()).filter((name) => !before.has(name) && name.startsWith('upload_'));
      expect(added).toEqual([]);
    },
  );

  it.each([
    ['text/csv', '123-45-6789 4111111111111111"x\n'],
    ['text/tab-separated-values', 'a\tb\n'],
    ['application/x-www-form-urlencoded', 'type=message&channelId=webchat&conversation[id]=f&from[id]=u&text=hello'],
    ['text/plain', '{"type":"message"}'],
  ])('a %s body gets 415, and the log carries no error and none of the body', async (contentType, body) => {
    const lines = bot.logLines.length;
    const response = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body,
    });
    expect(response.status).toBe(415);
    const written = bot.logLines.slice(lines).join('\n');
    expect(written).not.toContain('6789');
    expect(written).not.toMatch(/"level":50/);
  });

  it('JSON with a charset is still welcome', async () => {
    const response = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({
        ...userMessage('json-charset', 'what do I need to register?'),
        deliveryMode: 'expectReplies',
      }),
    });
    expect(response.status).toBe(200);
  });

  it.each(['conversation', 'from', 'recipient', 'somethingElse'])(
    'deep nesting under %s gets a 4xx, not a silent 500',
    async (field) => {
      // Written as text: serializing 50,000 levels would overflow this test's own stack.
      const deep = `${'['.repeat(50_000)}"x"${']'.repeat(50_000)}`;
      const activity = { ...userMessage('deep', 'hi'), deliveryMode: 'expectReplies' } as Record<string, unknown>;
      activity[field] =
        field === 'somethingElse' ? 'DEEP' : { ...(activity[field] as object), id: 'x', nested: 'DEEP' };
      const body = JSON.stringify(activity).replace('"DEEP"', deep);
      const response = await fetch(`${bot.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      expect(response.status).toBe(400);
    },
  );
});

describe('the bot is not an open relay', () => {
  let victim: Awaited<ReturnType<typeof startVictim>>;
  beforeAll(async () => {
    victim = await startVictim();
  });
  afterAll(() => victim.stop());

  const send = (bot: WebBot, activity: object) =>
    fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });

  describe('anonymous (the website setup)', () => {
    let bot: WebBot;
    beforeAll(async () => {
      bot = await startWebBot();
    });
    afterAll(() => bot.stop());

    it('refuses an activity that would make it post to a caller-chosen serviceUrl, and posts nothing', async () => {
      victim.hits.length = 0;
      const response = await send(bot, {
        ...userMessage('relay-1', 'is the help desk open now?'),
        serviceUrl: `${victim.url}/admin/delete?x=`,
      });
      expect(response.status).toBe(403);
      await settle();
      expect(victim.hits).toEqual([]);
    });

    it('answers expectReplies in the response and never calls the serviceUrl it was given', async () => {
      victim.hits.length = 0;
      const response = await send(bot, {
        ...userMessage('relay-2', 'talk to a person'),
        serviceUrl: victim.url,
        deliveryMode: 'expectReplies',
      });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { activities: unknown[] };
      expect(body.activities.length).toBeGreaterThan(0);
      await settle();
      expect(victim.hits).toEqual([]);
    });
  });

  describe('with the development switch for local tools', () => {
    let bot: WebBot;
    beforeAll(async () => {
      bot = await startWebBot({ variables: { DEV_LOCAL_TOOLS: 'true' } });
    });
    afterAll(() => bot.stop());

    it('posts replies to a loopback serviceUrl, as the Emulator and Agents Playground need', async () => {
      victim.hits.length = 0;
      const response = await send(bot, { ...userMessage('tools-1', 'hello'), serviceUrl: victim.url });
      expect(response.status).toBe(200);
      await settle();
      expect(victim.hits.length).toBeGreaterThan(0);
      expect(victim.hits.every((hit) => hit.startsWith('POST /v3/conversations/tools-1/activities'))).toBe(true);
    });

    it('still refuses any other host', async () => {
      const response = await send(bot, { ...userMessage('tools-2', 'hello'), serviceUrl: 'http://192.0.2.10:8080/' });
      expect(response.status).toBe(403);
    });
  });

  describe('with app credentials', () => {
    let bot: WebBot;
    beforeAll(async () => {
      bot = await startWebBot({
        variables: {
          MicrosoftAppId: '11111111-2222-3333-4444-555555555555',
          MicrosoftAppPassword: 'not-a-real-secret',
          MicrosoftAppTenantId: 'aaaaaaaa-0000-0000-0000-000000000001',
          MicrosoftAppType: 'SingleTenant',
        },
      });
    });
    afterAll(() => bot.stop());

    it.each([
      ['a loopback host', 'http://127.0.0.1:4999/'],
      ['plain http', 'http://smba.trafficmanager.net/amer/'],
      ['a look-alike host', 'https://smba.trafficmanager.net.example.com/'],
      ['any other host', 'https://example.com/'],
    ])('refuses %s as serviceUrl before looking at the token', async (_name, serviceUrl) => {
      const response = await send(bot, { ...userMessage('cred-1', 'hi'), serviceUrl });
      expect(response.status).toBe(403);
    });

    it('takes a Bot Framework host to the token check, and a bad token gets a fixed 401 with nothing on the console', async () => {
      const consoleError = jest.spyOn(console, 'error');
      const response = await fetch(`${bot.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer a.b.c' },
        body: JSON.stringify({ ...userMessage('cred-2', 'hi'), serviceUrl: 'https://smba.trafficmanager.net/amer/' }),
      });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: 'Unauthorized' });
      expect(consoleError).not.toHaveBeenCalled();
      const infoAndAbove = bot.logLines
        .filter((line) => (JSON.parse(line) as { level: number }).level >= 30)
        .join('\n');
      expect(infoAndAbove).not.toMatch(/Unauthorized|stack|login\.botframework/);
      consoleError.mockRestore();
    });
  });
});

describe('limits that hold behind a proxy', () => {
  let bot: WebBot;
  beforeAll(async () => {
    bot = await startWebBot({ variables: { RATE_LIMIT_API_PER_MINUTE: '30', TRUST_PROXY_HOPS: '1' } });
  });
  afterAll(() => bot.stop());

  const ask = (forwardedFor?: string) =>
    fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
      body: JSON.stringify({ ...userMessage('limited', 'hi'), deliveryMode: 'expectReplies' }),
    });

  it('limits /api/messages per client, as the proxy reports the client, and tells when to retry', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 14; i++) statuses.push((await ask('198.51.100.7, 203.0.113.9')).status);
    expect(statuses.slice(0, 10).every((status) => status === 200)).toBe(true);
    expect(statuses).toContain(429);
    const limited = await ask('198.51.100.7, 203.0.113.9');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another client behind the same proxy is not affected.
    expect((await ask('198.51.100.7, 203.0.113.10')).status).toBe(200);
  });

  it('counts an IPv6 /64 as one client', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 14; i++) statuses.push((await ask(`2001:db8:1:2::${(i + 1).toString(16)}`)).status);
    expect(statuses).toContain(429);
    expect((await ask('2001:db8:1:3::1')).status).toBe(200);
  });
});

describe('quiet, bounded failures', () => {
  let bot: WebBot;
  beforeAll(async () => {
    bot = await startWebBot({
      variables: { HEADERS_TIMEOUT_SECONDS: '1', REQUEST_TIMEOUT_SECONDS: '2', MAX_CONNECTIONS: '3' },
    });
  });
  afterAll(() => bot.stop());

  const port = () => Number(new URL(bot.url).port);

  it('closes a connection whose headers never finish', async () => {
    const socket = connect(port(), '127.0.0.1');
    socket.write('POST /api/messages HTTP/1.1\r\nHost: x\r\n');
    const closed = await new Promise<number>((resolve) => {
      const started = Date.now();
      socket.resume(); // read what the server says (a 408), so its close reaches us
      socket.on('close', () => resolve(Date.now() - started));
      socket.on('error', () => undefined);
      setTimeout(() => resolve(-1), 8_000);
    });
    socket.destroy();
    expect(closed).toBeGreaterThan(0);
  });

  it('closes a connection whose body trickles in past the request deadline', async () => {
    const socket = connect(port(), '127.0.0.1');
    socket.write(
      'POST /api/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{',
    );
    const trickle = setInterval(() => socket.write(' '), 200);
    const answer = await new Promise<string>((resolve) => {
      let data = '';
      socket.on('data', (chunk) => (data += chunk.toString()));
      socket.on('close', () => resolve(data || 'closed'));
      socket.on('error', () => undefined);
      setTimeout(() => resolve('still open'), 9_000);
    });
    clearInterval(trickle);
    socket.destroy();
    expect(answer).not.toBe('still open');
  });

  it('caps open connections', async () => {
    const sockets = await Promise.all(
      Array.from(
        { length: 5 },
        () =>
          new Promise<ReturnType<typeof connect>>((resolve) => {
            const socket = connect(port(), '127.0.0.1', () => resolve(socket));
            socket.on('error', () => undefined);
          }),
      ),
    );
    await settle();
    const closedEarly = sockets.filter((socket) => socket.destroyed || socket.readableEnded).length;
    sockets.forEach((socket) => socket.destroy());
    expect(closedEarly).toBeGreaterThanOrEqual(2);
  });
});
