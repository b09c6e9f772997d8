import type { Flow } from '../content/flow-schema';
import { answerInAClause } from '../flows/answer-in-a-clause';
import type { FlowState } from '../flows/flow-state';
import { answeredOnTheWay, engineContext, MID_FLOW_ANSWERS } from './flow-replies';
import { fromStep } from './flow-turn-result';
import type { FlowTurn, FlowTurnDeps } from './flow-turn';
import { respond } from './responder';
import { newSession } from './session';

/**
 * "By mail, how long does it usually take?", "yes. how long is the wait on the phone?": the
 * flow's question answered in a clause of its own, and a question of the user's beside it. The
 * answer is taken and the question answered on the way, read with the answer's words ("by mail"
 * says what "it" is), unless the whole message reads as what the flow has just said: "I'll try
 * online first. How do I begin?" is no question about trying online first.
 */
export function answerAndQuestion(
  flow: Flow,
  state: FlowState,
  typed: string,
  deps: FlowTurnDeps,
): FlowTurn | undefined {
  const split = answerInAClause(flow, state, typed, engineContext(deps));
  if (!split) return undefined;
  const taken = fromStep(flow, split.step, state.nodeId);
  const session = { ...newSession, topic: { kind: 'flow' as const, id: flow.id } };
  const whole = respond({ text: typed }, session, deps.responder);
  const just = articleJustSaid(flow, state.nodeId);
  const repeats = whole.decision.kind === 'answer' && whole.decision.articleId === just;
  const asked = repeats ? respond({ text: split.asked }, session, deps.responder) : whole;
  // "Prepaid. can i still do it online?": the step the answer leads to says it already; once is enough.
  const shown = new Set(taken.reply.map((message) => message.text));
  const again = asked.reply.some((message) => message.text !== undefined && shown.has(message.text));
  return MID_FLOW_ANSWERS.has(asked.decision.kind) && !asked.startFlow && !again
    ? answeredOnTheWay(asked, taken)
    : taken;
}

/** The article the flow said just before asking its question, if it did. */
function articleJustSaid(flow: Flow, nodeId: string): string | undefined {
  for (const node of Object.values(flow.nodes)) {
    if (node.kind === 'say' && node.next === nodeId && node.article !== undefined) return node.article;
  }
  return undefined;
}
