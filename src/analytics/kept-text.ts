import { redactForRecords } from '../privacy/sensitive-numbers';

/** Enough for a question; longer messages are cut at a word. */
export const MAX_KEPT_TEXT = 300;

// Control and invisible format characters (zero-width spaces, bidi marks) become spaces first: a
// number split by one would otherwise slip past the redaction and be joined up by whoever reads it.
const INVISIBLE_OR_SPACE = /[\p{Cc}\p{Cf}\p{Z}\s]+/gu;

/**
 * The text of a question as analytics may keep it: invisible characters made spaces, every
 * sensitive number and every other run of nine or more digits redacted by the privacy guard, cut to
 * MAX_KEPT_TEXT. Undefined when nothing is left, or when the guard would still change the result
 * (then it is not kept at all).
 */
export function keptText(text: string): string | undefined {
  const visible = text.replace(INVISIBLE_OR_SPACE, ' ').trim();
  const redacted = redactForRecords(visible);
  const cut = redacted.length > MAX_KEPT_TEXT ? `${cutAtWord(redacted, MAX_KEPT_TEXT)}…` : redacted;
  if (cut === '') return undefined;
  return redactForRecords(cut) === cut ? cut : undefined;
}

function cutAtWord(text: string, max: number): string {
  const head = text.slice(0, max);
  const space = head.lastIndexOf(' ');
  const cut = space > max / 2 ? head.slice(0, space) : head;
  // Never end on half a surrogate pair.
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}
