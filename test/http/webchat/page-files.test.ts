import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync } from 'node:zlib';
import { MemoryStorage } from 'botbuilder';
import { findWebchatBundle } from '../../../src/channels/webchat/webchat-bundle';
import { parseConfig } from '../../../src/config';
import { createLogger } from '../../../src/logger';
import { startService, type Service } from '../../../src/service';
import { realContent } from '../../support/content';
import { expectedSentence } from '../../support/helpdesk-content';
import { PROJECT_ROOT } from '../../support/paths';
import { PUBLIC_DIR, startWebBot, type WebBot } from '../../support/webchat/web-bot';

/**
 * The chat page's files over HTTP, as a browser or a proxy asks for them: the Web Chat bundle in
 * the coding the client accepts (stored compressed at build), HEAD, revalidation, odd headers;
 * and the page's own greeting and e-Help Desk in its HTML, from content, escaped.
 */

const BUNDLE = join(PROJECT_ROOT, 'dist', 'webchat', 'webchat.js');
const content = realContent();

interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Buffer;
}

/** A request whose answer is taken as sent: fetch would undo the content coding. */
function raw(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    request(url, { method, headers }, async (res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of res) chunks.push(chunk as Buffer);
      resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) });
    })
      .on('error', reject)
      .end();
  });
}

/** What the body is once its Content-Encoding is undone. */
function decoded(response: RawResponse): Buffer {
  const coding = response.headers['content-encoding'];
  if (coding === 'br') return brotliDecompressSync(response.body);
  if (coding === 'gzip') return gunzipSync(response.body);
  if (coding === undefined) return response.body;
  throw new Error(`unexpected content-encoding ${String(coding)}`);
}

describe("the chat page's files", () => {
  let bot: WebBot;
  let bundleUrl: string;
  const plain = readFileSync(BUNDLE);

  beforeAll(async () => {
    bot = await startWebBot({ variables: { LOG_LEVEL: 'warn' } });
    const html = await (await fetch(`${bot.url}/`)).text();
    bundleUrl = `${bot.url}${/<script src="(\/webchat\/webchat\.js\?v=[^"]+)"/.exec(html)?.[1]}`;
  });
  afterAll(() => bot.stop());

  it.each([
    ['br', 'br'],
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip', 'gzip'],
    ['x-gzip', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['gzip;q=0.8, br;q=0.2', 'gzip'],
    ['*', 'br'],
    ['identity', undefined],
    ['deflate', undefined],
    ['', undefined],
  ])('sends the bundle to Accept-Encoding "%s" as %s, the same bytes once decoded', async (accept, coding) => {
    const response = await raw(bundleUrl, accept ? { 'accept-encoding': accept } : {});
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe(coding);
    expect(response.headers['vary']).toBe('Accept-Encoding');
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(Number(response.headers['content-length'])).toBe(response.body.length);
    expect(decoded(response).equals(plain)).toBe(true);
  });

  it('sends a third less in brotli than in gzip, and gzip a quarter of the bundle', async () => {
    const br = await raw(bundleUrl, { 'accept-encoding': 'br' });
    const gzip = await raw(bundleUrl, { 'accept-encoding': 'gzip' });
    expect(br.body.length).toBeLessThan(gzip.body.length * 0.75);
    expect(gzip.body.length).toBeLessThan(plain.length * 0.3);
  });

  it.each([
    ['a header refusing every coding', { 'accept-encoding': 'identity;q=0, *;q=0' }],
    ['garbage', { 'accept-encoding': '@@@;q=abc, ;;;, br;q=7' }],
    ['a header of 8,000 characters', { 'accept-encoding': `${'x-unknown;q=0.1, '.repeat(470)}br` }],
  ])('answers %s with the bundle as it is', async (_name, headers) => {
    const response = await raw(bundleUrl, headers);
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.body.equals(plain)).toBe(true);
  });

  it.each([
    ['a byte range', 'bytes=0-99'],
    ['a range past the end', 'bytes=99999999-'],
    ['a malformed range', 'bytes=zzz'],
  ])('answers %s with the whole file (ranges are not served)', async (_name, range) => {
    const response = await raw(bundleUrl, { 'accept-encoding': 'gzip', range });
    expect(response.status).toBe(200);
    expect(response.headers['content-range']).toBeUndefined();
    expect(gunzipSync(response.body).equals(plain)).toBe(true);
  });

  it('answers HEAD with the headers a GET would have, and no body', async () => {
    for (const path of [bundleUrl, `${bot.url}/webchat/chat.js`, `${bot.url}/webchat/chat-start.js`]) {
      const get = await raw(path, { 'accept-encoding': 'br' });
      const head = await raw(path, { 'accept-encoding': 'br' }, 'HEAD');
      expect(head.status).toBe(200);
      expect(head.body.length).toBe(0);
      for (const name of ['content-type', 'content-length', 'content-encoding', 'etag', 'cache-control', 'vary']) {
        expect([name, head.headers[name]]).toEqual([name, get.headers[name]]);
      }
    }
  });

  it("revalidates with each coding's own ETag: 304 and no body when unchanged", async () => {
    const br = await raw(bundleUrl, { 'accept-encoding': 'br' });
    const gzip = await raw(bundleUrl, { 'accept-encoding': 'gzip' });
    const etag = String(br.headers.etag);
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(gzip.headers.etag).not.toBe(etag);
    const again = await raw(bundleUrl, { 'accept-encoding': 'br', 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(etag);
    const weak = await raw(bundleUrl, { 'accept-encoding': 'br', 'if-none-match': `"other", W/${etag}` });
    expect(weak.status).toBe(304);
    const otherCoding = await raw(bundleUrl, { 'accept-encoding': 'gzip', 'if-none-match': etag });
    expect(otherCoding.status).toBe(200);
    expect(gunzipSync(otherCoding.body).equals(plain)).toBe(true);
  });

  it('serves the early-start script, compressed like the others', async () => {
    const response = await raw(`${bot.url}/webchat/chat-start.js`, { 'accept-encoding': 'gzip' });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(decoded(response).toString('utf8')).toBe(readFileSync(join(PUBLIC_DIR, 'chat-start.js'), 'utf8'));
  });
});

describe("the chat page's own greeting, in its HTML", () => {
  let bot: WebBot;
  const { texts, helpdesk } = content;

  beforeAll(async () => {
    bot = await startWebBot({ variables: { LOG_LEVEL: 'warn' } });
  });
  afterAll(() => bot.stop());

  /** Content text as it must appear in the HTML: escaped as render-page escapes. */
  const escaped = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

  it('greets, and gives the e-Help Desk number, hours, dated note and source, from content', async () => {
    const html = await (await fetch(`${bot.url}/`)).text();
    expect(html).toContain(escaped(texts.pageGreeting));
    expect(html).toContain(`<a href="${helpdesk.telLink}">${helpdesk.number}</a>`);
    expect(html).toContain(escaped(texts.helpdeskTitle));
    const [opens, closes] = [helpdesk.hours.opens, helpdesk.hours.closes].map(clockTime);
    const days = `${helpdesk.days[0]} to ${helpdesk.days[helpdesk.days.length - 1]}`;
    expect(html).toContain(escaped(expectedSentence(texts.helpdeskHours, { opens, closes, days })));
    expect(html).toContain(escaped(texts.helpdeskNote));
    const source = content.sources.get(helpdesk.sources[0]);
    expect(source).toBeDefined();
    expect(html).toContain(`<a href="${source?.url}">${escaped(source?.title ?? '')}</a>`);
    expect(html).toContain(escaped(source?.date ?? ''));
    expect(html).toContain(escaped(texts.pageLoading));
    expect(html).toContain(escaped(texts.pageNoScript));
    expect(html).toContain(`data-failed="${escaped(texts.pageChatFailed)}"`);
    expect(html).not.toMatch(/\{\{[A-Z_]+\}\}/);
  });

  it('hides the loading line when scripts are off, with a style the CSP lets in', async () => {
    const response = await fetch(`${bot.url}/`);
    const nonce = /'nonce-([^']+)'/.exec(response.headers.get('content-security-policy') ?? '')?.[1];
    expect(await response.text()).toContain(
      `<noscript><style nonce="${nonce}">#chat-status { display: none; }</style>`,
    );
  });
});

describe('a bundle whose stored compressed copies are stale', () => {
  let service: Service;
  let directory: string;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'webchat-bundle-'));
    const built = findWebchatBundle();
    copyFileSync(built.scriptPath, join(directory, 'webchat.js'));
    copyFileSync(built.licensePath, join(directory, 'webchat.js.LICENSE.txt'));
    writeFileSync(join(directory, 'version.json'), JSON.stringify({ version: '0.0.0-stale' }));
    // As an interrupted build could leave them: copies of another bundle.
    writeFileSync(join(directory, 'webchat.js.br'), brotliCompressSync(Buffer.from('window.stale = true;')));
    writeFileSync(join(directory, 'webchat.js.gz'), Buffer.from('not gzip at all'));
    const config = parseConfig({ LOG_LEVEL: 'silent' });
    service = await startService({
      config,
      clock: () => Date.now(),
      logger: createLogger('silent'),
      content,
      storage: new MemoryStorage(),
      port: 0,
      host: '127.0.0.1',
      publicDir: PUBLIC_DIR,
      webchatBundle: findWebchatBundle(directory),
    });
  });
  afterAll(async () => {
    await service.stop();
    rmSync(directory, { recursive: true, force: true });
  });

  it('are never sent: the bundle goes out gzipped here and then, as it is', async () => {
    const response = await raw(`${service.url}/webchat/webchat.js?v=0.0.0-stale`, { 'accept-encoding': 'br, gzip' });
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(response.body).equals(readFileSync(BUNDLE))).toBe(true);
  });
});

/** "07:30" → "7:30 a.m.", "19:00" → "7:00 p.m.", as people read the desk's hours. */
function clockTime(time: string): string {
  const [hours, minutes] = time.split(':').map(Number);
  const twelve = hours % 12 === 0 ? 12 : hours % 12;
  return `${twelve}:${String(minutes).padStart(2, '0')} ${hours < 12 ? 'a.m.' : 'p.m.'}`;
}
