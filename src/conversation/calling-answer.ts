import { callAtAnswer } from '../helpdesk/call-at';
import { timeReferenceIn, type TimeZonesInPlay } from '../helpdesk/time-reference';
import { clockZoneIn, zoneFromText } from '../helpdesk/user-zone';
import { rawWords } from '../matching/normalizer';
import type { Outcome, ResponderDeps } from './outcome';
import { onAnArticleOf, onTheDesk, onTopic, type Session } from './session';

/**
 * "Can I call at 7:45 tonight?", "when can I call them?", "are they open Saturday?", and after
 * the card "so when is that where I live?" or "what's that in Pacific time?": the card (in the
 * zone the message names, else the user's), after a yes or no for a time asked about.
 */
export function callingAnswer(text: string, session: Session, deps: ResponderDeps): Outcome | undefined {
  if (!deps.now) return undefined;
  const { language } = deps;
  // After an answer about calling the desk ("which number works from abroad"), "what times is that
  // for me" asks its hours too.
  const deskTopic = onAnArticleOf(session, deps.content.routing.deskTopics);
  const onDesk = onTheDesk(session);
  const calling = language.asksAboutCalling(text) || language.asksWhenToCall(text);
  // After the card or an answer about calling the desk, "and cutoff?" or "opening in my time?" asks
  // about its hours in a few words.
  const hoursWords = language.namesDeskHours(text) && rawWordCount(text) <= DESK_FOLLOW_UP_WORDS;
  if ((!calling && !onDesk && !(deskTopic && hoursWords)) || opensSomethingElse(text, deps)) return undefined;
  if (!onDesk && onlyToldToCall(text, deps)) return undefined;
  // On the mailed code, "so roughly what day is that" asks when it is due, not when to call; so
  // does "and what day can I expect it" after its request date was told.
  const onCode =
    onTopic(session, deps.content.texts.mailedCodeTopic) ||
    (deps.codeRequestedHere !== undefined && language.isFollowUp(text) && !onDesk && !deskTopic);
  if (onCode && language.asksForDueDay(text) && !language.namesTheDesk(text) && !language.asksAboutCalling(text))
    return undefined;
  // "Until when is the extension for form 1065?": a word only questions outside the subject know,
  // and no word for the desk, says what the message is about: not a call.
  if (!onDesk && !language.namesTheDesk(text) && deps.matcher.namesOutOfScopeOnly(text)) return undefined;
  // "Third preparer today who can't get thru the re-registration": a problem reported, with no
  // word for the desk or for when it answers, is about the registration, not a call.
  if (!onDesk && language.describesProblem(text) && !language.namesTheDesk(text) && !language.asksWhenToCall(text))
    return undefined;
  const named = zoneFromText(text, deps.content.timeZones);
  const zone = named ?? deps.userZone;
  // "Can I call at 6pm central?" from New York: the clock is Central, "your time" still New York's.
  const clock = clockZoneIn(text, deps.content.timeZones);
  const zones = { user: zone, desk: deps.content.helpdesk.zone, ...(clock ? { clock } : {}) };
  const found = timeReferenceIn(text, deps.now, zones);
  // A time is a question about calling then when it is asked ("…at 7:45?", "open Saturday?"), but
  // not one asked about something else ("set up by phone back in 2018, what do I log in with now?").
  const asked = language.isQuestion(text) && !(found && askedAboutSomethingElse(text, deps, zones));
  const reference = found && (asked || onDesk) ? found : undefined;
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
  const asksAboutItsHours = (language.isFollowUp(text) && calling) || hoursWords;
  const followUp = ((onDesk || deskTopic) && asksAboutItsHours) || (onDesk && named !== undefined);
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
    // "Today" may mean these days ("the right contact for passwords today?"); "right now" is a moment.
    decision: reference?.kind === 'instant' ? { kind: 'calling', timed: true } : { kind: 'calling' },
  };
}

/**
 * The time is said only in questions about something else, and the calling words only in what
 * is told: "created by phone back in 2018, what do I log in with now?" asks nothing about calling.
 */
function askedAboutSomethingElse(text: string, deps: ResponderDeps, zones: TimeZonesInPlay): boolean {
  const { language } = deps;
  const now = deps.now;
  if (!now) return false;
  const aboutCalling = (clause: string) => saysCalling(clause, language);
  const clauses = clausesOf(text);
  const timed = clauses.filter((clause) => timeReferenceIn(clause, now, zones) !== undefined);
  const callingAsked = clauses.some((clause) => language.isQuestion(clause) && aboutCalling(clause));
  const asksElse = (clause: string) => language.isQuestion(clause) && !aboutCalling(clause);
  // "Does e-services use ID.me now, and … who do I contact": a "now" of these days, asked about
  // the process, is no moment to call, whatever else the message asks.
  const ofTheseDays = timed.length > 0 && timed.every((clause) => asksElse(clause) && language.asksAboutToday(clause));
  return ofTheseDays || (!callingAsked && timed.length > 0 && timed.every(asksElse));
}

/**
 * "Today it just shows some generic message to call their help desk. did they suspend me??": the
 * calling words are in what a screen said to do, and the rest asks nothing about calling.
 */
function onlyToldToCall(text: string, deps: ResponderDeps): boolean {
  const { language } = deps;
  const clauses = clausesOf(text);
  const told = clauses.map((clause) => language.toldToCall(clause));
  if (!told.includes(true)) return false;
  return !saysCalling(clauses.filter((_, at) => !told[at]).join(', '), language);
}

/** The message's clauses, empty ones left out. */
function clausesOf(text: string): string[] {
  return text.split(CLAUSE_BREAK).filter((clause) => clause.trim().length > 0);
}

/** The words ask about calling, ask when to call, or name the desk. */
function saysCalling(text: string, language: ResponderDeps['language']): boolean {
  return language.asksAboutCalling(text) || language.asksWhenToCall(text) || language.namesTheDesk(text);
}

/**
 * "Is the stock market open tomorrow?": asked whether something named is open, and that is not
 * the desk (nor what names only the subject: "the IRS", "the e-help folks"): no question about
 * calling the desk.
 */
function opensSomethingElse(text: string, deps: ResponderDeps): boolean {
  const asked = OPEN_QUESTION.exec(rawWords(text).join(' '));
  const subject = asked?.[1];
  if (!subject) return false;
  // "Are the phones open?": the article is part of the desk's name ("the phones", "the line").
  const named = deps.language.namesTheDesk(subject) || deps.language.namesTheDesk(`the ${subject}`);
  return !named && !deps.language.namesOnlyTheSubject(subject);
}

/** "is the stock market open", "are the post offices open": what is asked to be open. */
const OPEN_QUESTION = /\b(?:is|are) the ((?:\w+ ){0,3}\w+) open\b/;

/** Where a message's clauses break ("…back in 2018, what do I…"); "6:30" is no break. */
const CLAUSE_BREAK = /[,;!?]|\.\s|\s[-–—]\s/;

/** How many words a follow-up about the desk's hours may have without saying more ("and cutoff?"). */
const DESK_FOLLOW_UP_WORDS = 5;

function rawWordCount(text: string): number {
  return text.split(/\s+/).filter((word) => word.length > 0).length;
}
