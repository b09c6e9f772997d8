import { DateTime } from 'luxon';
import { fillTemplate } from '../content/fill-template';
import { mailedCodeDue } from '../flows/computations';
import { parseUserDate, parseWaitStart } from '../flows/parse-date';
import type { Content } from '../content/load-content';
import type { Reply } from '../reply/reply';
import type { UserProfile } from './conversation-data';
import type { Outcome, ResponderDeps } from './outcome';
import { onAnArticleOf, onTheDesk, onTopic, type Session } from './session';
import { pointsAtTheTopic } from './topic-again';
import { todayFor, userZoneOf, type TurnFacts } from './turn-facts';

/**
 * "Any news on my code?" from someone who told us when they asked for it by mail, and "and if
 * it doesn't come by then?" after that: the due date worked out, and for a late code the card.
 * A date said with the question counts too, and a late code asked about without a date gets
 * what to do then.
 */
export function mailedCodeAnswer(text: string, session: Session, deps: ResponderDeps): Outcome | undefined {
  const { language, content } = deps;
  if (!deps.today) return undefined;
  // "The confirmation code email never came" is about another code: its own answer, not the letter's.
  if (language.namesAnotherCode(text)) return undefined;
  // "Thanks! and is the TAC open saturday?" after the code's answer asks about another office.
  if (language.namesAnotherOffice(text) && !language.namesTheCode(text)) return undefined;
  // The mailed code's article or flow is what the conversation is about ("…by then?").
  const onCode =
    onTopic(session, content.texts.mailedCodeTopic) ||
    content.routing.mailedCodeCues.topics.some((id) => onTopic(session, id));
  // "What if we never got that letter" after the answer about Letter 5903: that letter, not the
  // code's (but "that activation code" after the answer about codes may be the mailed one).
  const topicArticle = session.topic?.kind === 'article' ? content.articles.get(session.topic.id) : undefined;
  const theCode = { kind: 'article', id: content.texts.mailedCodeTopic } as const;
  if (!onCode && topicArticle && pointsAtTheTopic(text, topicArticle, deps, theCode)) return undefined;
  // "I requested it on November 20 (so when should it arrive?)": the date said counts for this answer.
  // On the mailed code, a past date with a question is that date too ("exact date was November
  // 24. when's the latest?"), but not news of it ("the letter showed up yesterday").
  // "nov 20", said nearly alone after the code's answer, is when it was asked for.
  const requested = language.saysCodeRequested(text);
  const dated = requested || onCode ? parseUserDate(text, deps.today) : undefined;
  // Not news of it ("came yesterday"), nor its due day ("due dec 4"), nor a date too long ago to be
  // a request still waited on.
  const dateAlone =
    onCode &&
    language.wordCount(text) <= DATE_ALONE_WORDS &&
    !language.isQuestion(text) &&
    !language.saysCodeArrived(text) &&
    !language.asksForDueDay(text);
  const today = deps.today;
  const recent = (date: string) => date <= today && date >= daysBefore(today, DATE_ALONE_WITHIN_DAYS);
  const said =
    dated && (requested || (language.isQuestion(text) && dated < deps.today) || (dateAlone && recent(dated)))
      ? dated
      : undefined;
  // "Postal mail, put the request in Nov 8": told, not asked, the request date is news of a code on its way.
  const tellsDate =
    said !== undefined &&
    (onCode || language.asksWhenCodeArrives(text) || (!language.isQuestion(text) && language.namesTheCode(text)));
  // "Where do I enter the code once it arrives?" asks what to do then, not when.
  const asksWhenAbout = !language.saysOnceItArrives(text);
  // "And what day can I expect it", two answers after "asked for one by mail on 11/22": that code.
  // (After the desk's card, "so when is that where I live?" asks the desk's hours.)
  const toldHere = deps.codeRequestedHere !== undefined && language.isFollowUp(text) && !offTheCode(session, deps);
  const asksWhen =
    (asksWhenAbout &&
      (language.asksWhenCodeArrives(text) || ((onCode || toldHere) && language.asksWhenItArrives(text)))) ||
    tellsDate;
  // The date told in this conversation, else one remembered from an earlier visit.
  const known = deps.codeRequestedHere ?? deps.mailedCodeRequestedOn;
  // "Code MIA": a few words naming the code and that it is late are about it too; a longer report
  // ("I keep entering the code but still nothing happens") is about something else.
  const namedBriefly = language.namesTheCode(text) && language.wordCount(text) <= BRIEF_REPORT_WORDS;
  // "It's been 3 weeks", on the code: the wait's length dates the request, unless a date was told.
  // Only a wait said nearly alone, or asking whether to call: "it's been 2 weeks since i changed
  // my number, does that matter" and "got the letter today, it's been 2 weeks. what now?" say
  // something else; "it's been 3 weeks for the text code" is about the texted one.
  const words = language.wordCount(text);
  const waitAlone =
    onCode &&
    (words <= WAIT_ALONE_WORDS || (words <= WAIT_AND_CALL_WORDS && language.asksAboutCalling(text))) &&
    (!language.waitIsOfElse(text) || language.saysCodeRequested(text));
  const waited = waitAlone ? parseWaitStart(text, deps.today) : undefined;
  // "Ok what now", after the code's answer, from someone still without it: what to do while it is late.
  const whatNow = onCode && words <= WHAT_NOW_WORDS && language.asksWhatNow(text);
  const ifLate =
    (language.asksIfCodeLate(text) && (onCode || asksWhen || language.isFollowUp(text) || namedBriefly)) ||
    waited !== undefined ||
    whatNow;
  if (!ifLate && !asksWhen) return undefined;
  // A date said now corrects a remembered one ("actually it was the 12th").
  const requestedOn = said ?? known ?? waited;
  const topic = { kind: 'article', id: content.texts.mailedCodeTopic } as const;
  if (!requestedOn) {
    // "Where's my activation code?? asked for it ages ago": its flow asks how and when it was sent.
    // ("Who do I call when the code never shows up" asks whom to call: the card, not the flow.)
    if (ifLate && !onCode && content.flows.has(topic.id) && !language.asksWhoToCall(text)) return itsFlow(topic.id);
    if (!ifLate || !onCode) return undefined;
    return {
      reply: [{ text: content.texts.mailedCodeIfLateUndated }, { helpdesk: deps.helpdeskCard() }],
      session: { misses: 0, topic },
      decision: { kind: 'mailed-code' },
    };
  }
  const due = mailedCodeDue(requestedOn, deps.today);
  // "Requested 11/19, still waiting on it", before it is due, is news of a code on its way; asked
  // ("and if it's not here by then?"), what to do then.
  // "So is it late?" asks whether: the due date says it, late or on its way.
  const whatIfLate =
    ifLate && !language.asksWhetherCodeLate(text) && (language.isQuestion(text) || language.supposesCodeLate(text));
  // "Requested it 11/19, still waiting": a date told, not yet remembered, for a code on its way:
  // its flow runs on from that date (when it is due, and whether to remind the user next time).
  // (Asked while the flow runs, the date is answered as it stands and the flow goes on.)
  const inFlow = session.topic?.kind === 'flow';
  const told = said !== undefined && said !== deps.mailedCodeRequestedOn && !inFlow;
  if (told && !due.overdue && !whatIfLate && content.flows.has(topic.id)) return itsFlow(topic.id, said);
  const values = { requestedOnText: due.requestedOnText, dueDateText: due.dueDateText };
  const template = due.overdue
    ? content.texts.mailedCodeLate
    : whatIfLate
      ? content.texts.mailedCodeIfLate
      : content.texts.mailedCodeOnTheWay;
  const card = due.overdue || whatIfLate ? [{ helpdesk: deps.helpdeskCard() }] : [];
  return {
    reply: [{ text: fillTemplate(template, values) }, ...card],
    session: { misses: 0, topic },
    decision: { kind: 'mailed-code' },
  };
}

/**
 * "I already asked for one by mail on 11/22": the date a mailed code was requested, told (in the
 * past or today, of the code or while the conversation is about it), to keep for this conversation.
 */
export function requestDateTold(text: string, session: Session, deps: ResponderDeps): string | undefined {
  const { language } = deps;
  if (!deps.today || !language.saysCodeRequested(text) || language.namesAnotherCode(text)) return undefined;
  if (!language.namesTheCode(text) && !onTopic(session, deps.content.texts.mailedCodeTopic)) return undefined;
  const date = parseUserDate(text, deps.today);
  return date !== undefined && date <= deps.today ? date : undefined;
}

/**
 * How many words a wait told by its length may have ("so its been 3 weeks, is that normal?"), or
 * with a question about calling ("its been about 2 weeks, should i call?").
 */
const WAIT_ALONE_WORDS = 8;
const WAIT_AND_CALL_WORDS = 9;

/** How many words a request date said alone ("nov 20", "nov 20th i think") may have. */
const DATE_ALONE_WORDS = 5;

/** How long ago a request date said alone may be: older, it is some other date. */
const DATE_ALONE_WITHIN_DAYS = 60;

function daysBefore(today: string, days: number): string {
  return DateTime.fromISO(today, { zone: 'utc' }).minus({ days }).toISODate() ?? today;
}

/** How many words "so what do I do now" may have, to ask only that. */
const WHAT_NOW_WORDS = 7;

/** How many words a late code reported in passing ("code MIA") may have. */
const BRIEF_REPORT_WORDS = 8;

/** The conversation is about the desk (its card, or an answer about calling it), not the code. */
function offTheCode(session: Session, deps: ResponderDeps): boolean {
  return onTheDesk(session) || onAnArticleOf(session, deps.content.routing.deskTopics);
}

/** The mailed code's flow, started; past its date question when the date was told. */
function itsFlow(flowId: string, date?: string): Outcome {
  return {
    reply: [],
    session: { misses: 0, topic: { kind: 'flow', id: flowId } },
    decision: { kind: 'flow', flowId, score: 1 },
    startFlow: flowId,
    ...(date ? { startFlowOn: date } : {}),
  };
}

/** On a later visit: when the mailed activation code is due, unprompted. */
export function mailReminder(user: UserProfile, facts: TurnFacts, content: Content): Reply {
  if (!user.mailedCodeRequestedOn) return [];
  const due = mailedCodeDue(user.mailedCodeRequestedOn, todayFor(userZoneOf(user, facts), facts, content));
  const template = due.overdue ? content.texts.mailReminderOverdue : content.texts.mailReminderPending;
  return [{ text: fillTemplate(template, { requestedOnText: due.requestedOnText, dueDateText: due.dueDateText }) }];
}
