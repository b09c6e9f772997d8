import type { Candidate } from '../matching/matcher';
import type { ResponderDeps } from './outcome';
import type { Topic } from './session';

/** How much an answer only about calling counts in a message that says nothing about calling. */
const NOT_CALLING_WEIGHT = 0.8;

/**
 * A message that says nothing about calling ("what should I have pulled together before I
 * start?"): what is only about calling the desk counts less. After an answer about something
 * other than the desk ("how long are we talking" after the answer that sends you to the mailed
 * code), so does what is about being on the line: the wait is the letter's. After the desk's card
 * or an answer about the desk, nothing counts less.
 */
export function callingCountsLess(
  candidates: readonly Candidate[],
  topic: Topic | undefined,
  deps: Pick<ResponderDeps, 'content'>,
): Candidate[] {
  if (topic?.kind === 'helpdesk') return [...candidates];
  const { callingTopics, lineTopics, deskTopics } = deps.content.routing;
  const awayFromTheDesk = topic?.kind === 'article' && !deskTopics.includes(topic.id);
  const calling = awayFromTheDesk ? [...callingTopics, ...lineTopics] : callingTopics;
  return candidates
    .map((candidate) =>
      calling.includes(candidate.id) && candidate.kind !== 'out-of-scope'
        ? { ...candidate, score: candidate.score * NOT_CALLING_WEIGHT }
        : candidate,
    )
    .sort((a, b) => b.score - a.score);
}
