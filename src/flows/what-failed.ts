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
  const denial = denies(language);
  const clauses = text.split(CLAUSE_BREAK);
  // "It's the password not the code": what it is not is left out too.
  const told = clauses.map((clause) => beforeDenial(clause, language));
  const failed = told.filter(
    (clause) => clause.length > 0 && !denial(clause) && (!wentFine(clause) || language.describesProblem(clause)),
  );
  const same = failed.length === clauses.length && told.every((clause, index) => clause === clauses[index]);
  return same ? text : failed.join(', ');
}

/** "Not the code", "it's not the address": a clause saying which step did not fail. */
function denies(language: FlowContext['language']): (clause: string) => boolean {
  const openings = (language.answers.denialOpenings ?? []).map((phrase) => rawWords(phrase).join(' '));
  const naming = new Set(language.answers.deniedNaming ?? []);
  return (clause) => {
    const words = rawWords(clause);
    return openings.some((opening) => {
      const length = opening.split(' ').length;
      return words.slice(0, length).join(' ') === opening && naming.has(words[length] ?? '');
    });
  };
}

/**
 * "It's the password not the code": the clause up to a negation ("not") before a word naming a step.
 * Read word by word as typed, so the text kept is the user's own.
 */
function beforeDenial(clause: string, language: FlowContext['language']): string {
  const naming = new Set(language.answers.deniedNaming ?? []);
  const negations = new Set(language.answers.negations ?? []);
  const typed = clause.split(/\s+/).filter((word) => word.length > 0);
  const at = typed.findIndex(
    (word, index) => index > 0 && negations.has(bare(word)) && naming.has(bare(typed[index + 1] ?? '')),
  );
  return at < 0 ? clause : typed.slice(0, at).join(' ');
}

function bare(word: string): string {
  return word.toLowerCase().replace(/[^a-z0-9]/g, '');
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
