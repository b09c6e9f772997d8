/** Longest summary we send: a chat list or a notification shows one short line. */
const MAX_SUMMARY = 120;
/** A summary ends at a sentence only if that says enough ("Hi!" alone does not). */
const MIN_SENTENCES = 40;

/**
 * The line Teams shows for a message with a card in its chat list and notifications (instead of
 * "Sent a card"): the message's opening, without markdown, ending at a sentence where one ends
 * in time, else cut at a word.
 */
export function summaryOf(text: string): string {
  const plain = text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (plain.length <= MAX_SUMMARY) return plain;
  const head = plain.slice(0, MAX_SUMMARY);
  // A sentence ends at . ! or ? before a capital ("c. 2016" and "ID.me" go on).
  const ends = [...head.matchAll(/[.!?](?=\s+["“(]?[A-Z])/g)].map((match) => (match.index ?? 0) + 1);
  const sentences = ends.filter((end) => end >= MIN_SENTENCES).at(-1);
  if (sentences !== undefined) return head.slice(0, sentences);
  const space = head.lastIndexOf(' ', MAX_SUMMARY - 1);
  return `${head.slice(0, space > MAX_SUMMARY / 2 ? space : MAX_SUMMARY - 1)}…`;
}
