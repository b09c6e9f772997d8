import type { Intent } from '../content/intents-schema';
import { questionAfterOpening } from './question-after-opening';
import { callingAnswer } from './calling-answer';
import { whoToCall } from './who-to-call';
import { mailedCodeAnswer } from './mailed-code-answer';
import { aboutAbove, answerFromKnowledge, certainAbove, suggestAbove } from './knowledge-answer';
import type { Outcome, ResponderDeps, TurnInput } from './outcome';
import { onAnArticleOf, onTheDesk, type Session } from './session';
import { answerTheRest, NOT_HELPFUL, repeatsTopic } from './unhelpful';
import { asksOutside } from './asks-outside';
import { deskBesideOutside } from './desk-beside-outside';
import { asksAboutOutside, asksPastAnotherOffice, callsAnotherOffice, officeNamed } from './another-office';
import { handoff } from './handoff-reply';
import { respondToButton, respondToCommand } from './buttons-and-commands';
import { smallTalk } from './small-talk-reply';
import { CLAUSE_BREAK } from '../matching/clause-break';
import { closingAtTheEnd } from './closing-at-the-end';
import { closingSaid, onlyAPlan, thanksSaidWhole } from './closing-said';

/**
 * Decides the reply to a message outside a flow. Pure over its inputs. In order: a clicked
 * button; a command; asking for a person (always works); small talk; a question about calling at
 * a time; when a remembered mailed code is due; otherwise the knowledge base, one or two
 * questions, read against the conversation's topic.
 */
export function respond(input: TurnInput, session: Session, deps: ResponderDeps): Outcome {
  const outcome = withEarlier(decide(input, session, deps), session);
  // "That didn't help" counts until something helps or the help desk is shown, answers between included.
  const settled = outcome.handoff === true || saysItHelped(outcome, deps);
  if (settled || outcome.session.unhelpful !== undefined || session.unhelpful === undefined) return outcome;
  return { ...outcome, session: { ...outcome.session, unhelpful: session.unhelpful } };
}

/** The article answered before this turn's topic is kept, as long as the conversation goes on. */
function withEarlier(outcome: Outcome, session: Session): Outcome {
  const before = session.topic?.kind === 'article' ? session.topic.id : undefined;
  const now = outcome.session.topic;
  const moved = before !== undefined && !(now?.kind === 'article' && now.id === before);
  const earlier = moved ? before : session.earlier;
  if (earlier === undefined || outcome.session.earlier !== undefined) return outcome;
  return { ...outcome, session: { ...outcome.session, earlier } };
}

function saysItHelped(outcome: Outcome, deps: ResponderDeps): boolean {
  const decision = outcome.decision;
  return (
    decision.kind === 'intent' && deps.content.intents.some((intent) => intent.id === decision.intent && intent.helped)
  );
}

function decide(input: TurnInput, session: Session, deps: ResponderDeps): Outcome {
  if (input.value) return respondToButton(input.value, session, deps);
  const { language } = deps;
  const command = language.detectCommand(input.text);
  if (command) return respondToCommand(command, session, deps);
  // "Go back" with no troubleshooting under way: what the bot can do, not a reading of "back".
  if (language.asksToGoBack(input.text)) return respondToCommand('help', session, deps);
  const text = questionAfterOpening(input.text, language) ?? input.text;
  const { elsewhere, idMeLine, theirOwnPeople } = officeNamed(text, language, deps.content.texts.idMeHelpTopic);
  const besideOutside = deskBesideOutside(text, session, deps);
  if (besideOutside) return besideOutside;
  if (asksForPerson(text, deps) && !theirOwnPeople) return handoff(text, session, deps);
  // "Tel for e-help?", or after the card "and what's their number": the card, answered as a
  // question (a flow under way goes on after it).
  // After an answer about calling the desk ("what docs do I pull up first"), "their" is the desk's too.
  const deskTopic = onAnArticleOf(session, deps.content.routing.deskTopics);
  // "Phone number?" with no topic yet: the desk's, the only one the bot gives.
  const where = { onDesk: onTheDesk(session) || deskTopic, noTopicYet: session.topic === undefined };
  // "What's the IRS phone number for my client who owes back taxes?": a number for a matter outside
  // the subject, which the desk's card is not.
  const forOutside =
    language.namesOutsideMatter(text) && !language.namesTheDesk(text) && !language.namesTheRegistration(text);
  if (language.asksForContact(text, where) && !elsewhere && !idMeLine && !forOutside)
    return handoff(text, session, deps);
  // "The practitioner priority line is useless, is there another number": the desk's, the one the bot gives.
  if (elsewhere && asksPastAnotherOffice(text, language, deps.content.texts.idMeHelpTopic))
    return handoff(text, session, deps);
  // "Any option to schedule a return call from e-help?": the card, which says how calls go.
  if (language.wantsCallback(text) && !language.namesTheCode(text)) return handoff(text, session, deps);

  const intent = language.intentOf(text);
  if (intent?.whole) return smallTalk(intent.intent, session, deps);
  const closing =
    closingWithAPlan(text, deps) ?? closingAtTheEnd(text, session, deps) ?? closingSaid(text, session, deps);
  if (closing) return smallTalk(closing, session, deps);

  // "Who do I call about my password now?" asks who, not when: an answer about the rest comes
  // before the desk's hours.
  // "What times does the e-help line take calls?" asks when: the calling answer, not who.
  // "Is the e-help line one of those 2 hour hold situations?" asks about the desk's wait, not who.
  const deskKind = deps.content.routing.deskTopics.includes(language.questionKindArticle(text) ?? '');
  // "Who do I talk to about a CP2000 for my client?": an outside matter's, not the desk's.
  const who =
    language.asksWhoToCall(text) &&
    !language.asksWhenToCall(text) &&
    !deskKind &&
    !elsewhere &&
    !asksAboutOutside(text, language)
      ? (whoToCall(text, session, deps) ?? handoff(text, session, deps))
      : undefined;
  // "Is the TAC office open Saturdays?": another office's hours, which the bot doesn't know.
  const calling = callsAnotherOffice(text, language) || idMeLine ? undefined : callingAnswer(text, session, deps);
  // "Working from Tucson today, can I get them on the phone right now?" asks about a time: its yes or no.
  const timed = calling?.decision.kind === 'calling' && calling.decision.timed === true;
  if (who?.decision.kind === 'answer' && !timed) return who;
  if (calling) return calling;
  const mailed = mailedCodeAnswer(text, session, deps);
  if (mailed) return mailed;
  const checklist = beforeCalling(text, deps);
  if (checklist) return checklist;
  if (who) return who;
  // "Checked spam." "Sorry that didn't help…" "Now what?": the answer failed, so the desk comes next.
  if ((session.unhelpful ?? 0) > 0 && (language.asksWhatToDo(text) || language.asksWhatNext(text)))
    return handoff(text, session, deps);
  const answered = answerFromKnowledge(text, session, deps);
  // "The old address fails too. now what": what was just suggested failed; the same answer again
  // would not help.
  const unhelpful = deps.content.intents.find((candidate) => candidate.id === NOT_HELPFUL);
  // "Checked spam already" says so too (not with good news, thanks or a plan: Language.saysTriedAlready).
  const triedAlready = deps.language.saysTriedAlready(text);
  const reportsFailure = (deps.language.describesProblem(text) || triedAlready) && !deps.language.isQuestion(text);
  // "Did that already" after an answer says nothing else to answer, whatever its words read as.
  const toldOnlyThat =
    triedAlready && session.topic?.kind === 'article' && deps.language.wordCount(text) <= TRIED_WORDS;
  if (unhelpful && ((repeatsTopic(answered, session) && reportsFailure) || toldOnlyThat))
    return smallTalk(unhelpful, session, deps);
  // "Changed it like you said, still says no match" after the PO Box answer: the failure goes on
  // after what was suggested; the troubleshooting from the top or that answer again would not help
  // either. (A related answer may: "…my 2025 return and it still fails" gets the one about a
  // return just filed.)
  if (unhelpful && stillFailsAfter(text, answered, session, deps)) return smallTalk(unhelpful, session, deps);
  // "Did that and it says the code is invalid": the answer was followed and failed; another near
  // answer would not help either.
  // ("Did that…" reads like a question; what it reports decides.)
  const triedIt =
    session.topic?.kind === 'article' && deps.language.triedTheAnswer(text) && deps.language.describesProblem(text);
  if (unhelpful && triedIt && !isCertain(answered, deps)) return smallTalk(unhelpful, session, deps);
  if (!intent) return withSignal(text, answered, session, deps);
  // "legend, that sorts my whole morning out thx": frustration's words said in thanks, reporting
  // nothing, are thanks.
  const thanked = deps.language.smallTalkSignal(text);
  if (
    !intent.whole &&
    intent.intent.givesWayToThanks &&
    thanked?.helped &&
    !thanked.endsFlow &&
    !reportsFailure &&
    !language.isQuestion(text)
  )
    return smallTalk(thanked, session, deps);
  return withSmallTalk(text, intent.intent, answered, session, deps);
}

/**
 * "Thanks, I'll call them tomorrow", "got it, I'll pass that along to both of them": thanks (or
 * a goodbye) said with what the user will do next, asking nothing and reporting no problem,
 * closes the conversation. The plan is theirs to carry out, not a question to answer.
 */
export function closingWithAPlan(text: string, deps: ResponderDeps): Intent | undefined {
  if (!onlyAPlan(text, deps)) return undefined;
  // The thanks is said whole, beside the plan ("ok ty, calling them now"): a word inside the plan
  // ("gonna dial the help desk later today") thanks nobody.
  // A clause of fillers alone ("fine, we'll wait on it. appreciate it") says less than the thanks.
  const said = text.split(CLAUSE_BREAK).flatMap((clause) => thanksSaidWhole(clause, deps) ?? []);
  return said.find((intent) => !intent.fillersOnly) ?? said[0];
}

/**
 * "Gonna ring the help desk in a bit": the card at once (the number is never behind a gate), and
 * the checklist before calling after it.
 */
function beforeCalling(text: string, deps: ResponderDeps): Outcome | undefined {
  const flowId = deps.content.texts.beforeCallingFlow;
  if (!deps.language.intendsToCall(text) || deps.language.isQuestion(text) || !deps.content.flows.has(flowId))
    return undefined;
  return {
    reply: [{ helpdesk: deps.helpdeskCard() }],
    session: { misses: 0, topic: { kind: 'flow', id: flowId } },
    decision: { kind: 'flow', flowId, score: 1 },
    startFlow: flowId,
  };
}

/** Asking for a person, heard through typos too ("a representitive"): in a flow as well. */
export function asksForPerson(text: string, deps: Pick<ResponderDeps, 'language' | 'matcher'>): boolean {
  if (deps.language.wantsPerson(text)) return true;
  // "reprsentative" alone is the help-desk command mistyped.
  const spelled = deps.matcher.spell(text);
  return deps.language.wantsPerson(spelled) || deps.language.detectCommand(spelled) === 'helpdesk';
}

/**
 * "Guess I'll need a real cell then. thanks, bye now": however long the message, it ends in
 * thanks or a goodbye said whole.
 */
function endsInThanks(text: string, deps: ResponderDeps): boolean {
  const clauses = text.split(CLAUSE_BREAK);
  // Only the last few clauses: a closing is short, and a long message stays one linear pass each.
  const first = Math.max(1, clauses.length - CLOSING_CLAUSES);
  return clauses
    .slice(first)
    .some((_, at) => thanksSaidWhole(clauses.slice(first + at).join(', '), deps) !== undefined);
}

/** How many clauses at a message's end may say thanks or goodbye ("…then. thanks, bye now"). */
const CLOSING_CLAUSES = 3;

/** Few enough words that one small-talk word can say what a message is. */
const SHORT_MESSAGE_WORDS = 10;

/**
 * A short message with a small-talk word in it ("perfect, much obliged", "this system is the
 * worst") is that small talk, unless the knowledge base answers it clearly: people's words for
 * thanks and goodbyes are too many to list as phrases.
 */
function withSignal(text: string, answered: Outcome, session: Session, deps: ResponderDeps): Outcome {
  const signal = deps.language.smallTalkSignal(text);
  if (!signal || (deps.language.wordCount(text) > SHORT_MESSAGE_WORDS && !endsInThanks(text, deps))) return answered;
  const decision = answered.decision;
  // Said, not asked ("ty so much, that saved me a phone call"): only a certain answer beats it.
  const bar = deps.language.isQuestion(text) ? aboutAbove(deps) : certainAbove(deps);
  // "Thanks for nothing... jk, thanks" is thanks: a flow read from a word or two is no clearer,
  // unless a problem is reported ("nothing works, it keeps saying try again later").
  const reported = decision.kind === 'flow' && deps.language.describesProblem(text);
  const clear =
    asksOutside(text, answered, deps) ||
    decision.kind === 'two-answers' ||
    reported ||
    ((decision.kind === 'answer' || decision.kind === 'flow') && decision.score >= bar);
  return clear ? answered : smallTalk(signal, session, deps);
}

/**
 * Small talk beside a question ("ugh, locked out again", "good morning, how long does the code
 * take?"): the question wins when it has an answer or a flow, after the intent's aside if it has
 * one; otherwise the small talk is what gets a reply. "That didn't help" is always heard.
 */
function withSmallTalk(
  text: string,
  intent: Intent,
  answered: Outcome,
  session: Session,
  deps: ResponderDeps,
): Outcome {
  const kind = answered.decision.kind;
  // A weak answer beside an intent ("is this an AI or a human?") is no reading of it: the intent is.
  // A short message whose intent is itself the question ("is this an actual human typing?") is that question.
  if (intent.asks && deps.language.wordCount(text) <= SHORT_MESSAGE_WORDS) return smallTalk(intent, session, deps);
  // Said, not asked ("happy holidays to you and yours"): only a certain answer beats the small talk.
  // ("Good afternoon. … my number is Philippine. Kindly advise how to proceed" asks, for advice.)
  const said =
    !deps.language.isQuestion(text) && !deps.language.describesProblem(text) && !deps.language.asksForAdvice(text);
  // "ugh ok, where does it begin?": small talk with an aside of its own is said before an answer
  // good enough to suggest; small talk that is itself a question ("can you check my account?"),
  // or has no aside, needs an answer clearly about something.
  const aside = intent.aside !== undefined && !intent.asks;
  // Small talk said apart from a clause that asks needs no question mark either ("ugh fine. roughly
  // how many business days for that letter", "Good afternoon. Could you confirm whether…");
  // "happy holidays to you and yours" and "every year it's something new, I'm exhausted" ask nothing;
  // "Good morning. Kindly advise whether…" asks, for advice.
  const clauses = text.split(CLAUSE_BREAK).filter((clause) => clause.trim().length > 0);
  const apart =
    !intent.asks &&
    clauses.length >= 2 &&
    clauses.some((clause) => deps.language.isQuestion(clause) || deps.language.asksForAdvice(clause));
  const bar = apart ? suggestAbove(deps) : said ? certainAbove(deps) : aside ? suggestAbove(deps) : aboutAbove(deps);
  const weak = answered.decision.kind === 'answer' && answered.decision.score < bar;
  const answers = (kind === 'answer' && !weak) || kind === 'flow' || kind === 'two-answers';
  // "That doesn't help, I e-filed 3 weeks ago with the new address": the rest is answered, or its flow run.
  // "Tried the old one as well, no luck": the whole message's reading is no answer to what
  // failed; the rest is read on its own (the topic again means the suggestion failed).
  // "Fine whatever, it still isn't working" after why everyone re-registers: no suggestion failed,
  // the registration does; its troubleshooting comes next.
  if (intent.id === NOT_HELPFUL && failsAfterNothingToTry(answered, session, deps)) return answered;
  if (intent.id === NOT_HELPFUL) return answerTheRest(text, session, deps) ?? smallTalk(intent, session, deps);
  // "Ugh. how do i file a 1040x for a client": a question outside the subject beside it gets its
  // decline, after the aside. An intent that is itself the question ("can you confirm my
  // registration? my EFIN is …") keeps its own reply.
  const outside = !intent.asks && asksOutside(text, answered, deps);
  if (!answers && !outside) return smallTalk(intent, session, deps);
  return intent.aside ? { ...answered, reply: [{ text: intent.aside }, ...answered.reply] } : answered;
}

/** After an answer that suggested nothing to try, the message reads as the registration failing. */
function failsAfterNothingToTry(answered: Outcome, session: Session, deps: ResponderDeps): boolean {
  const decision = answered.decision;
  return (
    session.topic?.kind === 'article' &&
    deps.content.routing.nothingToTry.includes(session.topic.id) &&
    decision.kind === 'flow' &&
    decision.flowId === deps.content.texts.troubleshootFlow
  );
}

/** After an answer, a problem reported as going on, read as that answer again or the subject at large. */
function stillFailsAfter(text: string, answered: Outcome, session: Session, deps: ResponderDeps): boolean {
  if (session.topic?.kind !== 'article') return false;
  if (!deps.language.describesProblem(text) || !deps.language.saysItStillFails(text)) return false;
  const decision = answered.decision;
  // "Took an hour and it still failed at the end" after how long it takes: nothing was suggested to
  // fail; the registration at large still fails, and the troubleshooting finds where.
  if (decision.kind === 'flow')
    return decision.flowId === deps.content.texts.troubleshootFlow && !failsAfterNothingToTry(answered, session, deps);
  return repeatsTopic(answered, session);
}

/** An answer the message matches for certain: said on its own, it would be answered outright. */
function isCertain(answered: Outcome, deps: ResponderDeps): boolean {
  return answered.decision.kind === 'answer' && answered.decision.score >= certainAbove(deps);
}

/** "Did that already", "checked my spam already": a few words that say only that. */
const TRIED_WORDS = 5;
