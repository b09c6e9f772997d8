import type { Flow } from '../content/flow-schema';
import { fillTemplate } from '../content/fill-template';
import type { FlowState } from '../flows/flow-state';
import { left, withEvents } from './flow-turn-result';
import type { FlowTurn } from './flow-turn';
import type { Outcome, ResponderDeps } from './outcome';

/** A message read as itself while a flow waits: what it was read as, and whether it corrects. */
export interface ReadMidFlow {
  readonly flow: Flow;
  readonly state: FlowState;
  /** The message read with the flow as its topic. */
  readonly outcome: Outcome;
  /** What was read: the message, or for a correction what it says failed. */
  readonly reading: string;
  /** "Wait, actually its my phone that fails": the message corrects the problem, asking nothing. */
  readonly correction: boolean;
}

/**
 * A new problem told mid-flow: another flow's problem starts that flow ("nvm my real problem is
 * the address", asked how the code was to come); a correction naming another step of this flow
 * ("wait, actually its my phone that fails", at the address question) starts it again there.
 * Only a step the correction names: the flow from its start would ask again what was answered.
 */
export function problemChanged(
  read: ReadMidFlow,
  begin: (flow: Flow, text: string) => FlowTurn,
  deps: ResponderDeps,
): FlowTurn | undefined {
  const { flow, state, outcome, reading } = read;
  const other = outcome.startFlow ? deps.content.flows.get(outcome.startFlow) : undefined;
  if (other && other.id !== flow.id) {
    const begun = withEvents([left(state, 'changed-topic')], begin(other, reading));
    return {
      ...begun,
      reply: [{ text: fillTemplate(deps.content.texts.flowSwitched, { title: other.title }) }, ...begun.reply],
      switchedFrom: flow.id,
    };
  }
  if (!read.correction || other?.id !== flow.id || !deps.language.describesProblem(reading)) return undefined;
  const again = withEvents([left(state, 'restarted')], begin(flow, reading));
  const at = again.state?.nodeId;
  return at !== undefined && at !== state.nodeId && at !== flow.start ? again : undefined;
}

/** "Wait it's the password not the code" reads two ways: the choice between them, this flow left. */
export function leftForTheChoice(flow: Flow, state: FlowState, outcome: Outcome): FlowTurn {
  return {
    reply: outcome.reply,
    ended: { flowId: flow.id, outcome: 'cancelled' },
    decision: 'flow:ended',
    events: [left(state, 'changed-topic'), ...(outcome.events ?? [])],
  };
}
