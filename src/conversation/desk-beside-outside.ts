import { splitAtJoiners } from '../matching/joined-parts';
import { handoff } from './handoff-reply';
import { declineEvents } from './knowledge-answer';
import type { Outcome, ResponderDeps } from './outcome';
import type { Session } from './session';

/**
 * "I need the e-help desk number and also the number for the practitioner priority line", "help
 * desk number and also the standard deduction for 2025": the desk asked for in one part, a matter
 * or office outside the subject in another. The card, said beside the other part's decline (the
 * whole was declined, or the other part dropped without a word).
 */
export function deskBesideOutside(text: string, session: Session, deps: ResponderDeps): Outcome | undefined {
  const { language } = deps;
  const parts = splitAtJoiners(text, deps.content.routing.secondQuestion.joiners);
  if (parts.length < 2) return undefined;
  const asksForDesk = (part: string) =>
    !language.namesAnotherOffice(part) &&
    (language.wantsPerson(part) || language.asksForContact(part, { onDesk: false, noTopicYet: true }));
  const outside = parts.find(
    (part) =>
      !language.namesTheDesk(part) &&
      !language.namesTheRegistration(part) &&
      (language.namesAnotherOffice(part) ||
        language.namesOutsideMatter(part) ||
        deps.matcher.namesOutOfScopeOnly(part)),
  );
  if (outside === undefined || !parts.some((part) => part !== outside && asksForDesk(part))) return undefined;
  const card = handoff(text, session, deps);
  const [top] = deps.matcher.rank(outside, 1);
  return {
    ...card,
    reply: [{ text: deps.content.texts.otherHalfOutside }, ...card.reply],
    events: [...declineEvents(outside, top, false, deps), ...(card.events ?? [])],
  };
}
