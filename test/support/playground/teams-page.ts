import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { PROJECT_ROOT } from '../paths';
import { shownText } from './shown-text';

/** Where the Teams end-to-end tests leave their screenshots (ignored by git). */
export const TEAMS_SCREENSHOTS_DIR = join(PROJECT_ROOT, 'test-results', 'teams');

/** The Playground's conversations, by the names its conversation list shows. */
export type ConversationName = 'Personal Chat' | 'Group Chat' | 'My Team - General';

/** One message on screen, as a reader sees it. */
export interface ShownMessage {
  /** "me" for the user's own messages. */
  readonly author: string;
  readonly text: string;
  readonly hasCard: boolean;
  /** Which channel thread it is drawn in (index among the page's threads), or null outside one. */
  readonly thread: number | null;
}

/** The Playground's web client, open in Chromium, and what a user does in it. */
export interface TeamsPage {
  readonly page: Page;
  /** Errors thrown in the page so far. */
  readonly pageErrors: string[];
  open(conversation: ConversationName): Promise<void>;
  /**
   * Types a message and sends it; with `mention`, it starts with an @mention of that name picked
   * from the mention menu (as a person would); with `post`, it starts a new channel post.
   */
  send(text: string, options?: { mention?: string; post?: boolean }): Promise<void>;
  /** Clicks a button on the newest Adaptive Card (from its overflow menu if it is there). */
  click(label: string): Promise<void>;
  /** Waits until a message on screen shows this text (whitespace, quote styles and Markdown aside). */
  waitForText(text: string, timeoutMs?: number): Promise<void>;
  /** How many messages on screen show this text. */
  count(text: string): Promise<number>;
  messages(): Promise<ShownMessage[]>;
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

/** Every message has exactly one "…" menu button: it anchors the message's block. */
const MESSAGE_ANCHOR = 'button[aria-label="Show more information"]';
const COMPOSE = '[data-lexical-editor="true"][role="textbox"]';

/**
 * Opens the Playground's client in a new page and waits for its conversation list. With
 * `fixClicks`, Object.freeze and its kin do nothing in the page: Playground 0.2.19-0.2.28 throws
 * "Cannot add property msTeams, object is not extensible" on any Action.Submit whose data has an
 * `msteams` part (Teams' own messageBack shape) because its card renderer writes into frozen
 * data; real Teams accepts the shape.
 */
export async function openTeamsPage(
  browser: Browser,
  url: string,
  options: { fixClicks?: boolean } = {},
): Promise<TeamsPage> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  if (options.fixClicks) {
    await page.addInitScript(() => {
      const same = <T>(value: T): T => value;
      Object.freeze = same;
      Object.preventExtensions = same;
      Object.seal = same;
    });
  }
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.getByRole('treeitem', { name: 'Personal Chat', exact: true }).waitFor();

  const shown = (text: string) => shownText(text);
  const messages = () => page.evaluate(readMessages, MESSAGE_ANCHOR);
  return {
    page,
    pageErrors,
    async open(conversation) {
      await page.getByRole('treeitem', { name: conversation, exact: true }).click();
      await page.locator(COMPOSE).first().waitFor();
    },
    async send(text, { mention, post = false } = {}) {
      // In a channel the first box is "Start a new post"; each thread has its own reply box after it.
      await page.locator(COMPOSE).first().click();
      if (mention) {
        await page.keyboard.type(`@${mention.split(' ')[0]}`);
        await page
          .getByRole('listbox', { name: 'Typeahead menu' })
          .getByRole('menuitem', { name: new RegExp(mention) })
          .click();
      }
      await page.keyboard.type(text);
      await page.getByRole('button', { name: post ? 'Post' : 'Send Message' }).click();
    },
    async click(label) {
      const card = page.locator('.ac-adaptiveCard').last();
      const button = card.getByRole('button', { name: label, exact: true });
      if ((await button.count()) > 0) return button.click();
      await card.getByRole('button', { name: 'More options' }).click();
      await page.getByRole('menuitem', { name: label, exact: true }).click();
    },
    async waitForText(text, timeoutMs = 15_000) {
      const wanted = shown(text);
      const deadline = Date.now() + timeoutMs;
      let seen = '';
      while (Date.now() < deadline) {
        seen = (await messages()).map((message) => shownText(message.text)).join('\n');
        if (seen.includes(wanted)) return;
        await page.waitForTimeout(100);
      }
      throw new Error(`no message showed "${wanted}"; the messages are:\n${seen.slice(-3000)}`);
    },
    async count(text) {
      return (await messages()).filter((message) => shownText(message.text).includes(shown(text))).length;
    },
    messages,
    async screenshot(name) {
      mkdirSync(TEAMS_SCREENSHOTS_DIR, { recursive: true });
      const path = join(TEAMS_SCREENSHOTS_DIR, `${name}.png`);
      await page.screenshot({ path });
      return path;
    },
    close: () => page.close(),
  };
}

/** Runs in the page: the messages on screen, each from its anchor's highest lone ancestor. */
function readMessages(anchor: string): ShownMessage[] {
  const threads = [...document.querySelectorAll('[role=group]')];
  return [...document.querySelectorAll(anchor)].map((button) => {
    let block = button as HTMLElement;
    while (block.parentElement && block.parentElement.querySelectorAll(anchor).length === 1) {
      block = block.parentElement;
    }
    const authorLabel = block.querySelector<HTMLElement>('[aria-label="Message author"]')?.innerText.trim();
    const avatar = block.querySelector('.fui-Avatar[aria-label]')?.getAttribute('aria-label');
    let text = block.innerText.trim();
    // A channel post keeps its body in the blocks after its header.
    for (
      let next = block.nextElementSibling as HTMLElement | null;
      next &&
      !next.querySelector(anchor) &&
      next.getAttribute('role') !== 'separator' &&
      !next.querySelector('[role=textbox]');
      next = next.nextElementSibling as HTMLElement | null
    ) {
      text += `\n${next.innerText.trim()}`;
    }
    const thread = block.closest('[role=group]');
    return {
      author: authorLabel || avatar || 'me',
      text,
      hasCard: block.querySelector('.ac-adaptiveCard') !== null,
      thread: thread ? threads.indexOf(thread) : null,
    };
  });
}
