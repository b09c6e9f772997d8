import type { Intent } from '../content/intents-schema';
import { suggestAbove } from './knowledge-answer';
import type { ResponderDeps } from './outcome';
import type { Session } from './session';
import { CLAUSE_BREAK } from '../matching/clause-break';

/**
 * "Maraming salamat, logging off now", "right we'll block off an afternoon next week then bye",
 * after an answer: the last words thank or say goodbye, whole, and the words before them tell
 * (they ask nothing, report no problem) and say nothing the topic doesn't: nothing is left to
 * answer, the conversation closes. Words before with a clear answer of their own ("my phone is on my wife's
 * plan, thanks") are still answered.
 * Returns the closing said, or undefined.
 */
export function closingAtTheEnd(text: string, session: Session, deps: ResponderDeps): Intent | undefined {
  const { language, matcher } = deps;
  if (session.topic === undefined || language.isQuestion(text) || language.describesProblem(text)) return undefined;
  const parts = lastPart(text);
  if (!parts) return undefined;
  const said = language.intentOf(parts.last);
  if (!said?.whole || said.intent.helped !== true) return undefined;
  // A filler word at the end ("ok letter is in my hands now") closes nothing.
  if (parts.oneWord && said.intent.fillersOnly) return undefined;
  const before = parts.before;
  // Thanks said beside a passing word of something outside ("brilliant, all clear now") is still
  // thanks, and words that report no problem mean no troubleshooting flow ("…block out some time…").
  const reading = matcher.rank(before, READINGS).find((candidate) => candidate.kind === 'article');
  const floor = suggestAbove(deps);
  const onTopic = session.topic.kind !== 'helpdesk' && reading?.id === session.topic.id;
  return !reading || reading.score < floor || onTopic ? said.intent : undefined;
}

/**
 * The message's last clause and what comes before it; in one clause, its last word ("…tomorrow
 * morning bye").
 */
function lastPart(
  text: string,
): { readonly before: string; readonly last: string; readonly oneWord: boolean } | undefined {
  const clauses = text.split(CLAUSE_BREAK).filter((clause) => clause.trim().length > 0);
  if (clauses.length >= 2)
    return { before: clauses.slice(0, -1).join(', '), last: clauses[clauses.length - 1], oneWord: false };
  const words = text.trim().split(/\s+/);
  return words.length >= 2
    ? { before: words.slice(0, -1).join(' '), last: words[words.length - 1], oneWord: true }
    : undefined;
}

/** How many of the words' best readings are looked through for one about the subject. */
const READINGS = 3;
