import type { Content } from '../content/load-content';
import { sourcesLine } from '../content/sources-line';
import type { Reply, ReplyMessage } from '../reply/reply';

/**
 * What every reply says about its own facts, added once the turn's reply is complete: each
 * cited text's dated source line, then the then-and-now note.
 */
export function withReplyNotes(replies: Reply, content: Pick<Content, 'sources' | 'texts'>): Reply {
  return withThenAndNow(withSourceLines(replies, content), content.texts.thenAndNow);
}

/** A text that cites sources (a flow step's own facts) shows them under it, with their dates. */
export function withSourceLines(replies: Reply, content: Pick<Content, 'sources' | 'texts'>): Reply {
  return replies.map((message): ReplyMessage => {
    if (!message.sources) return message;
    const { sources, ...rest } = message;
    return rest.text === undefined ? rest : { ...rest, text: `${rest.text}\n\n${sourcesLine(sources, content)}` };
  });
}

/**
 * A reply that describes the 2016-2018 process says once, plainly, that sign-in has since moved
 * to ID.me: after the last such text, or before it when it is a question (which stays next to its
 * buttons, or last when it asks for a typed answer), unless a help-desk card (which says it
 * itself) is there.
 */
export function withThenAndNow(replies: Reply, note: string): Reply {
  const last = replies.map((message) => message.historical === true).lastIndexOf(true);
  if (last < 0 || replies.some((message) => message.helpdesk)) return replies;
  return replies.map((message, index) => {
    if (index !== last) return message;
    const text = message.text ?? '';
    const asks = (message.choices?.length ?? 0) > 0 || message.asks === true;
    return { ...message, text: (asks ? `${note}\n\n${text}` : `${text}\n\n${note}`).trim() };
  });
}
