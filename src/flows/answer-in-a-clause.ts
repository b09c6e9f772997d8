import type { Flow } from '../content/flow-schema';
import { CLAUSE_BREAK } from '../matching/clause-break';
import { answerWith } from './flow-engine';
import type { FlowContext, FlowState, FlowStep } from './flow-state';
import { matchChoice, type ChoiceOption } from './match-choice';
import { rawWords } from '../matching/normalizer';

/** One of the question's answers said in a clause of its own, and what else the message asks. */
export interface AnswerInAClause {
  readonly step: FlowStep;
  /** The clauses that ask, to answer on the way. */
  readonly asked: string;
}

/**
 * "by mail, how long does it usually take?", "yes. how long is the wait on the phone?": one clause
 * answers the flow's question outright and another asks something of its own. Both are heard: the
 * answer is taken (asking the same question again would ignore it), and the question is left to
 * be answered on the way. Only when the clauses that answer name one answer between them.
 */
export function answerInAClause(
  flow: Flow,
  state: FlowState,
  text: string,
  context: FlowContext,
): AnswerInAClause | undefined {
  const node = flow.nodes[state.nodeId];
  if (state.awaiting !== 'node' || node?.kind !== 'ask') return undefined;
  const clauses = text
    .split(CLAUSE_BREAK)
    .map((clause) => clause.trim())
    .filter((clause) => clause.length > 0);
  if (clauses.length < 2) return undefined;
  const { language } = context;
  const asked = clauses.filter((clause) => language.isQuestion(clause));
  // "Ok. what do you mean by that?", "sure. what is view balance?": asked what the question means,
  // the "ok" answers nothing yet.
  if (asked.length === 0 || asked.some((clause) => language.asksWhatItMeans(clause))) return undefined;
  const named = new Set(
    clauses
      .filter((clause) => !language.isQuestion(clause))
      .flatMap((clause) => {
        const choice = node.choices.find((option) => option.id === matchChoice(clause, node.choices, language, true));
        return choice && saysIt(clause, choice, language) ? [choice.id] : [];
      }),
  );
  if (named.size !== 1) return undefined;
  const step = answerWith(flow, state, [...named][0], context);
  return step ? { step, asked: asked.join(' ') } : undefined;
}

/**
 * A clause beside a question says the answer it was read as: word for word ("not sure", "never
 * did"); a yes or a no with nothing but its own words ("yes I'm waiting", not "yes I know, it's
 * frustrating"); any other answer without a "not" ("not by mail, how long does a text take?" is
 * no "by mail").
 */
function saysIt(clause: string, choice: ChoiceOption, language: FlowContext['language']): boolean {
  const words = rawWords(clause);
  const phrases = [choice.label, ...choice.synonyms].map((phrase) => rawWords(phrase));
  if (phrases.some((phrase) => phrase.join(' ') === words.join(' '))) return true;
  if (YES_OR_NO.has(choice.id)) {
    const own = new Set(phrases.flat());
    return words.every((word) => own.has(word));
  }
  const negation = new Set((language.answers.negations ?? []).flatMap(rawWords));
  return !words.some((word) => negation.has(word));
}

const YES_OR_NO = new Set(['yes', 'no']);
