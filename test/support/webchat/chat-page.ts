import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PROJECT_ROOT } from '../paths';

/** Where the end-to-end tests leave their screenshots (ignored by git). */
export const RESULTS_DIR = join(PROJECT_ROOT, 'test-results');

const SEND_BOX = '[data-id="webchat-sendbox-input"]';
const BOT_BUBBLE = '.webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content';
const USER_BUBBLE = '.webchat__bubble--from-user .webchat__bubble__content';
// The visible quick replies (Web Chat also keeps a copy for screen readers in the transcript).
const SUGGESTED_ACTIONS = '[role="toolbar"].webchat__suggested-actions';

/** An open chat page and the things a test does with it. */
export interface ChatPage {
  readonly page: Page;
  /** Types a message into Web Chat's send box and sends it; resolves once it shows as sent. */
  send(text: string): Promise<void>;
  /** Sends a message and waits for the bot's next message; returns its text. */
  ask(text: string): Promise<string>;
  /** Clicks the suggested action (quick reply) with this label. */
  clickSuggestion(label: string): Promise<void>;
  /** The labels of the suggested actions shown now. */
  suggestions(): Promise<string[]>;
  /** Waits until a bot message contains the text and returns that message's text. */
  waitForBotText(text: string | RegExp): Promise<string>;
  /** The text of the newest bot message. */
  lastBotText(): Promise<string>;
  /** The text of every bot message, oldest first. */
  botTexts(): Promise<string[]>;
  /** The text of every user message, oldest first. */
  userTexts(): Promise<string[]>;
  /** Content-Security-Policy violations the page reported so far. */
  cspViolations(): Promise<string[]>;
  /** Saves a screenshot as test-results/<name>.png and returns its path. */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

export interface OpenChatOptions {
  readonly viewport?: { readonly width: number; readonly height: number };
  /** Lets the test inject scripts (axe-core) past the page's CSP; CSP violations then go unseen. */
  readonly bypassCSP?: boolean;
}

/**
 * Opens the chat page in a new browser context (an empty sessionStorage, as a new visitor) and
 * waits until Web Chat is ready to type into.
 */
export async function openChat(browser: Browser, url: string, options: OpenChatOptions = {}): Promise<ChatPage> {
  const context: BrowserContext = await browser.newContext({
    viewport: options.viewport ?? { width: 1024, height: 768 },
    bypassCSP: options.bypassCSP ?? false,
  });
  const page = await context.newPage();
  await page.addInitScript(() => {
    const violations: string[] = [];
    Object.defineProperty(window, '__cspViolations', { value: violations });
    document.addEventListener('securitypolicyviolation', (event) => {
      violations.push(
        `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  await page.goto(url);
  await page.locator(SEND_BOX).waitFor({ state: 'visible' });

  const texts = (selector: string) =>
    page.locator(selector).evaluateAll((nodes) => nodes.map((node) => (node.textContent ?? '').trim()));

  const send = async (text: string) => {
    const before = (await texts(USER_BUBBLE)).length;
    const box = page.locator(SEND_BOX);
    await box.fill(text);
    await box.press('Enter');
    await page.waitForFunction(([selector, count]) => document.querySelectorAll(selector).length > count, [
      USER_BUBBLE,
      before,
    ] as const);
  };

  return {
    page,
    send,
    async ask(text) {
      const before = (await texts(BOT_BUBBLE)).length;
      await send(text);
      await page.waitForFunction(([selector, count]) => document.querySelectorAll(selector).length > count, [
        BOT_BUBBLE,
        before,
      ] as const);
      return (await texts(BOT_BUBBLE))[before];
    },
    async clickSuggestion(label) {
      await page.locator(SUGGESTED_ACTIONS).getByRole('button', { name: label, exact: true }).click();
    },
    suggestions: () => texts(`${SUGGESTED_ACTIONS} button`),
    async waitForBotText(text) {
      const bubble = page.locator(BOT_BUBBLE).filter({ hasText: text }).last();
      await bubble.waitFor({ state: 'visible' });
      return ((await bubble.textContent()) ?? '').trim();
    },
    async lastBotText() {
      return (await texts(BOT_BUBBLE)).at(-1) ?? '';
    },
    botTexts: () => texts(BOT_BUBBLE),
    userTexts: () => texts(USER_BUBBLE),
    cspViolations: () =>
      page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations.slice()),
    async screenshot(name) {
      mkdirSync(RESULTS_DIR, { recursive: true });
      const path = join(RESULTS_DIR, `${name}.png`);
      await page.screenshot({ path });
      return path;
    },
    close: () => context.close(),
  };
}
