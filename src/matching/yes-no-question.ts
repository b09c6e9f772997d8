import { rawWords } from './normalizer';

/** The words that tell a question answered yes or no from one asking what, how or why. */
export interface YesNoWords {
  /** First words of a yes/no question ("is", "can", "do"). */
  readonly starters: readonly string[];
  /** Words before those that leave the question one ("so", "and", "quick question"). */
  readonly leads: readonly string[];
  /** Words that ask what, how or why: a short question with one is no yes/no question. */
  readonly askers: readonly string[];
  /** Words that make a few words ending in "?" a yes/no question ("landline ok?"). */
  readonly terse: readonly string[];
}

/** A question this short ending in "?" with a word like "ok" asks yes or no ("landline ok?"). */
const TERSE_WORDS = 4;

/**
 * Whether a message asks something answered yes or no: its question ("…, do I need to do
 * anything now?") starts with a word like "is" or "can", or is a few words ending in "?" with a
 * word like "ok" and none asking what, how or why. Not one offering two ways ("Secure Access or
 * ID.me?"): an "or" anywhere leaves it open.
 */
export function createYesNoReader(words: YesNoWords | undefined): (text: string) => boolean {
  if (!words) return () => false;
  const starters = new Set(words.starters.flatMap(rawWords));
  const leads = words.leads.map(rawWords).filter((lead) => lead.length > 0);
  const askers = new Set(words.askers.flatMap(rawWords));
  const terse = new Set(words.terse.flatMap(rawWords));
  const afterLeads = (clause: readonly string[]) => {
    let rest = clause;
    for (let found = true; found && rest.length > 0;) {
      const lead = leads.find((phrase) => phrase.length < rest.length && phrase.every((word, at) => rest[at] === word));
      found = lead !== undefined;
      if (lead) rest = rest.slice(lead.length);
    }
    return rest;
  };
  return (text) => {
    const asked = questionSentence(text);
    const sentence = rawWords(asked);
    if (sentence.length === 0) return false;
    // "Is it Secure Access or ID.me?": two ways offered, neither a yes nor a no.
    if (sentence.includes('or')) return false;
    const clauses = asked.split(/[,;:]\s*/).map(rawWords);
    const opening = afterLeads(clauses[0] ?? []);
    if (askers.has(opening[0] ?? '')) return false;
    if (clauses.some((clause) => starters.has(afterLeads(clause)[0] ?? ''))) return true;
    return (
      asked.trim().endsWith('?') &&
      sentence.length <= TERSE_WORDS &&
      !sentence.some((word) => askers.has(word)) &&
      sentence.some((word) => terse.has(word))
    );
  };
}

/** The sentence holding the first question mark, or else the last sentence. */
function questionSentence(text: string): string {
  const mark = text.indexOf('?');
  const end = mark < 0 ? text.replace(/[\s.!]+$/, '').length : mark + 1;
  const before = text.slice(0, mark < 0 ? end : mark);
  // A full stop ends a sentence only before a space: "ID.me" and "e.g." go on.
  const breaks = [...before.matchAll(/[.!](?=\s)|\n/g)];
  const start = breaks.length > 0 ? breaks[breaks.length - 1].index + 1 : 0;
  return text.slice(start, end);
}
