import { gunzipSync } from 'node:zlib';
import { startWebBot, type WebBot } from '../../support/webchat/web-bot';

describe('the chat page over HTTP', () => {
  let bot: WebBot;

  beforeAll(async () => {
    bot = await startWebBot({ variables: { FIRM_NAME: 'Smith & <Jones> CPAs', ACCENT_COLOR: '#0b6e4f' } });
  });
  afterAll(() => bot.stop());

  it('is served at / with security headers and a fresh nonce each time', async () => {
    const [first, second] = [await fetch(`${bot.url}/`), await fetch(`${bot.url}/`)];
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(first.headers.get('x-content-type-options')).toBe('nosniff');
    expect(first.headers.get('referrer-policy')).toBe('no-referrer');
    expect(first.headers.get('cache-control')).toBe('no-store');
    const policy = first.headers.get('content-security-policy') ?? '';
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    const html = await first.text();
    expect(html).toContain(`<style nonce="${nonce}">`);
    expect(html).toContain(`<script src="/webchat/chat.js" nonce="${nonce}" defer>`);
    expect(second.headers.get('content-security-policy')).not.toContain(`'nonce-${nonce}'`);
  });

  it('shows the firm name (escaped) and colour from configuration', async () => {
    const html = await (await fetch(`${bot.url}/`)).text();
    expect(html).toContain('<h1>Smith &#38; &#60;Jones&#62; CPAs</h1>');
    expect(html).not.toContain('<Jones>');
    expect(html).toContain('--accent: #0b6e4f; --accent-text: #ffffff;');
    expect(html).toMatch(/<html lang="en">/);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
  });

  it("serves Microsoft's Web Chat bundle from the installed package, gzipped when asked", async () => {
    const html = await (await fetch(`${bot.url}/`)).text();
    const src = /<script src="(\/webchat\/webchat\.js\?v=[\d.]+)"/.exec(html)?.[1];
    expect(src).toBeDefined();
    const plain = await fetch(`${bot.url}${src}`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(plain.headers.get('cache-control')).toBe('public, max-age=86400');
    const script = await plain.text();
    expect(script).toContain('renderWebChat');
    expect(script).toContain('createDirectLine');
    // Raw bytes, to see the encoding the server chose (fetch would undo it).
    const { request } = await import('node:http');
    const gzipped = await new Promise<Buffer>((resolve, reject) => {
      request(`${bot.url}${src}`, { headers: { 'accept-encoding': 'gzip' } }, async (res) => {
        expect(res.headers['content-encoding']).toBe('gzip');
        const chunks: Buffer[] = [];
        for await (const chunk of res) chunks.push(chunk as Buffer);
        resolve(Buffer.concat(chunks));
      })
        .on('error', reject)
        .end();
    });
    expect(gzipped.length).toBeLessThan(script.length / 2);
    expect(gunzipSync(gzipped).toString('utf8')).toBe(script);
    expect((await fetch(`${bot.url}/webchat/webchat.js.LICENSE.txt`)).status).toBe(200);
  });

  it('serves the page script and stylesheet, and a config with nothing secret', async () => {
    const js = await fetch(`${bot.url}/webchat/chat.js`);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toContain('webchat/join');
    const css = await fetch(`${bot.url}/webchat/chat.css`);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    const config = await (await fetch(`${bot.url}/webchat/config.json`)).json();
    expect(config).toEqual({
      firmName: 'Smith & <Jones> CPAs',
      accentColor: '#0b6e4f',
      accentTextColor: '#ffffff',
      directLine: {
        kind: 'local',
        domain: '/v3/directline',
        tokenUrl: '/v3/directline/tokens/generate',
        webSocket: false,
        pollingIntervalMs: 500,
      },
    });
  });

  it('serves nothing else from public/ or the package', async () => {
    for (const path of [
      '/webchat/../package.json',
      '/webchat/index.html',
      '/public/chat.js',
      '/webchat/webchat-es5.js',
      '/node_modules/botframework-webchat/package.json',
    ]) {
      expect((await fetch(`${bot.url}${path}`)).status).toBe(404);
    }
  });
});
