import type { Browser } from 'playwright-core';
import { articleChoice } from '../../../src/conversation/replies';
import { launchChromium } from '../../support/chromium';
import { realContent } from '../../support/content';
import { openChat, type ChatPage, type OpenChatOptions } from '../../support/webchat/chat-page';
import { startWebBot, type WebBot } from '../../support/webchat/web-bot';
import { axeViolations } from '../../support/axe';

/**
 * The chat page end to end: real headless Chromium against the app started as `npm start`
 * starts it, with the local Direct Line. One browser for the file; each test is a new visitor.
 * To add a test: `it('…', () => withChat(async (chat) => { await chat.send('…'); … }))`.
 */

const content = realContent();
const mailedCode = content.articles.get('activation-code-by-mail');
const firstTopArticle = content.articles.get(content.texts.welcomeTopArticles[0]);
if (!mailedCode || !firstTopArticle) throw new Error('the knowledge base lacks the articles these tests use');

/** The welcome's opening words, as the bot says them. */
const WELCOME = content.texts.welcome.split(/\s+/).slice(0, 6).join(' ');
/** What the mailed-code answer promises, read from the article (e.g. "10 business days"). */
const MAILED_CODE_DELAY = /\d+ business days/.exec(mailedCode.answer)?.[0] ?? 'the article names no delay';
/** The first sentence of the first suggested article's answer. */
const FIRST_TOP_ANSWER = firstTopArticle.answer.split(/(?<=\.)\s/)[0].replace(/\s+/g, ' ');
const TTL_SECONDS = 1800;

let browser: Browser;
let bot: WebBot;
/** Added to the real clock of the website channel, to expire tokens. */
let clockOffsetMs = 0;

beforeAll(async () => {
  bot = await startWebBot({
    clock: () => Date.now() + clockOffsetMs,
    variables: { DIRECT_LINE_TOKEN_TTL_SECONDS: String(TTL_SECONDS), LOG_LEVEL: 'warn' },
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await bot?.stop();
});

/** Opens the page as a new visitor, runs the test, and checks the page broke no CSP rule. */
async function withChat(test: (chat: ChatPage) => Promise<void>, options: OpenChatOptions = {}): Promise<void> {
  const chat = await openChat(browser, bot.url, options);
  try {
    await test(chat);
    if (!options.bypassCSP) expect(await chat.cspViolations()).toEqual([]);
  } finally {
    await chat.close();
  }
}

/** How many bot messages contain the welcome. */
async function welcomes(chat: ChatPage): Promise<number> {
  return (await chat.botTexts()).filter((text) => text.includes(WELCOME)).length;
}

describe('the chat page in Chromium', () => {
  it('greets as soon as the page opens, with suggested questions', () =>
    withChat(async (chat) => {
      await chat.waitForBotText(WELCOME);
      const labels = content.texts.welcomeTopArticles.map((id) => articleChoice(id, content).label);
      await chat.page.waitForFunction(
        (count) => document.querySelectorAll('.webchat__suggested-actions button').length >= count,
        labels.length,
      );
      expect(await chat.suggestions()).toEqual(labels);
      await chat.screenshot('webchat-welcome');
    }));

  it('answers a typed question', () =>
    withChat(async (chat) => {
      await chat.waitForBotText(WELCOME);
      await chat.send(mailedCode.questions[0]);
      const answer = await chat.waitForBotText(MAILED_CODE_DELAY);
      expect(answer).toContain(MAILED_CODE_DELAY);
      expect(await chat.userTexts()).toEqual([mailedCode.questions[0]]);
      await chat.screenshot('webchat-answer');
    }));

  it('answers a suggested question when it is clicked', () =>
    withChat(async (chat) => {
      await chat.waitForBotText(WELCOME);
      await chat.clickSuggestion(firstTopArticle.label);
      expect(await chat.waitForBotText(FIRST_TOP_ANSWER)).toContain(FIRST_TOP_ANSWER);
      expect(await chat.userTexts()).toEqual([firstTopArticle.label]);
    }));

  it('keeps the conversation and its history on reload, without greeting again', () =>
    withChat(async (chat) => {
      await chat.waitForBotText(WELCOME);
      await chat.send(mailedCode.questions[0]);
      await chat.waitForBotText(MAILED_CODE_DELAY);
      await chat.page.reload();
      await chat.waitForBotText(MAILED_CODE_DELAY);
      expect(await chat.userTexts()).toEqual([mailedCode.questions[0]]);
      // Give a second greeting (were there one) time to arrive: the page polls twice a second.
      await chat.page.waitForTimeout(1200);
      expect(await welcomes(chat)).toBe(1);
      await chat.send('thanks');
      expect(await chat.userTexts()).toEqual([mailedCode.questions[0], 'thanks']);
    }));

  it('starts a fresh conversation on reload when the token has expired', () =>
    withChat(async (chat) => {
      await chat.waitForBotText(WELCOME);
      await chat.send(mailedCode.questions[0]);
      await chat.waitForBotText(MAILED_CODE_DELAY);
      // Stop the page's polling first, so it is the reload that finds the token expired.
      await chat.page.route(/\/activities\?watermark=/, (route) => route.abort());
      clockOffsetMs += (TTL_SECONDS + 60) * 1000;
      await chat.page.unroute(/\/activities\?watermark=/);
      await chat.page.reload();
      await chat.waitForBotText(WELCOME);
      expect(await chat.userTexts()).toEqual([]);
      expect(await welcomes(chat)).toBe(1);
      await chat.send(mailedCode.questions[0]);
      await chat.waitForBotText(MAILED_CODE_DELAY);
    }));

  it('starts a fresh conversation in place when the token expires while the page is open', () =>
    withChat(async (chat) => {
      await chat.waitForBotText(WELCOME);
      await chat.send(mailedCode.questions[0]);
      await chat.waitForBotText(MAILED_CODE_DELAY);
      clockOffsetMs += (TTL_SECONDS + 60) * 1000;
      await chat.page.getByRole('status').filter({ hasText: 'a new one has started' }).waitFor();
      await chat.waitForBotText(WELCOME);
      expect(await chat.userTexts()).toEqual([]);
      await chat.send(mailedCode.questions[0]);
      await chat.waitForBotText(MAILED_CODE_DELAY);
    }));

  it('works on a phone-width screen', () =>
    withChat(
      async (chat) => {
        await chat.waitForBotText(WELCOME);
        await chat.send(mailedCode.questions[0]);
        await chat.waitForBotText(MAILED_CODE_DELAY);
        const layout = await chat.page.evaluate(() => ({
          pageWidth: document.documentElement.scrollWidth,
          viewportWidth: window.innerWidth,
          sendBoxBottom:
            document.querySelector('[data-id="webchat-sendbox-input"]')?.getBoundingClientRect().bottom ?? Infinity,
          viewportHeight: window.innerHeight,
        }));
        expect(layout.pageWidth).toBeLessThanOrEqual(layout.viewportWidth);
        expect(layout.sendBoxBottom).toBeLessThanOrEqual(layout.viewportHeight);
        await chat.screenshot('webchat-phone');
      },
      { viewport: { width: 375, height: 740 } },
    ));

  it('shows markup a user types as text and never runs it', () =>
    withChat(async (chat) => {
      await chat.waitForBotText(WELCOME);
      const attack =
        '<img src=x onerror="window.__xss=1"> <script>window.__xss=2</script> <a href="javascript:window.__xss=3">link</a>';
      await chat.ask(attack);
      const state = await chat.page.evaluate(() => ({
        ran: (window as unknown as { __xss?: number }).__xss,
        injectedImages: document.querySelectorAll('.webchat__bubble img[src="x"]').length,
        injectedScripts: document.querySelectorAll('.webchat__bubble script').length,
        scriptLinks: document.querySelectorAll('.webchat__bubble a[href^="javascript:"]').length,
      }));
      expect(state).toEqual({ ran: undefined, injectedImages: 0, injectedScripts: 0, scriptLinks: 0 });
      expect((await chat.userTexts())[0]).toContain('<img src=x onerror=');
    }));

  it('has no serious or critical accessibility violations (axe-core)', () =>
    withChat(
      async (chat) => {
        await chat.waitForBotText(WELCOME);
        await chat.send(mailedCode.questions[0]);
        await chat.waitForBotText(MAILED_CODE_DELAY);
        const violations = await axeViolations(chat.page);
        if (violations.length > 0) console.info(`axe (not serious or critical): ${JSON.stringify(violations)}`);
        const blocking = violations.filter(
          (violation) => violation.impact === 'serious' || violation.impact === 'critical',
        );
        expect(blocking).toEqual([]);
      },
      { bypassCSP: true },
    ));

  it('a troubleshooting flow can be clicked through to its end (the help-desk card)', () =>
    withChat(async (chat) => {
      const flow = content.flows.get('locked-out');
      if (!flow) throw new Error('the locked-out flow is missing');
      const ask = (nodeId: string) => {
        const node = flow.nodes[nodeId];
        if (node.kind !== 'ask') throw new Error(`${nodeId} is not a question`);
        return node;
      };
      // Web Chat renders straight quotes as typographic ones.
      const firstWords = (text: string) =>
        new RegExp(
          text
            .split(/\s+/)
            .slice(0, 6)
            .join(' ')
            .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
            .replace(/["'“”‘’]/g, '["\'“”‘’]'),
        );
      await chat.waitForBotText(WELCOME);
      await chat.send(flow.triggers[0]);
      let nodeId = flow.start;
      // had-secure-access: yes → password-status: locked out → reset-result: no →
      // reset-next: can't register online at all → help desk
      for (const choiceId of ['yes', 'locked-out', 'no', 'cannot-register']) {
        const node = ask(nodeId);
        await chat.waitForBotText(firstWords(node.text));
        const choice = node.choices.find((candidate) => candidate.id === choiceId);
        if (!choice) throw new Error(`${nodeId} has no choice ${choiceId}`);
        await chat.clickSuggestion(choice.label);
        nodeId = choice.next;
        // Say nodes run on by themselves to the next question.
        for (let node = flow.nodes[nodeId]; node.kind === 'say'; node = flow.nodes[nodeId]) nodeId = node.next;
      }
      expect(flow.nodes[nodeId].kind).toBe('handoff');
      const card = await chat.waitForBotText(content.helpdesk.number);
      expect(card).toContain(content.texts.helpdeskTitle);
      await chat.screenshot('flow-handoff');
    }));
});
