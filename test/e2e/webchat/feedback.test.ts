import type { Activity } from 'botbuilder';
import type { Browser } from 'playwright-core';
import { hashedIds, recordsOnceStored, tempStore, type TempStore } from '../../support/analytics-store';
import { launchChromium } from '../../support/chromium';
import { realContent } from '../../support/content';
import { openChat } from '../../support/webchat/chat-page';
import { startWebBot, type WebBot } from '../../support/webchat/web-bot';

/**
 * "Was this helpful?" in real Web Chat in real Chromium: after an answer, the prompt and its two
 * buttons show in the answer's message (one message a turn); a click is thanked and lands in the
 * analytics store with the conversation's and the user's ids hashed.
 */

const content = realContent();
const { texts } = content;
const WELCOME = texts.welcome.split(/\s+/).slice(0, 6).join(' ');
const ACTIVITY = '.webchat__basic-transcript__activity';
const BOT_ACTIVITY = `${ACTIVITY}:not(:has(.webchat__bubble--from-user))`;
const mailedCode = content.articles.get('activation-code-by-mail');
if (!mailedCode) throw new Error('the knowledge base lacks the article these tests use');

let browser: Browser;
let bot: WebBot;
let store: TempStore;
/** What the bot received, as the adapter gave it: the Direct Line's conversation and user ids. */
const received: Array<Partial<Activity>> = [];

beforeAll(async () => {
  store = tempStore();
  bot = await startWebBot({ variables: { LOG_LEVEL: 'warn', ...store.variables } });
  bot.app.adapter.use(async (context, next) => {
    received.push(context.activity);
    await next();
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await bot?.stop();
  store?.remove();
});

it('after an answer: "Was this helpful?" in the same message; "Helpful" is thanked and recorded, hashed', async () => {
  const chat = await openChat(browser, bot.url);
  try {
    await chat.waitForBotText(WELCOME);
    const before = await chat.page.locator(BOT_ACTIVITY).count();
    await chat.send(mailedCode.questions[0]);
    await chat.waitForBotText(texts.feedbackPrompt);
    // One message of the bot for the turn: the answer and, under it, the prompt and its buttons.
    const answer = chat.page.locator(BOT_ACTIVITY).last();
    expect(await chat.page.locator(BOT_ACTIVITY).count()).toBe(before + 1);
    expect(await answer.textContent()).toContain(mailedCode.answer.trim().split(/\s+/).slice(0, 5).join(' '));
    const helpful = answer.getByRole('button', { name: texts.feedbackHelpful, exact: true });
    const notHelpful = answer.getByRole('button', { name: texts.feedbackNotHelpful, exact: true });
    await expect(helpful.isVisible()).resolves.toBe(true);
    await expect(notHelpful.isVisible()).resolves.toBe(true);
    // A row, not a stack: the two buttons sit side by side (measured at one moment: the
    // transcript may still be scrolling).
    await helpful.scrollIntoViewIfNeeded();
    const [left, right] = await helpful.evaluate(
      (first, second) => [first, second].map((button) => button.getBoundingClientRect().toJSON() as DOMRect),
      await notHelpful.elementHandle(),
    );
    expect(right.x).toBeGreaterThan(left.x + left.width - 1);
    expect(Math.abs(right.y - left.y)).toBeLessThan(5);
    await chat.screenshot('webchat-feedback');

    await helpful.click();
    await chat.waitForBotText(texts.feedbackThanks);
    const question = received.find((activity) => activity.text === mailedCode.questions[0]);
    expect(question?.conversation?.id).toBeTruthy();
    const ids = hashedIds(question!.conversation!.id, question!.from!.id);
    const records = await recordsOnceStored(store.dir, (all) => all.some((record) => record.type === 'feedback'));
    expect(records.filter((record) => record.conversation === ids.conversation)).toEqual([
      expect.objectContaining({ type: 'answered', articleId: mailedCode.id, channel: 'webchat', user: ids.user }),
      expect.objectContaining({ type: 'feedback', articleId: mailedCode.id, helpful: true, user: ids.user }),
    ]);
    expect(await chat.cspViolations()).toEqual([]);
  } finally {
    await chat.close();
  }
});
