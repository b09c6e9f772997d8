import { DateTime } from 'luxon';
import type { Content } from '../../../src/content/load-content';
import { sourcesLine } from '../../../src/content/sources-line';
import { articleChoice, flowChoice, helpdeskChoice } from '../../../src/conversation/replies';
import type { Choice } from '../../../src/reply/reply';
import type { FixCheck } from '../../../tools/kb-check/content-fixes';
import { namedText } from '../../../tools/kb-check/rendered';
import { Conversation, replyText, startBot } from '../../support/local-bot';
import type { LocalBot } from '../../support/local-service';

/** The desk's zone: the fixes file's times are read in it. */
const ZONE = 'America/New_York';
/** A Wednesday morning, when the desk is open by the notice's hours. */
export const DEFAULT_NOW = '2026-11-25T10:00';
/** The user writes from Chicago, so the card gives both clocks (the templates with {…Local}). */
const USER_ZONE = 'America/Chicago';

/** The real bot over HTTP, with a clock the checks set. */
export interface FixBot {
  readonly bot: LocalBot;
  setNow(local: string): void;
}

export async function startFixBot(folders: { knowledgeDir?: string; dialogsDir?: string } = {}): Promise<FixBot> {
  let now = at(DEFAULT_NOW);
  const bot = await startBot({ ...folders, clock: () => now });
  return { bot, setNow: (local) => (now = at(local)) };
}

function at(local: string): DateTime {
  const time = DateTime.fromISO(local, { zone: ZONE });
  if (!time.isValid) throw new Error(`cannot read the time "${local}"`);
  return time;
}

/**
 * Has the conversation a check describes with the bot, and returns what the user reads last:
 * the article through its own button, the flow through its own button and then each answer
 * (a button of the question on screen, or typed), the help-desk card through its button,
 * typed messages, or, with returnAt, the welcome of a later visit by the same user.
 */
export async function converse(target: FixBot, check: FixCheck, id: string): Promise<string> {
  const { bot } = target;
  const content = bot.content;
  target.setNow(check.now ?? DEFAULT_NOW);
  const from = { id: `user-${id}`, name: 'User' };
  const chat = new Conversation(bot, { from, localTimezone: USER_ZONE } as never, id);
  if (check.article) await press(chat, articleChoice(check.article, content));
  if (check.helpdesk) await press(chat, helpdeskChoice(content));
  for (const text of check.say ?? []) await chat.say(text);
  if (check.flow) {
    await press(chat, flowChoice(check.flow, content));
    for (const answer of check.answers ?? []) {
      if (typeof answer === 'object') await chat.say(answer.type);
      else await chat.click(buttonFor(chat, check.flow, answer));
    }
  }
  if (check.returnAt) {
    target.setNow(check.returnAt);
    const later = new Conversation(bot, { from, localTimezone: USER_ZONE } as never, `${id}-later`);
    await later.join();
    return replyText(later.last);
  }
  return replyText(chat.last);
}

/** Sends what clicking this button sends: its title, with its value. */
async function press(chat: Conversation, choice: Choice): Promise<void> {
  await chat.say(choice.label, { value: choice.value });
}

/** The title of the button on screen that answers the flow's question with this choice. */
function buttonFor(chat: Conversation, flowId: string, choiceId: string): string {
  const button = chat.choices().find((candidate) => {
    const value = candidate.value as { action?: string; flowId?: string; choiceId?: string } | undefined;
    return value?.action === 'flow-answer' && value.flowId === flowId && value.choiceId === choiceId;
  });
  if (!button) {
    const shown = chat.choices().map((candidate) => candidate.title);
    throw new Error(`no button for ${flowId}:${choiceId} among ${JSON.stringify(shown)}\n${replyText(chat.last)}`);
  }
  return button.title;
}

/** Runs of whitespace as one space: folded YAML and rendered markdown compare equal. */
export const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * What the reply must show, read from the content itself: an article's whole answer, each of its
 * sources with its own date and the then-and-now note when it is historical; a node's text (the
 * parts between placeholders); a named sentence (the same); the card's number and source line.
 */
export function expectedFromContent(check: FixCheck, content: Content): string[] {
  const expected: string[] = [];
  if (check.article) {
    const article = content.articles.get(check.article)!;
    expected.push(squash(article.answer), squash(sourcesLine(article.sources, content)));
    // With the help-desk card, the card's note says what has changed instead (once per reply).
    if (article.showsHelpdesk) expected.push(content.helpdesk.number, squash(content.texts.helpdeskNote));
    else if (article.historical) expected.push(squash(content.texts.thenAndNow));
  }
  if (check.flow && check.node) {
    const node = content.flows.get(check.flow)!.nodes[check.node];
    if (node.kind === 'say' && node.article) expected.push(squash(content.articles.get(node.article)!.answer));
    else if ('text' in node && node.text) expected.push(...literalParts(node.text));
    if ('historical' in node && node.historical && node.kind !== 'handoff')
      expected.push(squash(content.texts.thenAndNow));
  }
  if (check.helpdesk) expected.push(content.helpdesk.number, squash(sourcesLine(content.helpdesk.sources, content)));
  if (check.text) expected.push(...literalParts(namedText(content, check.text)!));
  return expected;
}

/** The literal pieces of a template, between its {placeholders}. */
function literalParts(template: string): string[] {
  return squash(template)
    .split(/\{\w+\}/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}
