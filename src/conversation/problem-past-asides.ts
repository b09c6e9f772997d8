import { rawWords } from '../matching/normalizer';
import { CLAUSE_BREAK } from './clause-break';
import type { ResponderDeps } from './outcome';

/**
 * "Verification fails every time, I'm the office manager and I handle payroll and the computers":
 * a problem told with asides about something else. The asides' words (payroll, computers) make
 * the whole message read as out of scope, but the problem, told in its own clauses, is what the
 * message is about. Returns those clauses when they alone read in scope.
 */
export function problemPastAsides(text: string, deps: ResponderDeps): string | undefined {
  const { language, matcher } = deps;
  if (!language.describesProblem(text)) return undefined;
  const clauses = text.split(CLAUSE_BREAK).filter((clause) => rawWords(clause).length > 0);
  const reporting = clauses.filter((clause) => language.describesProblem(clause));
  if (reporting.length === 0 || reporting.length === clauses.length) return undefined;
  const readsOutside = (part: string) =>
    matcher.namesOutOfScopeOnly(part) ||
    language.namesOutsideMatter(part) ||
    matcher.rank(part, 1)[0]?.kind === 'out-of-scope';
  if (!readsOutside(text)) return undefined;
  const told = reporting.join('. ');
  if (readsOutside(told)) return undefined;
  const [best] = matcher.rank(told, 1);
  return best && best.score >= TOLD_ABOVE ? told : undefined;
}

/**
 * How well the problem's clauses alone must read in scope: clearly ("the verification step keeps
 * failing for my mom"), not faintly ("the verification process on my bank website keeps failing").
 */
const TOLD_ABOVE = 0.4;
