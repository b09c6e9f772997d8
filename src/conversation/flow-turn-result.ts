import type { EventBody, FlowExit } from '../analytics/analytics-event';
import type { Flow } from '../content/flow-schema';
import type { FlowState, FlowStep } from '../flows/flow-state';
import type { Reply } from '../reply/reply';
import type { FlowTurn } from './flow-turn';

/**
 * How a flow's turn is told to the rest of the bot: a step of the engine as a turn, a flow left
 * before its end, and the events analytics learn from both.
 */

/** The state without its run of misses: the user answered something. */
export function withoutMisses(state: FlowState): FlowState {
  const { misses: _misses, ...rest } = state;
  return rest;
}

/** The flow ends at the user's word, left at the question it was waiting on. */
export function cancelled(flow: Flow, state: FlowState, reply: Reply): FlowTurn {
  return {
    reply,
    ended: { flowId: flow.id, outcome: 'cancelled' },
    decision: 'flow:ended',
    events: [left(state, 'cancelled')],
  };
}

/**
 * A flow step as the turn sees it. `nodeId` is the step the user was at (the question answered):
 * where the flow is recorded to have ended, since the engine does not say which ending it reached.
 */
export function fromStep(flow: Flow, step: FlowStep, nodeId: string): FlowTurn {
  const remembered = step.remember?.mailedCodeRequestedOn;
  const events: EventBody[] = [];
  if (step.ended) {
    events.push({ type: 'flow-finished', flowId: flow.id, nodeId, outcome: step.ended.outcome });
    if (step.ended.outcome === 'handed-off') events.push({ type: 'handoff', reason: 'flow' });
  }
  return {
    reply: step.reply,
    ...(step.state ? { state: step.state } : {}),
    ...(step.ended ? { ended: { flowId: flow.id, ...step.ended } } : {}),
    ...(remembered !== undefined ? { mailedCodeRequestedOn: remembered } : {}),
    decision: step.state ? 'flow:waiting' : 'flow:ended',
    ...(events.length > 0 ? { events } : {}),
  };
}

/** A flow left before its end, at the question it was waiting on. */
export function left(state: FlowState, outcome: FlowExit): EventBody {
  return { type: 'flow-abandoned', flowId: state.flowId, nodeId: state.nodeId, outcome };
}

/** The turn with `first` logged before its own events. */
export function withEvents(first: readonly EventBody[], turn: FlowTurn): FlowTurn {
  return { ...turn, events: [...first, ...(turn.events ?? [])] };
}

/**
 * A flow through the 2016-2018 process says so as it opens: its first question (or text) is
 * marked, so the turn adds the then-and-now note once, unless a step of it is marked already.
 */
export function openedAsHistorical(flow: Flow, turn: FlowTurn): FlowTurn {
  if (!flow.historical || turn.reply.some((message) => message.historical)) return turn;
  const last = turn.reply.map((message) => message.text !== undefined).lastIndexOf(true);
  if (last < 0) return turn;
  return {
    ...turn,
    reply: turn.reply.map((message, index) => (index === last ? { ...message, historical: true } : message)),
  };
}
