import { callsAnotherOffice } from './another-office';
import { CLAUSE_BREAK } from './clause-break';
import type { Outcome, ResponderDeps } from './outcome';

/**
 * "Got it. what's the standard mileage rate", "ugh. how do i file a 1040x for a client": small talk
 * beside a question outside the subject, or about another office's hours ("thanks! and is the TAC
 * open saturday?"). The decline says what the bot does answer; the small
 * talk alone would leave the question unheard. The clause that asks decides: "the practitioner
 * priority line is useless, for secure access problems is there another number" asks about the
 * registration.
 */
export function asksOutside(text: string, answered: Outcome, deps: ResponderDeps): boolean {
  const { language, matcher } = deps;
  if (answered.decision.kind !== 'decline' || !language.isQuestion(text)) return false;
  const asking = text.split(CLAUSE_BREAK).filter((clause) => language.isQuestion(clause));
  return (asking.length > 0 ? asking : [text]).some(
    (clause) =>
      (matcher.namesOutOfScopeOnly(clause) ||
        language.namesOutsideMatter(clause) ||
        callsAnotherOffice(clause, language)) &&
      !language.namesTheRegistration(clause),
  );
}
