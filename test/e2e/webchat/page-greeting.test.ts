import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { launchChromium } from '../../support/chromium';
import { realContent } from '../../support/content';
import { startWebBot, type WebBot } from '../../support/webchat/web-bot';
import { axeViolations } from '../../support/axe';

/**
 * The chat page before and without Web Chat, in real headless Chromium: its own HTML greets and
 * gives the e-Help Desk, with scripts off, with Web Chat's bundle failing, and while it loads;
 * once the bot's welcome is on screen the page's greeting is gone, so nothing is said twice.
 */

const content = realContent();
const { texts, helpdesk } = content;
/** Web Chat's bot messages (as chat-page.ts reads them). */
const BOT_BUBBLE = '.webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content';
/** The bot's welcome, by its opening words. */
const WELCOME = texts.welcome.split(/\s+/).slice(0, 6).join(' ');
const BUNDLE = /\/webchat\/webchat\.js/;

let browser: Browser;
let bot: WebBot;

beforeAll(async () => {
  bot = await startWebBot({ variables: { LOG_LEVEL: 'warn' } });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await bot?.stop();
});

/** A new visitor's page, recording CSP violations; closed after the test. */
async function withPage(test: (page: Page) => Promise<void>, options: BrowserContextOptions = {}): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, ...options });
  try {
    const page = await context.newPage();
    await page.addInitScript(() => {
      const violations: string[] = [];
      Object.defineProperty(window, '__cspViolations', { value: violations });
      document.addEventListener('securitypolicyviolation', (event) => {
        violations.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'}`);
      });
    });
    await test(page);
    if (options.javaScriptEnabled !== false) {
      expect(
        await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations.slice()),
      ).toEqual([]);
    }
  } finally {
    await context.close();
  }
}

/** The page's visible text, with white space as a reader sees it. */
async function visibleText(page: Page): Promise<string> {
  return (await page.locator('body').innerText()).replace(/\s+/g, ' ');
}

/** Content text as it reads on the page (white space collapsed). */
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The greeting, the desk's number (as a tel: link), hours and dated note are all on screen. */
async function expectGreetingAndDesk(page: Page): Promise<void> {
  const text = await visibleText(page);
  expect(text).toContain(oneLine(texts.pageGreeting));
  expect(text).toContain(oneLine(texts.helpdeskTitle));
  expect(text).toContain(helpdesk.number);
  expect(text).toMatch(new RegExp(`${openingHour(helpdesk.hours.opens)}.*Eastern`));
  expect(text).toContain(oneLine(texts.helpdeskNote));
  const call = page.getByRole('link', { name: helpdesk.number, exact: true });
  expect(await call.getAttribute('href')).toBe(helpdesk.telLink);
  expect(await page.getByRole('region', { name: texts.helpdeskTitle }).isVisible()).toBe(true);
}

/** "07:30" → "7:30": how the hour opens the desk's hours line. */
function openingHour(time: string): string {
  return time.replace(/^0/, '');
}

describe("the chat page's own greeting in Chromium", () => {
  it('greets and gives the e-Help Desk with JavaScript switched off, saying the chat could not load', () =>
    withPage(
      async (page) => {
        await page.goto(bot.url);
        await expectGreetingAndDesk(page);
        const text = await visibleText(page);
        expect(text).toContain(oneLine(texts.pageNoScript));
        expect(text).not.toContain(oneLine(texts.pageLoading));
      },
      { javaScriptEnabled: false },
    ));

  it.each([
    ['is not found', 404],
    ['cannot be reached', 'abort'],
  ] as const)('still helps when Web Chat’s bundle %s, and says the chat could not load', (_name, failure) =>
    withPage(async (page) => {
      await page.route(BUNDLE, (route) =>
        failure === 'abort' ? route.abort('connectionrefused') : route.fulfill({ status: failure, body: '' }),
      );
      await page.goto(bot.url);
      await page
        .getByRole('status')
        .filter({ hasText: oneLine(texts.pageChatFailed) })
        .waitFor();
      await expectGreetingAndDesk(page);
      expect(await visibleText(page)).not.toContain(oneLine(texts.pageLoading));
    }),
  );

  it('shows the greeting while Web Chat loads, then the welcome in its place, once', () =>
    withPage(async (page) => {
      // Hold the bundle until the page has been looked at without it.
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route(BUNDLE, async (route) => {
        await held;
        await route.continue();
      });
      // Not 'domcontentloaded': that waits for the deferred bundle.
      await page.goto(bot.url, { waitUntil: 'commit' });
      await page.locator('#chat-desk-title').waitFor();
      await expectGreetingAndDesk(page);
      expect(await page.getByRole('status').textContent()).toBe(texts.pageLoading);
      release();

      await page.locator(BOT_BUBBLE).filter({ hasText: WELCOME }).waitFor();
      await page.locator('#chat-intro').waitFor({ state: 'hidden' });
      const text = await visibleText(page);
      expect(text).not.toContain(oneLine(texts.pageGreeting));
      expect(text).not.toContain(oneLine(texts.pageLoading));
      // Give a second welcome (were the join sent twice) time to arrive: the page polls twice a second.
      await page.waitForTimeout(1200);
      const welcomes = await page.locator(BOT_BUBBLE).filter({ hasText: WELCOME }).count();
      expect(welcomes).toBe(1);
      expect(await page.getByRole('main').count()).toBe(1);
    }));

  it('has the welcome waiting at Web Chat’s first poll: the visitor joined while the bundle loaded', () =>
    withPage(async (page) => {
      const posted: string[] = [];
      let firstPoll: Promise<unknown> | undefined;
      page.on('request', (request) => {
        if (request.method() === 'POST' && /\/activities$/.test(request.url())) posted.push(request.postData() ?? '');
      });
      page.on('response', (response) => {
        if (!firstPoll && /\/activities\?watermark=/.test(response.url())) firstPoll = response.json();
      });
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route(BUNDLE, async (route) => {
        await held;
        await route.continue();
      });
      await page.goto(bot.url, { waitUntil: 'commit' });
      // The join goes out with Web Chat still held back.
      await page.waitForFunction(
        () => performance.getEntriesByType('resource').some((entry) => /\/activities$/.test(entry.name)),
        undefined,
        { timeout: 10_000 },
      );
      expect(posted.map((body) => (JSON.parse(body) as { type?: string; name?: string }).name)).toEqual([
        'webchat/join',
      ]);
      release();
      await page.locator(BOT_BUBBLE).filter({ hasText: WELCOME }).waitFor();
      const first = (await firstPoll) as {
        activities: Array<{ type: string; from: { role?: string }; text?: string }>;
      };
      const fromBot = first.activities.filter(
        (activity) => activity.type === 'message' && activity.from.role === 'bot',
      );
      expect(fromBot.map((activity) => activity.text ?? '').join(' ')).toContain(WELCOME);
      expect(posted).toHaveLength(1);
    }));

  it('has no accessibility violations without Web Chat (axe-core)', () =>
    withPage(
      async (page) => {
        await page.route(BUNDLE, (route) => route.fulfill({ status: 404, body: '' }));
        await page.goto(bot.url);
        await page
          .getByRole('status')
          .filter({ hasText: oneLine(texts.pageChatFailed) })
          .waitFor();
        const violations = (await axeViolations(page)).map(({ id, impact, nodes }) => ({ id, impact, nodes }));
        expect(violations).toEqual([]);
      },
      // Lets axe-core in past the page's CSP.
      { bypassCSP: true },
    ));
});
