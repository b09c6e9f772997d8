import { parseUserDate } from './parse-date';
import type { Flow } from '../content/flow-schema';
import { rawWords } from '../matching/normalizer';
import { answerFlow, answerWith } from './flow-engine';
import type { FlowContext, FlowState, FlowStep } from './flow-state';
import { matchChoice } from './match-choice';
import { namedOutright } from './answer-onward';

/**
 * "OK, figured it out: it's where they verify my cell", when asked whether they had an account
 * before: an answer to the question that comes next. This question is answered by the choice
 * that leads there (its "not sure" choice when it has one: the user didn't say), and the next
 * one by the text, so nobody is asked for what they just said. Only when exactly one next
 * question reads the text as one of its answers; a question is a question.
 */
export function answerAhead(flow: Flow, state: FlowState, text: string, context: FlowContext): FlowStep | undefined {
  const node = flow.nodes[state.nodeId];
  if (state.awaiting !== 'node' || node?.kind !== 'ask' || context.language.isQuestion(text)) return undefined;
  const nextQuestions = [...new Set(node.choices.map((choice) => choice.next))].filter(
    (id) => flow.nodes[id]?.kind === 'ask',
  );
  const readings = nextQuestions.filter((id) => {
    const next = flow.nodes[id];
    return next?.kind === 'ask' && matchChoice(text, next.choices, context.language) !== undefined;
  });
  if (readings.length !== 1) return undefined;
  const leading = node.choices.filter((choice) => choice.next === readings[0]);
  const choice = unsureChoice(leading, context) ?? leading[0];
  const first = answerWith(flow, state, choice.id, context);
  if (!first?.state || first.state.nodeId !== readings[0]) return undefined;
  const second = answerFlow(flow, first.state, { text }, context);
  // The next question itself (the last message of the first step) is not asked: it is answered.
  return second ? { ...second, reply: [...first.reply.slice(0, -1), ...second.reply] } : undefined;
}

/** Of the choices, the one whose label says "not sure" (the user didn't say), when there is one. */
export function unsureChoice<Choice extends { readonly label: string }>(
  choices: readonly Choice[],
  context: FlowContext,
): Choice | undefined {
  return choices.find((choice) => context.language.answers.unsure.some((word) => sameWords(word, choice.label)));
}

function sameWords(a: string, b: string): boolean {
  return rawWords(a).join(' ') === rawWords(b).join(' ');
}

/**
 * "I put the request in on November 19", asked how the code was to come: a date of the code's
 * request said at a question one of whose answers leads straight to the question for that date
 * ("By mail" to "when did you request it?"), and no other does, is that answer and that date.
 * Undefined when no single answer leads there.
 */
export function dateAhead(
  flow: Flow,
  state: FlowState,
  date: string,
  text: string,
  context: FlowContext,
): FlowStep | undefined {
  const node = flow.nodes[state.nodeId];
  if (state.awaiting !== 'node' || node?.kind !== 'ask') return undefined;
  const leading = node.choices.filter((choice) => flow.nodes[choice.next]?.kind === 'date');
  if (leading.length !== 1) return undefined;
  // "Requested it by text on 11/19" names another answer: the date says nothing about which.
  const others = node.choices.filter((choice) => choice !== leading[0]);
  if (others.some((choice) => namedOutright(text, [choice.label, ...choice.synonyms], context))) return undefined;
  // Held, the date answers its question as the flow reaches it.
  return answerWith(flow, { ...state, heldDate: date }, leading[0].id, context);
}

/**
 * "By post, requested 11/5": an answer that also gives the date the flow asks next answers
 * that question too, so the user is not asked for what they just said.
 */
export function withDateGiven(flow: Flow, step: FlowStep, typed: string, context: FlowContext): FlowStep {
  const waiting = step.state;
  if (!waiting || waiting.awaiting !== 'node' || flow.nodes[waiting.nodeId]?.kind !== 'date') return step;
  if (!parseUserDate(typed, context.today)) return step;
  const next = answerFlow(flow, waiting, { text: typed }, context);
  // The date question itself (the last message) is no longer asked.
  return next
    ? { ...next, reply: [...step.reply.slice(0, -1), ...next.reply], remember: { ...step.remember, ...next.remember } }
    : step;
}
