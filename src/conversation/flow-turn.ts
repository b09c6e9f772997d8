import type { Flow, FlowOutcome } from '../content/flow-schema';
import { computations } from '../flows/computations';
import {
  answerFlow,
  hasTriedOnline,
  pendingQuestion,
  startFlow,
  type FlowContext,
  type FlowState,
  type FlowStep,
} from '../flows/flow-engine';
import type { ChoiceValue, HelpdeskCard, Reply } from '../reply/reply';
import type { CommandName } from '../content/routing-schema';
import { articleReply, respond, type ResponderDeps } from './responder';

/** What a flow step does to the turn: what to say, where the flow stands, what to remember. */
export interface FlowTurn {
  readonly reply: Reply;
  /** The flow's next position; undefined when it ended. */
  readonly state?: FlowState;
  readonly ended?: { readonly flowId: string; readonly outcome: FlowOutcome; readonly handoffSummary?: string };
  /** A mailed-code request date to remember for the user; null forgets one. */
  readonly mailedCodeRequestedOn?: string | null;
  /** For the log: the flow is waiting for an answer, or ended. */
  readonly decision: 'flow:waiting' | 'flow:ended';
}

/** What running a flow needs for this turn. */
export interface FlowTurnDeps {
  readonly responder: ResponderDeps;
  /** Today in the user's zone, YYYY-MM-DD. */
  readonly today: string;
  /** The live help-desk card; `triedOnline` leaves out the "try online first" reminder. */
  readonly helpdeskCard: (triedOnline: boolean) => HelpdeskCard;
}

/** Starts a flow from its first node. */
export function beginFlow(flow: Flow, deps: FlowTurnDeps): FlowTurn {
  return fromStep(flow, startFlow(flow, versionOf(flow, deps), engineContext(deps)));
}

/**
 * The user's message while a flow waits for an answer: an answer moves it on; "start over",
 * "cancel", "help" and "talk to a person" work at any point; a question of its own is answered
 * and the flow's question asked again.
 */
export function continueFlow(
  flow: Flow,
  state: FlowState,
  input: { text: string; value?: ChoiceValue },
  deps: FlowTurnDeps,
): FlowTurn {
  const { texts } = deps.responder.content;
  const context = engineContext(deps);
  if (state.flowVersion !== versionOf(flow, deps)) {
    // The flow changed under this conversation (a deploy): its saved position may not exist.
    const restarted = fromStep(flow, startFlow(flow, versionOf(flow, deps), context));
    return { ...restarted, reply: [{ text: texts.flowChanged }, ...restarted.reply] };
  }

  const command: CommandName | undefined = input.value ? undefined : deps.responder.language.detectCommand(input.text);
  switch (command) {
    case 'restart':
      return fromStep(flow, startFlow(flow, versionOf(flow, deps), context));
    case 'cancel':
      return {
        reply: [{ text: texts.flowCancelled }],
        ended: { flowId: flow.id, outcome: 'cancelled' },
        decision: 'flow:ended',
      };
    case 'help':
      return {
        reply: [{ text: texts.help }, ...pendingQuestion(flow, state, context)],
        state,
        decision: 'flow:waiting',
      };
    case 'helpdesk':
      return fromStep(flow, {
        reply: [{ helpdesk: deps.helpdeskCard(hasTriedOnline(state.values)) }],
        ended: { outcome: 'handed-off', handoffSummary: `${flow.title}: ${state.trail.join(', ') || '-'}` },
      });
    default:
      break;
  }

  const step = answerFlow(flow, state, input, context);
  if (step) return fromStep(flow, step);

  // Not an answer: maybe a question of its own. Answer it, then ask ours again.
  const outcome = input.text ? respond({ text: input.text }, { misses: 0 }, deps.responder) : undefined;
  if (outcome?.decision.kind === 'answer') {
    // Related-question buttons would compete with the flow's own choices.
    const answer = outcome.reply.map((message) => ({ ...message, choices: undefined, choicesPrompt: undefined }));
    return {
      reply: [...answer, { text: texts.flowResumeLead }, ...pendingQuestion(flow, state, context)],
      state,
      decision: 'flow:waiting',
    };
  }
  return { reply: pendingQuestion(flow, state, context, true), state, decision: 'flow:waiting' };
}

function fromStep(flow: Flow, step: FlowStep): FlowTurn {
  const remembered = step.remember?.mailedCodeRequestedOn;
  return {
    reply: step.reply,
    ...(step.state ? { state: step.state } : {}),
    ...(step.ended ? { ended: { flowId: flow.id, ...step.ended } } : {}),
    ...(remembered !== undefined ? { mailedCodeRequestedOn: remembered } : {}),
    decision: step.state ? 'flow:waiting' : 'flow:ended',
  };
}

function versionOf(flow: Flow, deps: FlowTurnDeps): string {
  return deps.responder.content.flowVersions.get(flow.id) ?? '';
}

function engineContext(deps: FlowTurnDeps): FlowContext {
  const { content } = deps.responder;
  return {
    today: deps.today,
    texts: content.texts,
    article: (id) => {
      const article = content.articles.get(id);
      return article ? [...articleReply(article, deps.responder)] : [];
    },
    helpdesk: deps.helpdeskCard,
    computations,
    language: deps.responder.language,
  };
}
