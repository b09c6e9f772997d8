import type { Candidate } from '../matching/candidate';
import type { ResponderDeps } from './outcome';
import { candidatesFor } from './story-reading';

/**
 * "Can they just mail me the code?" after the desk's card: "they" are the desk, so the message
 * is read with the card's title in the background (at `weight`) and the answers about the desk
 * lifted (by `lift`), however plainly it reads on its own: alone it is the mailed code's answer,
 * not the desk's.
 */
export function readAtTheDesk(
  text: string,
  deps: ResponderDeps,
  learned: boolean,
  { weight, lift }: { readonly weight: number; readonly lift: number },
): Candidate[] {
  const desk = new Set(deps.content.routing.deskTopics);
  return candidatesFor(text, deps, { text: deps.content.texts.helpdeskTitle, weight }, learned)
    .map((candidate) =>
      candidate.kind === 'article' && desk.has(candidate.id)
        ? { ...candidate, score: candidate.score * lift }
        : candidate,
    )
    .sort((a, b) => b.score - a.score);
}
