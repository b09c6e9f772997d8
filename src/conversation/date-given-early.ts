import type { Flow } from '../content/flow-schema';
import { fillTemplate } from '../content/fill-template';
import { dateAhead } from '../flows/answer-ahead';
import { formatDate } from '../flows/computations';
import { asksForDateLater, pendingQuestion } from '../flows/flow-engine';
import type { FlowContext, FlowState } from '../flows/flow-state';
import { parseUserDate } from '../flows/parse-date';
import type { FlowTurn, FlowTurnDeps } from './flow-turn';
import { fromStep, withoutMisses } from './flow-turn-result';

/**
 * "I asked for the code on the 3rd", said before the flow asks when: the date is kept for the
 * question that will need it (or answers it now, when the flow is one step from it), and the
 * question waiting is asked again. "How late can I call today, mountain" asks; its "today" is no
 * date the flow will need. "Her return went out 3 weeks ago" dates the return, not the code's
 * request: only a date said of the code or its request, and not in the future, is kept.
 */
export function dateGivenEarly(
  flow: Flow,
  state: FlowState,
  typed: string,
  deps: FlowTurnDeps,
  context: FlowContext,
): FlowTurn | undefined {
  const { language, content } = deps.responder;
  const aboutTheCode = language.namesTheCode(typed) || language.saysCodeRequested(typed);
  const early =
    asksForDateLater(flow, state) && !language.isQuestion(typed) && aboutTheCode
      ? parseUserDate(typed, deps.today)
      : undefined;
  if (!early || early > deps.today) return undefined;
  const ahead = dateAhead(flow, state, early, typed, context);
  if (ahead) return fromStep(flow, ahead, state.nodeId);
  return {
    reply: [
      { text: fillTemplate(content.texts.flowDateKept, { date: formatDate(early) }) },
      ...pendingQuestion(flow, state, context),
    ],
    state: { ...withoutMisses(state), heldDate: early },
    decision: 'flow:waiting',
  };
}
