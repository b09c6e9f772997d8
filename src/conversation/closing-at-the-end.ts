import type { Intent } from '../content/intents-schema';
import { defaultRoutePolicy } from '../matching/router';
import type { ResponderDeps } from './outcome';
import type { Session } from './session';

/**
 * "Personal mastercard it is, thx", "maraming salamat, logging off now", after an answer: the
 * last words thank or say goodbye, whole, and the words before them tell (they ask nothing,
 * report no problem) and say nothing the topic doesn't: nothing is left to answer, the
 * conversation closes. Words before with a clear answer of their own ("my phone is on my wife's
 * plan, thanks") are still answered.
 * Returns the closing said, or undefined.
 */
export function closingAtTheEnd(text: string, session: Session, deps: ResponderDeps): Intent | undefined {
  const { language, matcher } = deps;
  if (session.topic === undefined || language.isQuestion(text) || language.describesProblem(text)) return undefined;
  const clauses = text.split(CLAUSE_BREAK).filter((clause) => clause.trim().length > 0);
  if (clauses.length < 2) return undefined;
  const said = language.intentOf(clauses[clauses.length - 1]);
  if (!said?.whole || said.intent.helped !== true) return undefined;
  const before = clauses.slice(0, -1).join(', ');
  // Thanks said beside a passing word of something outside ("brilliant, all clear now") is still thanks.
  const reading = matcher.rank(before, READINGS).find((candidate) => candidate.kind !== 'out-of-scope');
  const floor = (deps.policy ?? defaultRoutePolicy).suggestAbove;
  const onTopic = session.topic.kind !== 'helpdesk' && reading?.id === session.topic.id;
  return !reading || reading.score < floor || onTopic ? said.intent : undefined;
}

/** How many of the words' best readings are looked through for one about the subject. */
const READINGS = 3;

/** Where a message's clauses break: "lovely, sorted then, ta". */
const CLAUSE_BREAK = /[.!?;,]\s+/;
