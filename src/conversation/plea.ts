import { CLAUSE_BREAK } from '../matching/clause-break';
import type { ResponderDeps } from './outcome';

/**
 * "Cant get thru the IRS secure access thing for eservices, help", "help! my registration won't go
 * through": a plea as a clause of its own at either end asks for help with the rest of the
 * message, and its "help" is no word of the help desk's. Returns the rest, when there is a plea
 * and a rest.
 */
export function restBesidePlea(text: string, deps: ResponderDeps): string | undefined {
  const clauses = text.split(CLAUSE_BREAK);
  if (clauses.length < 2) return undefined;
  const ends = [clauses[0], clauses.at(-1) ?? ''];
  if (!ends.some((clause) => deps.language.isPlea(clause))) return undefined;
  const rest = clauses.filter((clause) => !deps.language.isPlea(clause)).join(', ');
  return rest.trim().length > 0 ? rest : undefined;
}
