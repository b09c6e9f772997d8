import type { Flow } from '../content/flow-schema';
import { CLAUSE_BREAK } from '../matching/clause-break';
import { answerWith } from './flow-engine';
import type { FlowContext, FlowState, FlowStep } from './flow-state';
import { matchChoice } from './match-choice';

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
  if (asked.length === 0) return undefined;
  const named = new Set(
    clauses
      .filter((clause) => !language.isQuestion(clause))
      .map((clause) => matchChoice(clause, node.choices, language, true))
      .filter((choice): choice is string => choice !== undefined),
  );
  if (named.size !== 1) return undefined;
  const step = answerWith(flow, state, [...named][0], context);
  return step ? { step, asked: asked.join(' ') } : undefined;
}
