import { callAtAnswer } from '../helpdesk/call-at';
import { timeReferenceIn } from '../helpdesk/time-reference';
import { zoneFromText } from '../helpdesk/user-zone';
import type { Outcome, ResponderDeps } from './outcome';
import type { Session } from './session';

/**
 * "Can I call at 7:45 tonight?", "when can I call them?", "are they open Saturday?", and after
 * the card "so when is that where I live?" or "what's that in Pacific time?": the card (in the
 * zone the message names, else the user's), after a yes or no for a time asked about.
 */
export function callingAnswer(text: string, session: Session, deps: ResponderDeps): Outcome | undefined {
  if (!deps.now) return undefined;
  const { language } = deps;
  const topic = session.topic;
  const onDesk = topic?.kind === 'helpdesk' || (topic?.kind === 'article' && topic.withCard === true);
  const calling = language.asksAboutCalling(text) || language.asksWhenToCall(text);
  if (!calling && !onDesk) return undefined;
  const named = zoneFromText(text, deps.content.timeZones);
  const zone = named ?? deps.userZone;
  const found = timeReferenceIn(text, deps.now, { user: zone, desk: deps.content.helpdesk.zone });
  // A time is a question about calling then when it is asked ("…at 7:45?", "open Saturday?").
  const reference = found && (language.isQuestion(text) || onDesk) ? found : undefined;
  // A kind of question is what the message asks, unless it asks about calling at a time: "an email
  // says my account closes in 24 hrs: phishing?" asks about the email, "2 hour holds?" about waiting.
  const kind = language.questionKindArticle(text);
  if (kind !== undefined && !(reference && deps.content.routing.deskTopics.includes(kind))) return undefined;
  // "Need the window when e-help folks are on the phones" and "give me the call window" ask too;
  // "I'll call when they open" says a plan.
  const asksWhen =
    language.asksWhenToCall(text) &&
    (language.isQuestion(text) ||
      language.requests(text) ||
      rawWordCount(text) <= 4 ||
      (language.asksAboutCalling(text) && language.namesTheDesk(text) && !language.intendsToCall(text)));
  const followUp = onDesk && ((language.isFollowUp(text) && calling) || named !== undefined);
  if (!reference && !asksWhen && !followUp) return undefined;
  // "Do they take calls on federal holidays?": no holiday named, so the days we assume, said plainly;
  // "on Christmas Eve?" names a day near one: its hours, and the same assumption.
  const holidays = language.namesHolidays(text) ? [{ text: deps.content.helpdesk.assumption }] : [];
  const verdict = reference
    ? [{ text: callAtAnswer(reference, zone, deps.content.helpdesk, deps.content.texts) }, ...holidays]
    : holidays;
  return {
    reply: [...verdict, { helpdesk: deps.helpdeskCard({ zone }) }],
    session: { misses: 0, topic: { kind: 'helpdesk' } },
    decision: { kind: 'calling' },
  };
}

function rawWordCount(text: string): number {
  return text.split(/\s+/).filter((word) => word.length > 0).length;
}
