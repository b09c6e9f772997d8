import type { Flow } from '../content/flow-schema';
import { rawWords } from '../matching/normalizer';
import { answerOnward, namedOutright } from './answer-onward';
import { answerWith } from './flow-engine';
import type { FlowContext, FlowStep } from './flow-state';

/**
 * "It keeps saying my filing status doesn't match", which starts the troubleshooting: the
 * message that started the flow answers its questions as far as it says outright, so the user
 * gets the answer for the step they named instead of being asked where it stops. The question
 * after the first is answered when exactly one of its answers is said there (the first then by
 * its "not sure" answer: the user didn't say), then onward while each next answer is said. The
 * first question itself is still asked ("how was the code to reach you?" after "my mailed code
 * never came"): people answer it in their own words or with its button, and a word of the opening
 * read as its answer would take that turn's reply for the next question. Only phrases said whole
 * count, never a word shared with an answer, a bare yes or no, or words naming only the subject
 * ("identity verification failed" names no step), and not in a clause saying a step went fine
 * (a story names those too). A question ("how do I fix the phone step?") or a
 * message naming no answer starts at the top.
 */
export function answerOpening(flow: Flow, started: FlowStep, text: string, context: FlowContext): FlowStep {
  const state = started.state;
  if (!state || context.language.isQuestion(text)) return started;
  // "Got the email code fine, typed my info and then bam, can't verify": what went fine names no step.
  const wentFine = saysItWentFine(context);
  const failed = text
    .split(CLAUSE_BREAK)
    .filter((clause) => !wentFine(clause) || context.language.describesProblem(clause))
    .join(', ');
  const first = answeredNext(flow, started, failed, context);
  return first ? answerOnward(flow, first, failed, context, 0) : started;
}

/** Where one clause of a story ends and the next begins. */
const CLAUSE_BREAK = /[.;:!?,\n]+|\s(?:but|and then|then|so)\s/i;

/** The clause says a step went fine ("got the email code fine", "phone part worked ok"). */
function saysItWentFine(context: FlowContext): (clause: string) => boolean {
  const fine = (context.language.answers.yesAtEnd ?? []).map((phrase) => rawWords(phrase).join(' '));
  return (clause) => {
    const said = ` ${rawWords(clause).join(' ')} `;
    return fine.some((phrase) => said.includes(` ${phrase} `));
  };
}

/** The one answer of the question the step waits on that the text says, if exactly one. */
function namedAnswer(flow: Flow, nodeId: string, text: string, context: FlowContext): string | undefined {
  const node = flow.nodes[nodeId];
  if (node?.kind !== 'ask') return undefined;
  const specific = (phrase: string) => !context.language.namesOnlyTheSubject(phrase);
  const named = node.choices.filter((choice) =>
    namedOutright(text, [choice.label, ...choice.synonyms].filter(specific), context),
  );
  return named.length === 1 ? named[0].id : undefined;
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
  const unsure = leading.find((choice) =>
    context.language.answers.unsure.some((word) => rawWords(word).join(' ') === rawWords(choice.label).join(' ')),
  );
  // A question only "not sure" leads to helps someone who couldn't answer the first ("did you
  // choose mail?"): naming its answer answers the first question, which is asked.
  if (leading.every((choice) => choice === unsure)) return undefined;
  const passed = answerWith(flow, state, (unsure ?? leading[0]).id, context);
  if (!passed?.state || passed.state.nodeId !== nextQuestions[0]) return undefined;
  return answeredHere(flow, { ...passed, reply: [...step.reply.slice(0, -1), ...passed.reply] }, text, context);
}
