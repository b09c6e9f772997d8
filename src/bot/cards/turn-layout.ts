import type { Choice, HelpdeskCard, QuickAsk, Reply } from '../../reply/reply';

/** One piece of a turn's reply, in the order it is read. */
export type TurnPart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'helpdesk'; readonly card: HelpdeskCard }
  /** The line introducing the buttons ("Related questions:"). */
  | { readonly kind: 'prompt'; readonly text: string };

/** A turn's reply as one message: its parts in reading order, and one set of buttons. */
export interface TurnLayout {
  readonly parts: readonly TurnPart[];
  readonly choices: readonly Choice[];
  /** "Was this helpful?" for the turn's answer, and the satisfaction rating: after everything else. */
  readonly feedback?: QuickAsk;
  readonly rating?: QuickAsk;
}

/**
 * Lays the messages of one turn out as a single message. Within a message the help-desk card
 * comes first, then its text, then the prompt of its buttons. Only one set of buttons is kept:
 * the last message's that has buttons, with its prompt. The last set is what the turn ends on (the
 * flow question after an interjected answer, the welcome after "reset"); earlier sets would
 * compete with it, and a merged list would mix answers to different questions. A second
 * help-desk card in one turn would repeat the first, so only the first is shown.
 */
export function layoutTurn(reply: Reply): TurnLayout {
  const buttonsFrom = lastIndexWithChoices(reply);
  const parts: TurnPart[] = [];
  reply.forEach((message, index) => {
    if (message.helpdesk && !parts.some((part) => part.kind === 'helpdesk'))
      parts.push({ kind: 'helpdesk', card: message.helpdesk });
    const text = message.text?.trim();
    if (text) parts.push({ kind: 'text', text });
    if (index === buttonsFrom && message.choicesPrompt) parts.push({ kind: 'prompt', text: message.choicesPrompt });
  });
  // One answer of a turn is rated (the last, the one its buttons follow), and one rating asked.
  const feedback = reply.filter((message) => message.feedback).at(-1)?.feedback;
  const rating = reply.find((message) => message.rating)?.rating;
  return {
    parts,
    choices: buttonsFrom >= 0 ? (reply[buttonsFrom].choices ?? []) : [],
    ...(feedback ? { feedback } : {}),
    ...(rating ? { rating } : {}),
  };
}

function lastIndexWithChoices(reply: Reply): number {
  for (let index = reply.length - 1; index >= 0; index--) if ((reply[index].choices?.length ?? 0) > 0) return index;
  return -1;
}
