import { answerFromKnowledge, certainAbove, suggestAbove } from './knowledge-answer';
import { readsClearly } from './story-reading';
import type { Outcome, ResponderDeps } from './outcome';
import type { Session } from './session';

/**
 * The intent (knowledge/intents.yaml) for "that didn't help": twice in a row hands off, mid-flow
 * the help desk. Said with more, the rest of the message is read on its own.
 */
export const NOT_HELPFUL = 'not-helpful';

/** "Not helpful", "that doesnt help me": a short sentence that says only that. */
function saysOnlyItDidNotHelp(sentence: string, deps: ResponderDeps): boolean {
  const said = deps.language.intentOf(sentence);
  return said?.whole === true || (said?.intent.id === NOT_HELPFUL && deps.language.wordCount(sentence) <= 5);
}

/** The answer is the article the conversation is on, or the one answered before it. */
export function repeatsTopic(answered: Outcome, session: Session): boolean {
  const topicId = session.topic?.kind === 'article' ? session.topic.id : undefined;
  const given = [topicId, session.earlier];
  return answered.decision.kind === 'answer' && given.includes(answered.decision.articleId);
}

/**
 * "Doesn't help. I moved in May and my 2024 return already shows the new place": the sentences
 * beyond "that didn't help", read against the topic, when they find something other than it.
 */
export function answerTheRest(text: string, session: Session, deps: ResponderDeps): Outcome | undefined {
  const rest = text
    .split(/(?<=[.!?;,:])\s+|\s[-–—]\s/)
    .filter((sentence) => !saysOnlyItDidNotHelp(sentence, deps))
    .join(' ');
  // "I already looked in junk, nothing": a word or two beside it say the failure again; a short
  // question ("didn't help. prepaid phone?") is still asked.
  if (rest === text || (deps.language.wordCount(rest) < REST_WORDS && !deps.language.isQuestion(rest)))
    return undefined;
  const answered = answerFromKnowledge(rest, session, deps);
  if (answered.decision.kind === 'flow') return answered;
  // "I used the last 8 of my visa and it still says no match": a problem reported, not asked,
  // says the suggestion failed, unless the rest has an answer of its own for certain.
  const { language } = deps;
  const reportsFailure = language.describesProblem(rest) && !language.isQuestion(rest);
  if (reportsFailure && (answered.decision.kind !== 'answer' || answered.decision.score < certainAbove(deps)))
    return undefined;
  // "Tried that one as well": a rest that says nothing clearly of its own says the suggestion failed.
  const clear =
    answered.decision.kind === 'answer' &&
    answered.decision.score >= suggestAbove(deps) &&
    readsClearly(deps.matcher.rank(rest, 2), deps);
  return clear && !repeatsTopic(answered, session) ? answered : undefined;
}

/** Fewer words than this beside "that didn't help" add nothing of their own ("nothing", "nada"). */
const REST_WORDS = 3;
