import type { Candidate } from '../matching/candidate';
import type { ResponderDeps } from './outcome';
import type { Topic } from './session';

/**
 * "Trying again", "I've already tried online twice": with no code asked for by mail, in the
 * message (`text` is the whole of it, when a part is read), the last answer, the flow under way or
 * what the user told before, the answers that take one as given ("Wait for the letter", "Use the
 * code in the letter") are no reading of it.
 */
export function withoutMailAssumed(
  text: string,
  candidates: Candidate[],
  topic: Topic | undefined,
  deps: ResponderDeps,
): Candidate[] {
  const assumed = deps.content.routing.mailAssumed;
  if (!assumed) return candidates;
  const answers = new Set(assumed.answers);
  const takesMail = (candidate: Candidate) => candidate.kind === 'article' && answers.has(candidate.id);
  if (!candidates.some(takesMail)) return candidates;
  // The last answer spoke of the mailed code ("…if you need the activation code sent by mail…").
  const article = topic?.kind === 'article' ? deps.content.articles.get(topic.id) : undefined;
  const told =
    deps.language.namesMail(text) ||
    deps.mailedCodeRequestedOn !== undefined ||
    deps.codeRequestedHere !== undefined ||
    (article !== undefined && deps.language.namesMail(article.answer)) ||
    (topic?.kind === 'flow' && assumed.flows.includes(topic.id));
  return told ? candidates : candidates.filter((candidate) => !takesMail(candidate));
}
