import { DateTime } from 'luxon';
import type { Content } from '../../content/load-content';
import { buildHelpdeskCard } from '../../helpdesk/helpdesk-card';

/** A run of text, linked when it has an href (always http or https). */
export interface TextPart {
  readonly text: string;
  readonly href?: string;
}

/**
 * What the chat page says in its own HTML, before (and without) Web Chat: a greeting, the
 * e-Help Desk as the bot's card gives it, and the status lines its script shows.
 */
export interface PageGreeting {
  readonly greeting: string;
  readonly desk: {
    readonly title: string;
    readonly number: string;
    readonly telLink: string;
    readonly hours: string;
    /** The dated, ID.me-era caveat the card carries. */
    readonly note: string;
    /** "Source: …" with the source's title linked. */
    readonly source: readonly TextPart[];
  };
  readonly loading: string;
  readonly chatFailed: string;
  readonly noScript: string;
  readonly chatUnavailable: string;
  readonly chatRestarted: string;
}

/**
 * The page's greeting from content. The desk's lines come from the help-desk card itself, so the
 * page and the bot never describe the desk differently. The card's open-or-closed line is not
 * used (the page would need the visitor's clock and zone for it), so whichever instant is given will do.
 */
export function pageGreeting(content: Pick<Content, 'helpdesk' | 'texts' | 'sources'>): PageGreeting {
  const { texts } = content;
  const card = buildHelpdeskCard(DateTime.fromMillis(0, { zone: 'utc' }), undefined, content);
  return {
    greeting: texts.pageGreeting,
    desk: {
      title: card.title,
      number: card.number,
      telLink: card.telLink,
      hours: card.hours,
      note: card.note,
      source: markdownLinks(card.source),
    },
    loading: texts.pageLoading,
    chatFailed: texts.pageChatFailed,
    noScript: texts.pageNoScript,
    chatUnavailable: texts.pageChatUnavailable,
    chatRestarted: texts.pageChatRestarted,
  };
}

/** Splits "see [title](https://…), …" into text and links; anything else stays text. */
export function markdownLinks(markdown: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of markdown.matchAll(/\[([^\][]+)\]\((https?:\/\/[^\s()]+)\)/g)) {
    if (match.index > last) parts.push({ text: markdown.slice(last, match.index) });
    parts.push({ text: match[1], href: match[2] });
    last = match.index + match[0].length;
  }
  if (last < markdown.length) parts.push({ text: markdown.slice(last) });
  return parts;
}
