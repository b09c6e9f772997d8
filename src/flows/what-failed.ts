import { rawWords } from '../matching/normalizer';
import type { FlowContext } from './flow-state';

/**
 * "Got the email code fine, typed my info and then bam, can't verify": a story names the steps
 * that went fine as well as the one that failed. What it says failed is the text without the
 * clauses saying a step went fine (unless the clause reports a problem too), or the text itself
 * when there are none; a text that is all such clauses ("email fine, phone works") is empty.
 */
export function whatFailed(text: string, language: FlowContext['language']): string {
  const wentFine = saysItWentFine(language);
  const clauses = text.split(CLAUSE_BREAK);
  const failed = clauses.filter((clause) => !wentFine(clause) || language.describesProblem(clause));
  return failed.length === clauses.length ? text : failed.join(', ');
}

/** Where one clause of a story ends and the next begins. */
const CLAUSE_BREAK = /[.;:!?,\n]+|\s(?:but|and then|then|so)\s/i;

/**
 * The clause ends by saying a step went fine ("got the email code fine", "phone part worked ok");
 * the word alone, or leading ("ok it's the address"), names no step.
 */
function saysItWentFine(language: FlowContext['language']): (clause: string) => boolean {
  const fine = finePhrases(language);
  return (clause) => {
    const words = rawWords(clause).join(' ');
    return fine.some((phrase) => words.endsWith(` ${phrase}`));
  };
}

/** Per reader of words, the words for going fine, worked out once (read on typed flow replies). */
const FINE_BY_LANGUAGE = new WeakMap<FlowContext['language'], readonly string[]>();

function finePhrases(language: FlowContext['language']): readonly string[] {
  const known = FINE_BY_LANGUAGE.get(language);
  if (known) return known;
  const fine = (language.answers.yesAtEnd ?? []).map((phrase) => rawWords(phrase).join(' '));
  FINE_BY_LANGUAGE.set(language, fine);
  return fine;
}
