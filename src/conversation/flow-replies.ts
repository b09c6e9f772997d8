import type { Intent } from '../content/intents-schema';
import type { Flow } from '../content/flow-schema';
import { computations } from '../flows/computations';
import { hasTriedOnline, pendingQuestion } from '../flows/flow-engine';
import type { FlowContext, FlowState } from '../flows/flow-state';
import type { Reply } from '../reply/reply';
import type { FlowTurn, FlowTurnDeps } from './flow-turn';
import { cancelled, fromStep, withoutMisses } from './flow-turn-result';
import type { Outcome } from './outcome';
import { articleReply, helpdeskChoice } from './replies';

/**
 * What a flow says to a message that is not an answer to its question: an answer given on the
 * way, small talk, the question again (then a way out), or the help desk.
 */

/** What the responder may say mid-flow before the flow's question comes back. */
export const MID_FLOW_ANSWERS: ReadonlySet<string> = new Set([
  'answer',
  'two-answers',
  'calling',
  'mailed-code',
  'handoff',
]);

/** An answer given mid-flow, then the flow's question again. */
export function answeredMidFlow(outcome: Outcome, flow: Flow, state: FlowState, deps: FlowTurnDeps): FlowTurn {
  // Related-question buttons would compete with the flow's own choices.
  const answer = outcome.reply.map((message) => ({ ...message, choices: undefined, choicesPrompt: undefined }));
  return {
    reply: [
      ...answer,
      { text: deps.responder.content.texts.flowResumeLead },
      ...pendingQuestion(flow, state, engineContext(deps)),
    ],
    state: withoutMisses(state),
    decision: 'flow:waiting',
    ...(outcome.events ? { events: outcome.events } : {}),
  };
}

/** An answer given mid-flow, then the flow's next step (the question's answer was named in it). */
export function answeredOnTheWay(outcome: Outcome, step: FlowTurn): FlowTurn {
  const answer = outcome.reply.map((message) => ({ ...message, choices: undefined, choicesPrompt: undefined }));
  return { ...step, reply: [...answer, ...step.reply], events: [...(outcome.events ?? []), ...(step.events ?? [])] };
}

/** A reply that answers nothing: the question again once, then a way out, then the flow lets go. */
export function notAnswered(flow: Flow, state: FlowState, deps: FlowTurnDeps): FlowTurn {
  const { texts } = deps.responder.content;
  const misses = (state.misses ?? 0) + 1;
  if (misses === 1) {
    return {
      reply: pendingQuestion(flow, state, engineContext(deps), true),
      state: { ...state, misses },
      decision: 'flow:waiting',
    };
  }
  if (misses === 2) {
    const choices = [
      helpdeskChoice(deps.responder.content),
      { label: texts.flowStopButton, value: { action: 'stop-flow' } as const },
    ];
    return {
      reply: [{ text: texts.flowStillNotUnderstood, choices }],
      state: { ...state, misses },
      decision: 'flow:waiting',
    };
  }
  return cancelled(flow, state, [{ text: texts.flowCancelled }]);
}

/** The user asked for a person, or said the steps didn't help: the flow ends at the help desk. */
export function handedOff(
  flow: Flow,
  state: FlowState,
  lead: Reply,
  deps: FlowTurnDeps,
  reason: 'asked' | 'unhelpful',
): FlowTurn {
  const step = fromStep(
    flow,
    {
      reply: [...lead, { helpdesk: deps.helpdeskCard({ triedOnline: hasTriedOnline(state.values) }) }],
      ended: { outcome: 'handed-off', handoffSummary: `${flow.title}: ${state.trail.join(', ') || '-'}` },
    },
    state.nodeId,
  );
  // fromStep says why a flow ending hands off: the flow's own handoff node. Here the user asked.
  const events = (step.events ?? []).map((event) => (event.type === 'handoff' ? { ...event, reason } : event));
  return { ...step, events };
}

export function engineContext(deps: FlowTurnDeps): FlowContext {
  const { content } = deps.responder;
  return {
    today: deps.today,
    texts: content.texts,
    article: (id) => {
      const article = content.articles.get(id);
      return article ? [...articleReply(article, deps.responder)] : [];
    },
    helpdeskCard: deps.helpdeskCard,
    computations,
    language: deps.responder.language,
  };
}

/** Small talk mid-flow: a goodbye ends the flow; anything else is answered and the question asked again. */
export function saidInFlow(intent: Intent, flow: Flow, state: FlowState, context: FlowContext): FlowTurn {
  if (intent.endsFlow) return cancelled(flow, state, [{ text: intent.reply }]);
  return {
    reply: [{ text: intent.aside ?? intent.reply }, ...pendingQuestion(flow, state, context)],
    state: withoutMisses(state),
    decision: 'flow:waiting',
  };
}
