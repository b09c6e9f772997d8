import type { Candidate } from '../matching/candidate';
import type { ResponderDeps } from './outcome';
import { candidatesFor, type RankContext } from './story-reading';

/**
 * "What do I need to register these days?": read without the today words, with the answers about
 * today ahead of those about the 2016-2018 process.
 */
export function aboutToday(text: string, deps: ResponderDeps, context?: RankContext): Candidate[] {
  const rest = deps.language.withoutTodayCues(text);
  const current = (candidate: Candidate) =>
    candidate.kind === 'article' && deps.content.articles.get(candidate.id)?.historical === false;
  // A troubleshooting flow walks through the 2016-2018 screens: no reading of a question about today.
  const oldSteps = (candidate: Candidate) =>
    candidate.kind === 'flow' && deps.content.flows.get(candidate.id)?.historical === true;
  const weight = (candidate: Candidate) =>
    current(candidate) ? TODAY_WEIGHT : oldSteps(candidate) ? 1 / TODAY_WEIGHT : 1;
  return candidatesFor(rest.length > 0 ? rest : text, deps, context)
    .map((candidate) => ({ ...candidate, score: candidate.score * weight(candidate) }))
    .sort((a, b) => b.score - a.score);
}

/** An answer about the 2016-2018 process. */
export function isOld(candidate: Candidate | undefined, deps: ResponderDeps): boolean {
  return candidate?.kind === 'article' && deps.content.articles.get(candidate.id)?.historical === true;
}

/** How much more an answer about today counts when the message asks about today. */
const TODAY_WEIGHT = 1.25;
