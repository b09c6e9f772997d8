import type { EventBody } from '../analytics/analytics-event';
import type { Reply } from '../reply/reply';
import type { ConversationData, UserProfile } from './conversation-data';
import { offerRating } from './feedback-turn';
import type { FlowTurn } from './flow-turn';
import { addToTranscript } from './transcript';
import type { TurnFacts } from './turn-facts';
import type { PolicyDeps, TurnPlan } from './turn-plan';

/** The turn's plan once a flow has taken its step: the flow's state, the user's date, the rating, the handoff. */

/** A plan with its events left out when there are none, so plans without them read as before. */
export function withEventsOf<Plan extends { readonly events?: readonly EventBody[] }>(plan: Plan): Plan {
  if (plan.events === undefined || plan.events.length > 0) return plan;
  const { events: _none, ...rest } = plan;
  return rest as Plan;
}

/** The turn a flow step belongs to. */
export interface FlowTurnContext {
  readonly conversation: ConversationData;
  readonly user: UserProfile;
  readonly zone: string | undefined;
  readonly facts: TurnFacts;
  /** Events of the turn before the flow's own. */
  readonly events: readonly EventBody[];
}

export function fromFlow(step: FlowTurn, given: Reply, turn: FlowTurnContext, deps: PolicyDeps): TurnPlan {
  const { user, zone } = turn;
  let { conversation } = turn;
  let nextUser = user;
  if (step.mailedCodeRequestedOn !== undefined) {
    const { mailedCodeRequestedOn: _forgotten, ...rest } = user;
    nextUser =
      step.mailedCodeRequestedOn === null ? rest : { ...rest, mailedCodeRequestedOn: step.mailedCodeRequestedOn };
    // The flow's date (or "don't keep it") is this conversation's too: no older date outlives it.
    const { codeRequestedOn: _older, ...without } = conversation;
    conversation =
      step.mailedCodeRequestedOn === null ? without : { ...without, codeRequestedOn: step.mailedCodeRequestedOn };
  }
  const stepped = step.state ? { ...conversation, flow: step.state } : withoutFlow(conversation);
  const handedOff = step.ended?.outcome === 'handed-off';
  // A flow that reached an ending (solved, handed off, waiting for mail): the rating after it.
  const finished = step.events?.some((event) => event.type === 'flow-finished') ?? false;
  const { reply: replies, conversation: next } = finished
    ? offerRating(given, stepped, 'flow', turn.facts, deps.content)
    : { reply: given, conversation: stepped };
  return withEventsOf({
    replies,
    conversation: addToTranscript(next, 'bot', replies, deps.keepTranscript),
    user: nextUser,
    decision: step.decision,
    events: [...turn.events, ...(step.events ?? [])],
    ...(step.ended ? { flowEnded: { flowId: step.ended.flowId, outcome: step.ended.outcome } } : {}),
    ...(step.switchedFrom && !step.ended
      ? { flowEnded: { flowId: step.switchedFrom, outcome: 'cancelled' as const } }
      : {}),
    ...(handedOff
      ? {
          handoff: {
            summary: step.ended?.handoffSummary ?? deps.content.flows.get(step.ended?.flowId ?? '')?.title ?? '',
            userZone: zone ?? deps.content.helpdesk.zone,
          },
        }
      : {}),
  });
}

export function withoutFlow(conversation: ConversationData): ConversationData {
  const { flow: _ended, ...rest } = conversation;
  return rest;
}
