import type { Candidate } from './candidate';

/** What the bot should do with a message, decided from the ranked candidates alone. */
export type RouteDecision =
  | {
      readonly kind: 'answer';
      readonly articleId: string;
      readonly score: number;
      /** A problem report whose specific answer came first: the flow to offer after it. */
      readonly offerFlow?: string;
    }
  | { readonly kind: 'flow'; readonly flowId: string; readonly score: number }
  | { readonly kind: 'did-you-mean'; readonly options: readonly Candidate[] }
  | { readonly kind: 'decline'; readonly repeated: boolean };

/** The thresholds the router decides by; tuned with `npm run eval`. */
export interface RoutePolicy {
  /** Below this the best match is not about what we know. */
  readonly declineBelow: number;
  /** At or above this (and clear of the runner-up) the best article is answered outright. */
  readonly answerAbove: number;
  /** How far ahead of the runner-up a confident answer must be, as a share of its score. */
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
  /** A problem report gets a specific article first (and the flow offered) at or above this… */
  readonly specificAbove: number;
  /** …when it is this far ahead of the flow's triggers. */
  readonly specificMargin: number;
  /** Each half of a two-question message is answered on its own at or above this. */
  readonly twoAnswersAbove: number;
  /**
   * A message that reads two ways (did-you-mean), the best an article: the reply answers it and
   * offers the others as its first buttons (true), or is a menu of them (false).
   */
  readonly answerNearTies: boolean;
}

export const defaultRoutePolicy: RoutePolicy = Object.freeze({
  declineBelow: 0.16,
  answerAbove: 0.16,
  margin: 0.05,
  certainAbove: 0.45,
  flowAbove: 0.17,
  suggestAbove: 0.25,
  suggestWithin: 0.15,
  maxSuggestions: 3,
  specificAbove: 0.3,
  specificMargin: 0.15,
  twoAnswersAbove: 0.25,
  answerNearTies: true,
});

export interface RouteInput {
  readonly candidates: readonly Candidate[];
  /** The message describes a problem ("I can't…", "it fails", "no code"). */
  readonly describesProblem: boolean;
  /** The message is phrased as a question ("how many days until…?"). */
  readonly isQuestion?: boolean;
  /** Misses in a row before this message. */
  readonly previousMisses: number;
  /** Whether two documents are about the same topic (one lists the other as related). */
  readonly related?: (first: string, second: string) => boolean;
}

/** Decides what to do with one message. Pure: the same input always gives the same decision. */
export function route(input: RouteInput, policy: RoutePolicy = defaultRoutePolicy): RouteDecision {
  const decline: RouteDecision = { kind: 'decline', repeated: input.previousMisses >= 1 };
  const [top] = input.candidates;
  if (!top || top.score < policy.declineBelow) return decline;

  if (input.describesProblem) {
    const flow = input.candidates.find((candidate) => candidate.kind === 'flow');
    const article = input.candidates.find((candidate) => candidate.kind === 'article');
    // A precise problem ("the selfie step keeps failing") gets its own answer first, and the
    // step-by-step flow is offered after it; a general one starts the flow.
    const specific =
      article !== undefined &&
      article.score >= policy.specificAbove &&
      article.score >= (flow?.score ?? 0) + policy.specificMargin &&
      article.score >= top.score - policy.margin;
    if (specific) {
      const reachable = flow && flow.score >= policy.flowAbove ? { offerFlow: flow.id } : {};
      return { kind: 'answer', articleId: article.id, score: article.score, ...reachable };
    }
    if (flow && flow.score >= policy.flowAbove && flow.score >= top.score - policy.suggestWithin) {
      return { kind: 'flow', flowId: flow.id, score: flow.score };
    }
  }
  if (top.kind === 'out-of-scope') return decline;

  // A plain question ("how many days until the letter comes?") wants an answer, not a guided
  // flow, when a good article is close behind the flow's triggers.
  if (top.kind === 'flow' && input.isQuestion && !input.describesProblem) {
    // The flow's own topic told as an answer ("what's the wait on the mailed code?"), when it has one.
    const twin = input.candidates.find((candidate) => candidate.kind === 'article' && candidate.id === top.id);
    if (twin && twin.score >= policy.answerAbove) return { kind: 'answer', articleId: twin.id, score: top.score };
    const article = input.candidates.find((candidate) => candidate.kind === 'article');
    if (article && article.score >= policy.answerAbove && article.score >= top.score - policy.suggestWithin) {
      return { kind: 'answer', articleId: article.id, score: article.score };
    }
  }

  // The ladder: answer the best in-scope match unless a different topic is genuinely as close
  // (then a short menu of the close ones); decline only below the floor.
  // A flow too weakly matched to start is no reading of the message.
  const inScope = input.candidates.filter(
    (candidate) => candidate.kind === 'article' || (candidate.kind === 'flow' && candidate.score >= policy.flowAbove),
  );
  const best = inScope[0];
  if (!best || best.score < policy.declineBelow) return decline;
  // Close runners-up that are the same topic as the best (it lists them as related, or they it)
  // are not a different reading of the question: the best is answered.
  // A flow and an article of the same id are one topic told two ways.
  const related = (first: string, second: string) => first === second || (input.related?.(first, second) ?? false);
  const close = inScope.filter(
    (candidate) =>
      candidate === best ||
      (best.score - candidate.score < policy.margin * best.score &&
        candidate.score >= policy.suggestAbove &&
        !related(best.id, candidate.id)),
  );
  // A problem with a flow among the close readings: the flow sorts it out step by step.
  const closeFlow = input.describesProblem
    ? close.find((candidate) => candidate.kind === 'flow' && candidate.score >= policy.flowAbove)
    : undefined;
  if (closeFlow && close.length >= 2) return { kind: 'flow', flowId: closeFlow.id, score: closeFlow.score };
  // Asked, not reported ("when will my mailed code get here"): the topic's answer, not its flow.
  const twin = inScope.find((candidate) => candidate.kind === 'article' && candidate.id === best.id);
  if (best.kind === 'flow' && twin && !input.describesProblem && best.score - twin.score < policy.margin * best.score) {
    return { kind: 'answer', articleId: twin.id, score: twin.score };
  }
  if (best.score >= policy.certainAbove || close.length < 2) {
    if (best.score < policy.answerAbove) return decline;
    return best.kind === 'flow'
      ? { kind: 'flow', flowId: best.id, score: best.score }
      : { kind: 'answer', articleId: best.id, score: best.score };
  }
  return { kind: 'did-you-mean', options: close.slice(0, policy.maxSuggestions) };
}
