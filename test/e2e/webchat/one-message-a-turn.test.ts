import type { Browser } from 'playwright-core';
import { launchChromium } from '../../support/chromium';
import { realContent } from '../../support/content';
import { openChat } from '../../support/webchat/chat-page';
import { startWebBot, type WebBot } from '../../support/webchat/web-bot';

/**
 * In real Web Chat, a turn whose reply has several parts (a privacy warning and the answer; the
 * time zone noted and the help-desk card) shows as one message of the bot, not two or three in a
 * row.
 */

const content = realContent();
const { texts } = content;
const WELCOME = texts.welcome.split(/\s+/).slice(0, 6).join(' ');
/** One entry of Web Chat's transcript: one activity, whatever bubbles it has. */
const ACTIVITY = '.webchat__basic-transcript__activity';
const BOT_ACTIVITY = `${ACTIVITY}:not(:has(.webchat__bubble--from-user))`;
const mailedCode = content.articles.get('activation-code-by-mail');
const hours = content.articles.get('help-desk-hours');
if (!mailedCode || !hours) throw new Error('the knowledge base lacks the articles these tests use');
/** A text's first words as Web Chat shows them (it renders straight quotes as typographic ones). */
const firstWords = (text: string) =>
  new RegExp(
    text
      .trim()
      .split(/\s+/)
      .slice(0, 6)
      .join(' ')
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      .replace(/["'“”‘’]/g, '["\'“”‘’]'),
  );

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

it('a privacy warning and the answer are one message of the bot', async () => {
  const chat = await openChat(browser, bot.url);
  try {
    await chat.waitForBotText(WELCOME);
    const before = await chat.page.locator(BOT_ACTIVITY).count();
    await chat.send(`my SSN is 123-45-6789. ${mailedCode.questions[0]}`);
    await chat.waitForBotText(/\d+ business days/);
    // Give a second message (were there one) time to arrive: the page polls twice a second.
    await chat.page.waitForTimeout(1200);
    const added = await chat.page.locator(BOT_ACTIVITY).allTextContents();
    expect(added.length - before).toBe(1);
    expect(added.at(-1)).toMatch(firstWords(texts.privacyWarning));
    expect(added.at(-1)).toMatch(/\d+ business days/);
  } finally {
    await chat.close();
  }
});

it('the time zone noted and the help-desk card are one message', async () => {
  const chat = await openChat(browser, bot.url);
  try {
    await chat.waitForBotText(WELCOME);
    const before = await chat.page.locator(BOT_ACTIVITY).count();
    await chat.send(`I'm in Phoenix. ${hours.questions[0]}`);
    await chat.waitForBotText(content.helpdesk.number);
    await chat.page.waitForTimeout(1200);
    const added = (await chat.page.locator(BOT_ACTIVITY).allTextContents()).slice(before);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatch(firstWords(texts.zoneRemembered));
    expect(added[0]).toContain(texts.helpdeskTitle);
    await chat.screenshot('webchat-helpdesk-one-message');
  } finally {
    await chat.close();
  }
});
