import type { Flow } from '../content/flow-schema';
import { rawWords } from '../matching/normalizer';
import { namedOutright } from './answer-onward';
import { answerWith } from './flow-engine';
import type { FlowContext, FlowState, FlowStep } from './flow-state';

/**
 * "Why won't it take my amex?", asked where the registration stops: a question the bot answers,
 * and a problem that names one of the question's answers outright ("amex" is the financial check).
 * The flow takes that answer, so after the answer it asks what comes next, not the same question
 * again. Only for a problem reported in the question ("what's the phone number?" names the phone
 * answer and reports nothing), by a phrase of one answer only, never a bare yes, no or "not sure".
 */
export function answeredInTheQuestion(
  flow: Flow,
  state: FlowState,
  text: string,
  context: FlowContext,
): FlowStep | undefined {
  const node = flow.nodes[state.nodeId];
  if (state.awaiting !== 'node' || node?.kind !== 'ask') return undefined;
  const { language } = context;
  if (!language.isQuestion(text) || !language.describesProblem(text)) return undefined;
  // Only a question of which part or kind: a yes or a no ("Yes, remind me") is never taken from
  // words asked about something else ("can you please tell me why…").
  const { yes, no } = language.answers;
  const yesOrNo = (label: string) => [...yes, ...no].includes(rawWords(label)[0] ?? '');
  if (node.choices.some((choice) => choice.id === 'yes' || choice.id === 'no' || yesOrNo(choice.label)))
    return undefined;
  const named = node.choices.filter((choice) => namedOutright(text, [choice.label, ...choice.synonyms], context));
  if (named.length !== 1) return undefined;
  return answerWith(flow, state, named[0].id, context);
}
