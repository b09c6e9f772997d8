import { callsAnotherOffice } from './another-office';
import { CLAUSE_BREAK } from '../matching/clause-break';
import type { Outcome, ResponderDeps } from './outcome';

/**
 * "Got it. what's the standard mileage rate", "ugh. how do i file a 1040x for a client", "thank
 * you, and is there a fee to register?": small talk beside a question outside the subject (named,
 * or read clearly as an out-of-scope topic), or about another office's hours ("thanks! and is
 * the TAC open saturday?"). The decline says what the bot does answer; the small talk alone would
 * leave the question unheard. The clause that asks decides: "the practitioner priority line is
 * useless, for secure access problems is there another number" asks about the registration, and
 * "thanks. anything else i should know?" reads as nothing at all.
 */
export function asksOutside(text: string, answered: Outcome, deps: ResponderDeps): boolean {
  const { language, matcher } = deps;
  if (answered.decision.kind !== 'decline' || !language.isQuestion(text)) return false;
  const asking = text.split(CLAUSE_BREAK).filter((clause) => language.isQuestion(clause));
  const readsOutside = (clause: string) => {
    const [top] = matcher.rank(clause, 1);
    return top?.kind === 'out-of-scope' && top.score >= OUTSIDE_READING;
  };
  return (asking.length > 0 ? asking : [text]).some(
    (clause) =>
      (matcher.namesOutOfScopeOnly(clause) ||
        language.namesOutsideMatter(clause) ||
        callsAnotherOffice(clause, language) ||
        readsOutside(clause)) &&
      !language.namesTheRegistration(clause),
  );
}

/** How clearly a clause must read as an out-of-scope topic to be one ("what's the 2026 401k limit": 0.48). */
const OUTSIDE_READING = 0.3;
