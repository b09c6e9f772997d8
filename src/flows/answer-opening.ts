import type { Flow } from '../content/flow-schema';
import { rawWords } from '../matching/normalizer';
import { unsureChoice } from './answer-ahead';
import { answerOnward, bareAnswers } from './answer-onward';
import { answerWith, startFlow } from './flow-engine';
import type { FlowContext, FlowStep } from './flow-state';
import type { ChoiceOption } from './match-choice';
import { whatFailed } from './what-failed';

/** A flow started from its first node, and opened as far as the message that started it says. */
export function openFlow(flow: Flow, flowVersion: string, context: FlowContext, text?: string): FlowStep {
  const started = startFlow(flow, flowVersion, context);
  return text === undefined ? started : answerOpening(flow, started, text, context);
}

/**
 * "It keeps saying my filing status doesn't match", which starts the troubleshooting: the
 * message that started the flow answers its questions as far as it says outright, so the user
 * gets the answer for the step they named instead of being asked where it stops. The question
 * after the first is answered when exactly one of its answers is said there, the first taken as
 * "not sure" (only where that is one of its answers: the user didn't say), then onward while each
 * next answer is said. Otherwise the flow opens at its first question, as before: when the
 * message answers the first question itself ("I had a Get Transcript account…", whose answer
 * leads elsewhere), when only "not sure" leads on ("my activation letter hasn't come" is asked how
 * the code was to come), for a question ("how do I get past the phone step?"), and when no answer
 * is said. Only phrases said whole count, never a word shared with an answer, a bare yes or no,
 * words naming only the subject ("identity verification failed" names no step), or a clause
 * saying a step went fine (a story names those too).
 */
export function answerOpening(flow: Flow, started: FlowStep, text: string, context: FlowContext): FlowStep {
  const state = started.state;
  if (!state || context.language.isQuestion(text)) return started;
  // "Got the email code fine, typed my info and then bam, can't verify": what went fine names no step.
  const failed = whatFailed(text, context.language);
  const first = answeredNext(flow, started, failed, context);
  if (!first) return started;
  // Onward only when the question now waiting has an answer said (reading one costs more).
  const waiting = first.state?.awaiting === 'node' ? first.state.nodeId : undefined;
  const more = waiting !== undefined && namedAnswer(flow, waiting, failed, context) !== undefined;
  return more ? answerOnward(flow, first, failed, context, 0) : first;
}

/** The one answer of the question the step waits on that the text says, if exactly one. */
function namedAnswer(flow: Flow, nodeId: string, text: string, context: FlowContext): string | undefined {
  const node = flow.nodes[nodeId];
  if (node?.kind !== 'ask') return undefined;
  const said = ` ${rawWords(text).join(' ')} `;
  const named = node.choices.filter((choice) =>
    specificPhrases(choice, context).some((phrase) => said.includes(` ${phrase} `)),
  );
  return named.length === 1 ? named[0].id : undefined;
}

/** Per reader of words, each choice's phrases as words, worked out once (flows are read on every start). */
const specificByLanguage = new WeakMap<FlowContext['language'], WeakMap<ChoiceOption, readonly string[]>>();

/**
 * A choice's label and synonyms as space-joined words, without a bare yes, no or "not sure" and
 * without those naming only the subject ("can't verify my identity"): what says the answer outright.
 */
function specificPhrases(choice: ChoiceOption, context: FlowContext): readonly string[] {
  const { language } = context;
  const byChoice = specificByLanguage.get(language) ?? new WeakMap<ChoiceOption, readonly string[]>();
  specificByLanguage.set(language, byChoice);
  const known = byChoice.get(choice);
  if (known) return known;
  const bare = bareAnswers(context);
  const phrases = [choice.label, ...choice.synonyms]
    .filter((phrase) => !language.namesOnlyTheSubject(phrase))
    .map((phrase) => rawWords(phrase).join(' '))
    .filter((words) => words.length > 0 && !bare.has(words));
  byChoice.set(choice, phrases);
  return phrases;
}

/** The step's question answered by the text, its question (the last message so far) not asked. */
function answeredHere(flow: Flow, step: FlowStep, text: string, context: FlowContext): FlowStep | undefined {
  const state = step.state;
  const choiceId = state?.awaiting === 'node' ? namedAnswer(flow, state.nodeId, text, context) : undefined;
  if (!state || choiceId === undefined) return undefined;
  const next = answerWith(flow, state, choiceId, context, text);
  return next ? { ...next, reply: [...step.reply.slice(0, -1), ...next.reply] } : undefined;
}

/** The question after the step's, answered by the text when exactly one of them is. */
function answeredNext(flow: Flow, step: FlowStep, text: string, context: FlowContext): FlowStep | undefined {
  const state = step.state;
  const node = state ? flow.nodes[state.nodeId] : undefined;
  if (!state || state.awaiting !== 'node' || node?.kind !== 'ask') return undefined;
  const nextQuestions = [...new Set(node.choices.map((choice) => choice.next))].filter(
    (id) => flow.nodes[id]?.kind === 'ask' && namedAnswer(flow, id, text, context) !== undefined,
  );
  if (nextQuestions.length !== 1) return undefined;
  const leading = node.choices.filter((choice) => choice.next === nextQuestions[0]);
  const unsure = unsureChoice(leading, context);
  // Only "not sure" may stand for the first question's answer: another would be invented ("have
  // you tried online?" taken as yes). A question only "not sure" leads to helps someone who
  // couldn't answer the first ("did you choose mail?"), and an answer to the first said in the
  // message ("I had a Get Transcript account…") is theirs to give: the first question is asked.
  const namesTheFirst = namedAnswer(flow, state.nodeId, text, context) !== undefined;
  if (!unsure || namesTheFirst || leading.every((choice) => choice === unsure)) return undefined;
  const passed = answerWith(flow, state, unsure.id, context);
  if (!passed?.state || passed.state.nodeId !== nextQuestions[0]) return undefined;
  return answeredHere(flow, { ...passed, reply: [...step.reply.slice(0, -1), ...passed.reply] }, text, context);
}
