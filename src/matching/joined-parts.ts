import { CLAUSE_BREAK } from './clause-break';

/**
 * The message cut at the words that join a second part ("and also", "plus", "+"), and with
 * `atClauses` at clause breaks too, each part with at least two words. Read word by word: a
 * pattern starting with a run of spaces would be tried at each of them.
 */
export function splitAtJoiners(text: string, joiners: readonly string[], atClauses = true): string[] {
  const joining = joiners.map((joiner) => joiner.toLowerCase().split(' ')).sort((a, b) => b.length - a.length);
  const parts: string[] = [];
  for (const clause of atClauses ? text.split(CLAUSE_BREAK) : [text]) {
    const words = clause.split(/\s+/).filter((word) => word.length > 0);
    let part: string[] = [];
    for (let at = 0; at < words.length;) {
      const joiner = joining.find((candidate) =>
        candidate.every((word, offset) => words[at + offset]?.toLowerCase() === word),
      );
      if (joiner) {
        if (part.length > 0) parts.push(part.join(' '));
        part = [];
        at += joiner.length;
      } else {
        part.push(words[at]);
        at++;
      }
    }
    if (part.length > 0) parts.push(part.join(' '));
  }
  return parts.filter((part) => part.split(' ').length >= MIN_WORDS);
}

/** A part of fewer words than this names nothing to answer ("ok", "hi"). */
const MIN_WORDS = 2;
