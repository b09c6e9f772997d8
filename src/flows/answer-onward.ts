import type { Flow } from '../content/flow-schema';
import { rawWords } from '../matching/normalizer';
import { answerWith } from './flow-engine';
import { trailEntry, type FlowContext, type FlowStep } from './flow-state';
import { matchChoice } from './match-choice';

/**
 * "ok it's the address. we only have a po box out here", asked where the registration stops: the
 * reply answers that question, and the next two as well (which detail: the address; which kind
 * of address: a PO Box). The questions straight after an answered one are read against the same
 * reply, so nobody is asked for what they just said.
 *
 * Only a question reached straight from the one answered (no answer shown in between, which the
 * user has to read first), only by a phrase of one of its answers said outright, and never by a
 * bare yes, no or "not sure": those answer one question, not the next.
 */
export function answerOnward(
  flow: Flow,
  step: FlowStep,
  text: string,
  context: FlowContext,
  answeredBefore: number,
): FlowStep {
  if (namesAStep(text, context) || !answeredOutright(flow, step, text, answeredBefore)) return step;
  let current = step;
  for (let more = 0; more < MAX_ONWARD; more++) {
    const waiting = current.state;
    if (!waiting || !reachedStraight(flow, waiting)) break;
    const next = answerNamed(flow, current, text, context);
    if (!next) break;
    current = next;
  }
  return current;
}

/**
 * The question the step waits on, answered by the one of its answers the text names outright
 * (not a bare yes or no, not one of several named); the step before it with its question
 * replaced by what answering it says. Undefined when the text names no single answer.
 */
function answerNamed(flow: Flow, step: FlowStep, text: string, context: FlowContext): FlowStep | undefined {
  const waiting = step.state;
  const node = waiting ? flow.nodes[waiting.nodeId] : undefined;
  if (!waiting || waiting.awaiting !== 'node' || node?.kind !== 'ask') return undefined;
  // "the part with my ssn, birthday and address" names several answers: which one is not said.
  const named = node.choices.filter((option) => saidPhrases(text, [option.label, ...option.synonyms]).length > 0);
  if (named.length > 1) return undefined;
  // "i moved in march but havent filed since": read strictly, "filed" leaves it open; the one
  // answer named outright by the words that answered the question before ("moved": the address),
  // read loosely as well, is what was said. ("No prior account, I only used the old password":
  // "password" answers no question before it.)
  const carriedOn = named.length === 1 && sameWordsAnswer(flow, waiting, named[0], text);
  const choiceId =
    matchChoice(text, node.choices, context.language, true) ??
    (carriedOn ? matchChoice(text, node.choices, context.language) : undefined);
  const choice = node.choices.find((option) => option.id === choiceId);
  if (!choice || !namedOutright(text, [choice.label, ...choice.synonyms], context)) return undefined;
  const next = answerWith(flow, waiting, choice.id, context, text);
  if (!next) return undefined;
  return {
    ...next,
    // The question answered here (the last message so far) is not asked.
    reply: [...step.reply.slice(0, -1), ...next.reply],
    remember: { ...step.remember, ...next.remember },
  };
}

/** The words that answered the question before this one also name this answer. */
function sameWordsAnswer(
  flow: Flow,
  state: NonNullable<FlowStep['state']>,
  choice: { readonly label: string; readonly synonyms: readonly string[] },
  text: string,
): boolean {
  const before = state.trail.at(-1);
  if (!before) return false;
  const carried = new Set(phrasesOf(flow, before, text).map((words) => words.join(' ')));
  return saidPhrases(text, [choice.label, ...choice.synonyms]).some((words) => carried.has(words.join(' ')));
}

/** "It's the credit card part", "where it asks for a card or loan number": the step named, not yet which card. */
function namesAStep(text: string, context: FlowContext): boolean {
  const said = rawWords(text);
  const { stepNames = [], screen = [] } = context.language.answers;
  return stepNames.some((word) => said.includes(word)) || saidPhrases(text, screen).length > 0;
}

/** How many questions after the one answered a single reply may answer. */
const MAX_ONWARD = 3;

/** The answer to this turn's question was said by one of its phrases, not guessed from a shared word. */
function answeredOutright(flow: Flow, step: FlowStep, text: string, answeredBefore: number): boolean {
  const answer = step.state?.trail.at(-1);
  return (
    step.state !== undefined &&
    step.state.trail.length > answeredBefore &&
    answer !== undefined &&
    phrasesOf(flow, answer, text).length > 0
  );
}

/** The flow stands at the question an answered question leads to directly. */
function reachedStraight(flow: Flow, state: NonNullable<FlowStep['state']>): boolean {
  const last = state.trail.at(-1);
  if (!last) return false;
  return answeredChoice(flow, last)?.next === state.nodeId;
}

/** One of the phrases is in the text as whole words, and is no yes, no or "not sure" word. */
export function namedOutright(text: string, phrases: readonly string[], context: FlowContext): boolean {
  const bare = bareAnswers(context);
  return saidPhrases(text, phrases).some((phrase) => !bare.has(phrase.join(' ')));
}

/** The yes, no and "not sure" words, as space-joined words: alone, they answer only the question asked. */
export function bareAnswers(context: FlowContext): ReadonlySet<string> {
  const { yes, no, unsure } = context.language.answers;
  return new Set([...yes, ...no, ...unsure].map((word) => rawWords(word).join(' ')));
}

/** The phrases of an answer in the trail ("node:choice") that the text says, as words. */
function phrasesOf(flow: Flow, answer: string, text: string): (readonly string[])[] {
  const choice = answeredChoice(flow, answer);
  return choice ? saidPhrases(text, [choice.label, ...choice.synonyms]) : [];
}

/** The choice a trail entry ("node:choice") took, when its node is a question. */
function answeredChoice(flow: Flow, entry: string) {
  const { nodeId, answer } = trailEntry(entry);
  const node = flow.nodes[nodeId];
  return node?.kind === 'ask' ? node.choices.find((choice) => choice.id === answer) : undefined;
}

/** Which of the phrases the text says as whole words. */
function saidPhrases(text: string, phrases: readonly string[]): (readonly string[])[] {
  const said = ` ${rawWords(text).join(' ')} `;
  return phrases.map(rawWords).filter((words) => words.length > 0 && said.includes(` ${words.join(' ')} `));
}
