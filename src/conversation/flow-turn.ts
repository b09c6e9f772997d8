import type { EventBody } from '../analytics/analytics-event';
import type { Flow, FlowOutcome } from '../content/flow-schema';
import type { Intent } from '../content/intents-schema';
import {
  answerFlow,
  answerWith,
  pendingQuestion,
  reviseLastAnswer,
  startFlowWithDate,
  stepBack,
} from '../flows/flow-engine';
import type { FlowState } from '../flows/flow-state';
import type { ChoiceValue, HelpdeskCardSource, Reply } from '../reply/reply';
import type { CommandName } from '../content/routing-schema';
import type { ResponderDeps } from './outcome';
import { asksForPerson, closingWithAPlan, respond } from './responder';
import { newSession } from './session';
import { NOT_HELPFUL } from './unhelpful';
import { namesEarlierChoice, saysYesOrNo } from '../flows/typed-reply';
import { answerAhead, withDateGiven } from '../flows/answer-ahead';
import { answeredInTheQuestion } from '../flows/asked-with-answer';
import { answerOnward } from '../flows/answer-onward';
import { rulesOutAnAnswer } from '../flows/turned-round';
import { openFlow } from '../flows/answer-opening';
import { dateGivenEarly } from './date-given-early';
import { whatFailed } from '../flows/what-failed';
import { choiceByReading, choiceShowingNext } from '../flows/choice-by-answer';
import { deskChoice } from '../flows/desk-choice';
import { closingAtTheEnd } from './closing-at-the-end';
import { acknowledgedPlan } from './closing-said';
import { suggestAbove } from './knowledge-answer';
import { cancelled, fromStep, left, openedAsHistorical, withEvents, withoutMisses } from './flow-turn-result';
import {
  answeredMidFlow,
  answeredOnTheWay,
  engineContext,
  handedOff,
  MID_FLOW_ANSWERS,
  notAnswered,
  saidInFlow,
} from './flow-replies';
import { answerAndQuestion } from './answer-and-question';
import { leftForTheChoice, problemChanged } from './problem-changed';

/** What a flow step does to the turn: what to say, where the flow stands, what to remember. */
export interface FlowTurn {
  readonly reply: Reply;
  /** The flow's next position; undefined when it ended. */
  readonly state?: FlowState;
  readonly ended?: { readonly flowId: string; readonly outcome: FlowOutcome; readonly handoffSummary?: string };
  /** A mailed-code request date to remember for the user; null forgets one. */
  readonly mailedCodeRequestedOn?: string | null;
  /** A flow left for this one: a new problem mid-flow. */
  readonly switchedFrom?: string;
  /** For the log: the flow is waiting for an answer, or ended. */
  readonly decision: 'flow:waiting' | 'flow:ended';
  /** What analytics learn: flows started, finished (at an ending) or left, answers and handoffs on the way. */
  readonly events?: readonly EventBody[];
}

/** What running a flow needs for this turn. */
export interface FlowTurnDeps {
  readonly responder: ResponderDeps;
  /** Today in the user's zone, YYYY-MM-DD. */
  readonly today: string;
  /** The live help-desk card; `triedOnline` leaves out the "try online first" reminder. */
  readonly helpdeskCard: HelpdeskCardSource;
}

/** Starts a flow: past its date question when the date was told, else as far as its opening message says. */
export function beginFlow(flow: Flow, deps: FlowTurnDeps, date?: string, text?: string): FlowTurn {
  const context = engineContext(deps);
  const dated = date ? startFlowWithDate(flow, versionOf(flow, deps), date, context) : undefined;
  const begun = fromStep(flow, dated ?? openFlow(flow, versionOf(flow, deps), context, text), flow.start);
  return withEvents([{ type: 'flow-started', flowId: flow.id }], openedAsHistorical(flow, begun));
}

/**
 * The user's message while a flow waits for an answer. A button or a typed answer moves it on;
 * "start over", "cancel", "help" and asking for a person work at every point; a correction ("wait,
 * it's actually the email step") re-answers the question before; small talk gets its reply and
 * the question again; a date given early is kept; a new problem starts its own flow; a question
 * of its own is answered and the flow resumes. Two replies in a row that are none of these get a
 * way out instead of the same question a third time.
 */
export function continueFlow(
  flow: Flow,
  state: FlowState,
  input: { text: string; value?: ChoiceValue },
  deps: FlowTurnDeps,
): FlowTurn {
  const { texts } = deps.responder.content;
  const { language } = deps.responder;
  const context = engineContext(deps);
  if (state.flowVersion !== versionOf(flow, deps)) {
    // The flow changed under this conversation (a deploy): its saved position may not exist.
    const restarted = withEvents([left(state, 'expired')], beginFlow(flow, deps));
    return { ...restarted, reply: [{ text: texts.flowChanged }, ...restarted.reply] };
  }
  if (input.value?.action === 'stop-flow') return cancelled(flow, state, [{ text: texts.flowCancelled }]);
  // A question's button clicked mid-flow (an option of a menu, an earlier answer's related
  // question): its answer, and the flow's question again.
  if (input.value?.action === 'article') {
    const clicked = respond(input, { ...newSession, topic: { kind: 'flow', id: flow.id } }, deps.responder);
    if (clicked.events?.some((event) => event.type === 'answered')) return answeredMidFlow(clicked, flow, state, deps);
  }

  const typed = input.value ? undefined : input.text;
  const command: CommandName | undefined = typed === undefined ? undefined : language.detectCommand(typed);
  switch (command) {
    case 'restart':
      return withEvents([left(state, 'restarted')], beginFlow(flow, deps));
    case 'cancel':
      return cancelled(flow, state, [{ text: texts.flowCancelled }]);
    case 'help':
      return {
        reply: [{ text: texts.help }, ...pendingQuestion(flow, state, context)],
        state,
        decision: 'flow:waiting',
      };
    case 'helpdesk':
      return handedOff(flow, state, [], deps, 'asked');
    default:
      break;
  }
  if (typed !== undefined && asksForPerson(typed, deps.responder)) return handedOff(flow, state, [], deps, 'asked');
  // "Go back": the question before, its answer undone; "ok back to it": this question again.
  if (typed !== undefined && language.asksToGoBack(typed)) {
    const earlier = stepBack(flow, state) ?? state;
    return { reply: pendingQuestion(flow, earlier, context), state: earlier, decision: 'flow:waiting' };
  }
  // "What now?" with a question waiting: that question is what comes now.
  if (typed !== undefined && (language.asksToResume(typed) || language.asksWhatToDo(typed)))
    return { reply: pendingQuestion(flow, state, context), state, decision: 'flow:waiting' };
  // "Fine, we'll wait on it. appreciate it": thanks beside the user's own plan closes the flow too.
  const closing = typed === undefined ? undefined : closingWithAPlan(typed, deps.responder);
  if (closing) return cancelled(flow, state, [{ text: closing.reply }]);
  // "Wait, she says the address went fine, it's the financial screen": what went fine corrects
  // nothing. (A question is read whole: "…so should be fine?" asks.)
  const told = () =>
    typed === undefined || language.isQuestion(typed)
      ? input
      : { ...input, text: whatFailed(typed, language) || typed };
  // "Wait, it's actually the email step", or another button of the question before typed word for
  // word: read against the question before first.
  if (typed !== undefined && (language.correctsEarlier(typed) || namesEarlierChoice(flow, state, typed))) {
    const revised = reviseLastAnswer(flow, state, told(), context);
    if (revised) return fromStep(flow, revised, state.nodeId);
  }
  // "ok cool, ty": thanks, not the "ok" of a yes ("no thanks" still answers "No, thanks").
  const smallTalk = typed === undefined ? undefined : language.intentOf(typed);
  if (smallTalk?.whole && smallTalk.intent.helped && !smallTalk.intent.endsFlow && wordCount(typed!) >= 2)
    return saidInFlow(smallTalk.intent, flow, state, context);
  // "Wait no, it's the texting step that fails" answers this question only outright, not by a
  // word it shares with one of its answers ("fails" with "still fails").
  const correcting = typed !== undefined && language.correctsEarlier(typed);
  // "Ok and after that date who do I call": whom to call, asked, is no "ok" to the question; only
  // one of its own answers said outright ("hotline") answers it. Otherwise the card, and the
  // question again.
  // (Asked only of a reply that answers, so a long message that answers nothing costs no extra scan.)
  // (What went fine is left out of a correction only: "the reset worked ok. thank you" answers yes.)
  const lenient = answerFlow(flow, state, correcting ? { ...told(), strict: true } : input, context);
  const asksWhom = lenient !== undefined && !correcting && typed !== undefined && language.asksWhoToCall(typed);
  const step = asksWhom ? answerFlow(flow, state, { ...input, strict: true }, context) : lenient;
  if (step)
    return fromStep(
      flow,
      typed === undefined
        ? step
        : answerOnward(flow, withDateGiven(flow, step, typed, context), typed, context, state.trail.length),
      state.nodeId,
    );
  // A stale or foreign button answers nothing, and is no failure to understand the user either.
  if (typed === undefined || typed.trim().length === 0) {
    return { reply: pendingQuestion(flow, state, context, true), state, decision: 'flow:waiting' };
  }
  // "Lovely, sorted then, ta": no answer to the question, and thanks or a goodbye to end on.
  const closedAtTheEnd = closingAtTheEnd(
    typed,
    { ...newSession, topic: { kind: 'flow', id: flow.id } },
    deps.responder,
  );
  if (closedAtTheEnd) return cancelled(flow, state, [{ text: closedAtTheEnd.reply }]);
  // "Ok I'll wait": no answer to the question either, and the user's own plan, acknowledged.
  const planned = acknowledgedPlan(typed, deps.responder);
  if (planned) return cancelled(flow, state, [{ text: planned.reply }]);
  // "What number?" at a step offering the desk's line: that choice, not the user's own number.
  // Only asked alone, or about calling: "which digits?", "what number would I even use" ask about theirs.
  const offered = deskChoice(flow, state.nodeId);
  const desk =
    offered !== undefined &&
    (language.asksForContact(typed, { noTopicYet: true }) ||
      (language.asksForContact(typed, { onDesk: true }) && language.asksAboutCalling(typed)))
      ? offered
      : undefined;
  const toDesk = desk === undefined ? undefined : answerWith(flow, state, desk, context, typed);
  if (toDesk) return fromStep(flow, toDesk, state.nodeId);

  // "The personal info / address screen": an answer to the question before, not this one, corrects
  // it too (a bare yes or no is too thin to say so).
  // Only an outright answer: "my account info" shares a word with "had an account" and means neither.
  if (!language.isQuestion(typed) && !saysYesOrNo(typed, language)) {
    const revised = reviseLastAnswer(flow, state, { ...told(), strict: true }, context);
    if (revised) return fromStep(flow, revised, state.nodeId);
  }

  // "Hmm, that doesn't solve it": a short message saying so is that, even with other words in it
  // (it answered nothing above).
  // So is one saying, some way into the steps, that the failure goes on ("used exactly that, still
  // a no", "both rejected"): asking again would not help.
  const goesOn =
    state.trail.length > 0 &&
    !language.isQuestion(typed) &&
    language.describesProblem(typed) &&
    language.saysItStillFails(typed);
  const unhelpful =
    goesOn || (smallTalk?.intent.id === NOT_HELPFUL && (smallTalk.whole || wordCount(typed) <= SHORT_WORDS));
  if (unhelpful) return handedOff(flow, state, [{ text: texts.flowNotHelpful }], deps, 'unhelpful');
  if (smallTalk?.whole) return saidInFlow(smallTalk.intent, flow, state, context);

  // "I asked for the code on the 3rd", said before the flow asks when: kept for that question.
  const dated = dateGivenEarly(flow, state, typed, deps, context);
  if (dated) return dated;

  // "By mail, how long does it usually take?": the answer said in a clause of its own is taken, and
  // the question answered on the way.
  const both = answerAndQuestion(flow, state, typed, deps);
  if (both) return both;

  // "It's not prepaid": an answer ruled out, none chosen. Not the ruled-out answer's own step
  // (read below by its words), but the question again, without "didn't catch that".
  const node = flow.nodes[state.nodeId];
  // (A correction names what failed instead: "no wait, it's the text part, not the address".)
  if (
    node?.kind === 'ask' &&
    !correcting &&
    !language.isQuestion(typed) &&
    rulesOutAnAnswer(typed, node.choices, language.answers)
  )
    return {
      reply: [{ text: texts.flowRuledOut }, ...pendingQuestion(flow, state, context)],
      state,
      decision: 'flow:waiting',
    };

  // Not an answer: maybe a new problem, or a question of its own.
  // Read with the flow as the topic: "suppose that day comes and goes w/o the letter?" is about it.
  // The flow has just said when the code it holds the date of is due: a question now is read as
  // itself ("where does it get sent?"), not as that date again, unless it asks for that day again
  // ("so roughly what day is that").
  const dates = [deps.responder.mailedCodeRequestedOn, deps.responder.codeRequestedHere];
  const held =
    dates.some((date) => date !== undefined && Object.values(state.values).includes(date)) &&
    !language.asksForDueDay(typed) &&
    !language.asksWhetherCodeLate(typed);
  const responder = held
    ? { ...deps.responder, mailedCodeRequestedOn: undefined, codeRequestedHere: undefined }
    : deps.responder;
  // "Wait, actually its my phone that fails, the address passed": a correction is read by what it
  // says failed, without its words of correction. ("How long should I wait before calling" asks.)
  const correction = correcting && !language.isQuestion(typed);
  const reading = correction ? language.withoutCorrection(told().text) : typed;
  const outcome = respond({ text: reading }, { ...newSession, topic: { kind: 'flow', id: flow.id } }, responder);
  const begin = (next: Flow, text: string) => beginFlow(next, deps, undefined, text);
  const changed = problemChanged({ flow, state, outcome, reading, correction }, begin, deps.responder);
  if (changed) return changed;
  // "OK, it's where they verify my cell", asked something before that: the next question's answer
  // (a new problem of its own, above, starts its own flow instead).
  const ahead = answerAhead(flow, state, typed, context);
  if (ahead) return fromStep(flow, answerOnward(flow, ahead, typed, context, state.trail.length), state.nodeId);
  // "It conks out when it wants my visa digits", asked where it stops: said, not asked, and read
  // as an answer that only one of the question's answers leads to: that answer.
  const meant =
    READINGS.has(outcome.decision.kind) && !language.isQuestion(typed)
      ? choiceByReading(
          flow,
          state.nodeId,
          deps.responder.matcher.rank(typed, READINGS_READ),
          suggestAbove(deps.responder),
        )
      : undefined;
  const chosen = meant === undefined ? undefined : answerWith(flow, state, meant, context, typed);
  if (chosen) return fromStep(flow, chosen, state.nodeId);
  // "sweet, appreciate ya": small talk heard by its words, said to the flow as small talk is.
  const said = outcome.decision.kind === 'intent' ? intentNamed(outcome.decision.intent, deps) : undefined;
  if (said && said.id !== NOT_HELPFUL) return saidInFlow(said, flow, state, context);
  if (MID_FLOW_ANSWERS.has(outcome.decision.kind)) {
    // "Why won't it take my amex?" where it asks where it stops: answered, and the flow goes on
    // from the answer the question names (the financial check), not the same question again.
    const named = outcome.decision.kind === 'answer' ? answeredInTheQuestion(flow, state, typed, context) : undefined;
    if (named?.state) return answeredOnTheWay(outcome, fromStep(flow, named, state.nodeId));
    // "Which ones even count?" where one of the question's answers shows just that: that answer.
    const shows =
      outcome.decision.kind === 'answer'
        ? choiceShowingNext(flow, state.nodeId, outcome.decision.articleId)
        : undefined;
    const taken = shows === undefined ? undefined : answerWith(flow, state, shows, context, typed);
    if (taken) return fromStep(flow, taken, state.nodeId);
    return answeredMidFlow(outcome, flow, state, deps);
  }
  if (correction && outcome.decision.kind === 'did-you-mean') return leftForTheChoice(flow, state, outcome);
  // "Fine, how do I start online then" reads two ways: asked, it gets the choice between them, not
  // "didn't catch that"; the flow's question stays, to answer after.
  if (outcome.decision.kind === 'did-you-mean' && language.isQuestion(typed)) {
    return {
      reply: [...outcome.reply, { text: texts.flowResumeLead }, ...pendingQuestion(flow, state, context)],
      state: withoutMisses(state),
      decision: 'flow:waiting',
      ...(outcome.events ? { events: outcome.events } : {}),
    };
  }
  // "Unrelated - what's the penalty for filing 1099s late?": a question of its own that nothing
  // here answers is declined as such (not "didn't catch that"), and the flow's question comes back.
  const declined = outcome.decision.kind === 'decline';
  if (declined && (language.isQuestion(typed) || deps.responder.matcher.namesOutOfScopeOnly(typed))) {
    return {
      reply: [{ text: texts.fallback }, { text: texts.flowResumeLead }, ...pendingQuestion(flow, state, context)],
      state: withoutMisses(state),
      decision: 'flow:waiting',
    };
  }
  return notAnswered(flow, state, deps);
}

function intentNamed(id: string, deps: FlowTurnDeps): Intent | undefined {
  return deps.responder.content.intents.find((intent) => intent.id === id);
}

/** What a typed reply may have been read as when one of the question's answers leads there instead. */
const READINGS = new Set(['answer', 'did-you-mean', 'decline']);

/** How many of a reply's best readings may say which answer it means. */
const READINGS_READ = 3;

/** A message this short that says "that didn't help" says nothing else. */
const SHORT_WORDS = 8;

function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => word.length > 0).length;
}

function versionOf(flow: Flow, deps: FlowTurnDeps): string {
  return deps.responder.content.flowVersions.get(flow.id) ?? '';
}
