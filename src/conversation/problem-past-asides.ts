import { rawWords } from '../matching/normalizer';
import { CLAUSE_BREAK } from '../matching/clause-break';
import type { ResponderDeps } from './outcome';

/**
 * "The verification step keeps failing for my mom, she runs a small tax office and I'm helping her
 * with the computer stuff": a problem told with asides about something else. The asides' everyday
 * words ("computer stuff") make the whole message read as out of scope, but the problem, told in
 * its own clauses, is what the message is about. Returns those clauses when they alone read in
 * scope.
 */
export function problemPastAsides(text: string, deps: ResponderDeps): string | undefined {
  const { language, matcher } = deps;
  if (!language.describesProblem(text)) return undefined;
  const clauses = text.split(CLAUSE_BREAK).filter((clause) => rawWords(clause).length > 0);
  const reporting = clauses.filter((clause) => language.describesProblem(clause));
  if (reporting.length === 0 || reporting.length === clauses.length) return undefined;
  // Only a guess from everyday words ("the computer stuff"): an aside naming a matter of its own
  // ("it's for my EFIN application", "so she can see her refund status") says what the problem is about.
  const guessedOutside =
    matcher.rank(text, 1)[0]?.kind === 'out-of-scope' &&
    !matcher.namesOutOfScopeOnly(text) &&
    !language.namesOutsideMatter(text);
  if (!guessedOutside) return undefined;
  const told = reporting.join('. ');
  const [best] = matcher.rank(told, 1);
  return best && best.kind !== 'out-of-scope' && best.score >= TOLD_ABOVE ? told : undefined;
}

/**
 * How well the problem's clauses alone must read in scope: clearly ("the verification step keeps
 * failing for my mom"), not faintly ("the verification process on my bank website keeps failing").
 */
const TOLD_ABOVE = 0.4;
