import { pyStr } from './py-format';
import { pyEscape, pySearch, pySub } from './py-regex';

/**
 * What the judges read of a turn's replies (ask.py reply_view, visible, strip_said, is_menu):
 * every message's text, suggested-action titles and the text-like fields of cards, one per line,
 * and how many choices they offer.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };
/** One activity as it came back in the response body. */
export type ActivityJson = JsonObject;

export interface ReplyView {
  readonly text: string;
  readonly choices: number;
}

const CARD_TEXT_KEYS = ['text', 'title', 'subtitle', 'value', 'speak', 'altText'];

export function isObject(node: unknown): node is JsonObject {
  return typeof node === 'object' && node !== null && !Array.isArray(node);
}

/** A card's strings, depth first: these keys of each object, then its nested objects and lists. */
export function cardText(node: unknown, out: string[]): void {
  if (isObject(node)) {
    for (const key of CARD_TEXT_KEYS) {
      const value = node[key];
      if (typeof value === 'string') out.push(value);
    }
    for (const value of Object.values(node)) {
      if (typeof value === 'object' && value !== null) cardText(value, out);
    }
  } else if (Array.isArray(node)) {
    for (const value of node) cardText(value, out);
  }
}

function listOf(value: Json | undefined): Json[] {
  return Array.isArray(value) ? value : [];
}

/** The reply as one text, and the number of choices (suggested actions, card buttons and actions). */
export function replyView(activities: readonly ActivityJson[]): ReplyView {
  const texts: string[] = [];
  let choices = 0;
  for (const activity of activities) {
    if (activity.type !== 'message') continue;
    if (activity.text) texts.push(pyStr(activity.text));
    const suggested = isObject(activity.suggestedActions) ? listOf(activity.suggestedActions.actions) : [];
    choices += suggested.length;
    for (const action of suggested) {
      const a = isObject(action) ? action : {};
      texts.push(pyStr(a.title || a.value || ''));
    }
    for (const attachment of listOf(activity.attachments)) {
      const content = isObject(attachment) ? attachment.content : undefined;
      if (typeof content !== 'object' || content === null) continue;
      cardText(content, texts);
      if (isObject(content)) choices += listOf(content.buttons).length + listOf(content.actions).length;
    }
  }
  return { text: texts.filter((t) => t).join('\n'), choices };
}

// "Did you mean one of these?" and equivalent clarification menus.
const DID_YOU_MEAN =
  '(\\bdid you mean\\b|\\bnot sure (that )?I (understood|understand|follow)\\b|\\bI.?m not sure what you (mean|meant)\\b)';

/** True when the reply is a did-you-mean (or "not sure I understood") menu. */
export function isMenu(text: string): boolean {
  return pySearch(DID_YOU_MEAN, text || '');
}

const LINK_TARGET = '\\]\\((?:https?|mailto|tel):[^)\\s]*\\)';

/** The reply as a reader sees it: markdown link targets, [title](url), keep only the title. */
export function visible(text: string): string {
  return pySub(LINK_TARGET, ']', text, false);
}

/**
 * A reply that merely repeats the question must not earn the question's own words. `whole`:
 * only where they stand as whole words (typing 'Nov 2' must not eat 'Nov 20' in the reply).
 */
export function stripSaid(text: string, said: string | undefined | null, whole = false): string {
  if (!said) return text;
  const pattern = whole ? `(?<!\\w)${pyEscape(said)}(?!\\w)` : pyEscape(said);
  return pySub(pattern, ' ', text);
}
