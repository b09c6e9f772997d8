import type { Candidate } from './matcher';

/** What the bot should do with a message, decided from the ranked candidates alone. */
export type RouteDecision =
  | { readonly kind: 'answer'; readonly articleId: string; readonly score: number }
  | { readonly kind: 'flow'; readonly flowId: string; readonly score: number }
  | { readonly kind: 'did-you-mean'; readonly options: readonly Candidate[] }
  | { readonly kind: 'decline'; readonly repeated: boolean };

/** The thresholds the router decides by; tuned with `npm run eval`. */
export interface RoutePolicy {
  /** Below this the best match is not about what we know. */
  readonly declineBelow: number;
  /** At or above this (and clear of the runner-up) the best article is answered outright. */
  readonly answerAbove: number;
  /** How far ahead of the runner-up a confident answer must be. */
  readonly margin: number;
  /** Answered outright whatever the runner-up, at or above this. */
  readonly certainAbove: number;
  /** A problem-describing message starts a flow whose triggers match at least this well. */
  readonly flowAbove: number;
  /** Between declineBelow and this, a lone weak match is declined rather than suggested. */
  readonly suggestAbove: number;
  /** Did-you-mean lists candidates within this distance of the best. */
  readonly suggestWithin: number;
  readonly maxSuggestions: number;
}

export const defaultRoutePolicy: RoutePolicy = Object.freeze({
  declineBelow: 0.3,
  answerAbove: 0.5,
  margin: 0.05,
  certainAbove: 0.75,
  flowAbove: 0.3,
  suggestAbove: 0.38,
  suggestWithin: 0.2,
  maxSuggestions: 3,
});

export interface RouteInput {
  readonly candidates: readonly Candidate[];
  /** The message describes a problem ("I can't…", "it fails", "no code"). */
  readonly describesProblem: boolean;
  /** The message is phrased as a question ("how many days until…?"). */
  readonly isQuestion?: boolean;
  /** Misses in a row before this message. */
  readonly previousMisses: number;
}

/** Decides what to do with one message. Pure: the same input always gives the same decision. */
export function route(input: RouteInput, policy: RoutePolicy = defaultRoutePolicy): RouteDecision {
  const decline: RouteDecision = { kind: 'decline', repeated: input.previousMisses >= 1 };
  const [top] = input.candidates;
  if (!top || top.score < policy.declineBelow) return decline;

  if (input.describesProblem) {
    const flow = input.candidates.find((candidate) => candidate.kind === 'flow');
    if (flow && flow.score >= policy.flowAbove && flow.score >= top.score - policy.suggestWithin) {
      return { kind: 'flow', flowId: flow.id, score: flow.score };
    }
  }
  if (top.kind === 'out-of-scope') return decline;

  // A plain question ("how many days until the letter comes?") wants an answer, not a guided
  // flow, when a good article is close behind the flow's triggers.
  if (top.kind === 'flow' && input.isQuestion && !input.describesProblem) {
    const article = input.candidates.find((candidate) => candidate.kind === 'article');
    if (article && article.score >= policy.answerAbove && article.score >= top.score - policy.suggestWithin) {
      return { kind: 'answer', articleId: article.id, score: article.score };
    }
  }

  const runnerUp = input.candidates[1];
  const clear = !runnerUp || top.score - runnerUp.score >= policy.margin;
  if (top.score >= policy.certainAbove || (top.score >= policy.answerAbove && clear)) {
    return top.kind === 'flow'
      ? { kind: 'flow', flowId: top.id, score: top.score }
      : { kind: 'answer', articleId: top.id, score: top.score };
  }

  const options = input.candidates
    .filter((candidate) => candidate.kind !== 'out-of-scope' && candidate.score >= top.score - policy.suggestWithin)
    .slice(0, policy.maxSuggestions);
  if (top.score < policy.suggestAbove) return decline;
  return { kind: 'did-you-mean', options };
}
