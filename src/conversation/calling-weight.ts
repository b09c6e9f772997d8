import type { Candidate } from '../matching/candidate';
import type { ResponderDeps } from './outcome';
import type { Topic } from './session';

/** How much an answer only about calling counts in a message that says nothing about calling. */
const NOT_CALLING_WEIGHT = 0.8;

/**
 * A message that says nothing about calling ("what should I have pulled together before I
 * start?"): what is only about calling the desk counts less. After an answer that sends you to
 * the mailed code ("how long are we talking" after the prepaid-phone answer), so does what is
 * about waiting on the line: the wait is the letter's. After the desk's card nothing counts less.
 */
export function callingCountsLess(
  candidates: readonly Candidate[],
  topic: Topic | undefined,
  deps: Pick<ResponderDeps, 'content'>,
): Candidate[] {
  if (topic?.kind === 'helpdesk') return [...candidates];
  const { callingTopics, lineTopics } = deps.content.routing;
  const calling = afterTheLetter(topic, deps) ? [...callingTopics, ...lineTopics] : callingTopics;
  return candidates
    .map((candidate) =>
      calling.includes(candidate.id) && candidate.kind !== 'out-of-scope'
        ? { ...candidate, score: candidate.score * NOT_CALLING_WEIGHT }
        : candidate,
    )
    .sort((a, b) => b.score - a.score);
}

/** The topic is the mailed code's answer, or one that names it among its follow-ups (not the desk's). */
function afterTheLetter(topic: Topic | undefined, deps: Pick<ResponderDeps, 'content'>): boolean {
  if (topic?.kind !== 'article' || deps.content.routing.deskTopics.includes(topic.id)) return false;
  const mailedCode = deps.content.texts.mailedCodeTopic;
  const followUps = deps.content.articles.get(topic.id)?.followUps ?? [];
  return topic.id === mailedCode || followUps.includes(mailedCode);
}
