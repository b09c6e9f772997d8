import type { Candidate } from '../../../src/matching/matcher';
import { defaultRoutePolicy, route, type RouteDecision, type RoutePolicy } from '../../../src/matching/router';

/**
 * route(input, policy): what to do with a message, from the ranked candidates alone. Each row:
 * candidates (best first) and what the message reads as -> the whole decision. Scores are chosen
 * clear of the thresholds' floating-point edges unless a row says it is about the edge.
 *
 * Default policy: declineBelow 0.3, answerAbove 0.5, margin 0.05, certainAbove 0.75,
 * flowAbove 0.3, suggestAbove 0.38, suggestWithin 0.2, maxSuggestions 3.
 */

const article = (id: string, score: number): Candidate => ({ id, kind: 'article', score });
const flow = (id: string, score: number): Candidate => ({ id, kind: 'flow', score });
const outOfScope = (id: string, score: number): Candidate => ({ id, kind: 'out-of-scope', score });

const decline = (repeated = false): RouteDecision => ({ kind: 'decline', repeated });
const answer = (candidate: Candidate): RouteDecision => ({
  kind: 'answer',
  articleId: candidate.id,
  score: candidate.score,
});
const startFlow = (candidate: Candidate): RouteDecision => ({
  kind: 'flow',
  flowId: candidate.id,
  score: candidate.score,
});
const didYouMean = (...options: Candidate[]): RouteDecision => ({ kind: 'did-you-mean', options });

interface Row {
  readonly name: string;
  readonly candidates: readonly Candidate[];
  readonly problem?: boolean;
  readonly question?: boolean;
  readonly misses?: number;
  readonly expected: RouteDecision;
}

const decide = (row: Row, policy?: RoutePolicy) =>
  route(
    {
      candidates: row.candidates,
      describesProblem: row.problem ?? false,
      isQuestion: row.question,
      previousMisses: row.misses ?? 0,
    },
    policy,
  );

describe('route with the default policy', () => {
  it('defaults to defaultRoutePolicy', () => {
    expect(defaultRoutePolicy).toEqual({
      declineBelow: 0.3,
      answerAbove: 0.5,
      margin: 0.05,
      certainAbove: 0.75,
      flowAbove: 0.3,
      suggestAbove: 0.38,
      suggestWithin: 0.2,
      maxSuggestions: 3,
    });
  });

  it.each<Row>([
    // --- decline: nothing good enough -----------------------------------------------------------
    { name: 'no candidates', candidates: [], expected: decline() },
    { name: 'top just below declineBelow', candidates: [article('a', 0.29)], expected: decline() },
    { name: 'weak', candidates: [article('a', 0.2)], expected: decline() },
    { name: 'a weak flow for a problem report', candidates: [flow('f', 0.25)], problem: true, expected: decline() },
    { name: 'out of scope on top', candidates: [outOfScope('x', 0.8), article('a', 0.5)], expected: decline() },
    {
      name: 'out of scope on top of a question',
      candidates: [outOfScope('x', 0.6), article('a', 0.55)],
      question: true,
      expected: decline(),
    },

    // --- a lone weak match (declineBelow <= top < suggestAbove) is declined, not suggested ------------
    { name: 'lone weak match at declineBelow', candidates: [article('a', 0.3)], expected: decline() },
    { name: 'lone weak match just below suggestAbove', candidates: [article('a', 0.37)], expected: decline() },
    { name: 'two weak matches', candidates: [article('a', 0.37), article('b', 0.36)], expected: decline() },

    // --- a problem report starts a flow within reach of the top -------------------------------------
    {
      name: 'problem with a flow in reach',
      candidates: [article('a', 0.6), flow('f', 0.45)],
      problem: true,
      expected: startFlow(flow('f', 0.45)),
    },
    {
      name: 'problem with a flow on top',
      candidates: [flow('f', 0.6), article('a', 0.59)],
      problem: true,
      expected: startFlow(flow('f', 0.6)),
    },
    {
      name: 'problem with a flow just within suggestWithin of the top',
      candidates: [article('a', 0.6), flow('f', 0.41)],
      problem: true,
      expected: startFlow(flow('f', 0.41)),
    },
    {
      name: 'problem with a flow too far behind: the clear article',
      candidates: [article('a', 0.7), flow('f', 0.45)],
      problem: true,
      expected: answer(article('a', 0.7)),
    },
    {
      name: 'problem with a flow below flowAbove: suggestions, the flow among them',
      candidates: [article('a', 0.45), flow('f', 0.29)],
      problem: true,
      expected: didYouMean(article('a', 0.45), flow('f', 0.29)),
    },
    {
      name: 'problem with a flow behind an out-of-scope top: the flow',
      candidates: [outOfScope('x', 0.6), flow('f', 0.5)],
      problem: true,
      expected: startFlow(flow('f', 0.5)),
    },
    {
      name: 'problem with no flow among the candidates',
      candidates: [article('a', 0.6), article('b', 0.4)],
      problem: true,
      expected: answer(article('a', 0.6)),
    },
    {
      name: 'a flow in reach but no problem: the clear article',
      candidates: [article('a', 0.7), flow('f', 0.45)],
      expected: answer(article('a', 0.7)),
    },

    // --- a question prefers a close article to a flow on top --------------------------------------
    {
      name: 'question: a close article beats a flow on top',
      candidates: [flow('f', 0.7), article('a', 0.6)],
      question: true,
      expected: answer(article('a', 0.6)),
    },
    {
      name: 'question that reports a problem: the flow stays',
      candidates: [flow('f', 0.7), article('a', 0.6)],
      question: true,
      problem: true,
      expected: startFlow(flow('f', 0.7)),
    },
    {
      name: 'question: the article is below answerAbove',
      candidates: [flow('f', 0.7), article('a', 0.45)],
      question: true,
      expected: startFlow(flow('f', 0.7)),
    },
    {
      name: 'question: the article is too far behind',
      candidates: [flow('f', 0.9), article('a', 0.6)],
      question: true,
      expected: startFlow(flow('f', 0.9)),
    },
    {
      name: 'question with an article on top',
      candidates: [article('a', 0.7), flow('f', 0.6)],
      question: true,
      expected: answer(article('a', 0.7)),
    },
    {
      name: 'statement with a flow on top, clear of the runner-up',
      candidates: [flow('f', 0.7), article('a', 0.6)],
      expected: startFlow(flow('f', 0.7)),
    },

    // --- certainAbove: answered whatever the runner-up --------------------------------------------
    {
      name: 'certain despite a close second',
      candidates: [article('a', 0.9), article('b', 0.88)],
      expected: answer(article('a', 0.9)),
    },
    {
      name: 'certain at exactly certainAbove, tied',
      candidates: [article('a', 0.75), article('b', 0.75)],
      expected: answer(article('a', 0.75)),
    },
    {
      name: 'a certain flow despite a close article',
      candidates: [flow('f', 0.8), article('a', 0.79)],
      expected: startFlow(flow('f', 0.8)),
    },

    // --- answerAbove: answered when clear of the runner-up by the margin ---------------------------
    { name: 'clear winner', candidates: [article('a', 0.7), article('b', 0.4)], expected: answer(article('a', 0.7)) },
    { name: 'alone at exactly answerAbove', candidates: [article('a', 0.5)], expected: answer(article('a', 0.5)) },
    {
      name: 'above answerAbove, ahead by more than the margin',
      candidates: [article('a', 0.6), article('b', 0.54)],
      expected: answer(article('a', 0.6)),
    },
    {
      name: 'above answerAbove, ahead by less than the margin',
      candidates: [article('a', 0.6), article('b', 0.56), article('c', 0.3)],
      expected: didYouMean(article('a', 0.6), article('b', 0.56)),
    },
    {
      name: 'near tie',
      candidates: [article('a', 0.6), article('b', 0.58), article('c', 0.5)],
      expected: didYouMean(article('a', 0.6), article('b', 0.58), article('c', 0.5)),
    },
    { name: 'alone below answerAbove', candidates: [article('a', 0.45)], expected: didYouMean(article('a', 0.45)) },

    // --- did-you-mean: no out-of-scope topics, at most maxSuggestions ------------------------------
    {
      name: 'did-you-mean never offers out-of-scope topics',
      candidates: [article('a', 0.6), outOfScope('x', 0.59), article('b', 0.58)],
      expected: didYouMean(article('a', 0.6), article('b', 0.58)),
    },
    {
      name: 'did-you-mean is capped at maxSuggestions',
      candidates: [article('a', 0.6), article('b', 0.59), article('c', 0.58), article('d', 0.57), article('e', 0.56)],
      expected: didYouMean(article('a', 0.6), article('b', 0.59), article('c', 0.58)),
    },
    {
      name: 'did-you-mean caps after leaving out out-of-scope topics',
      candidates: [
        article('a', 0.6),
        outOfScope('x', 0.59),
        article('b', 0.58),
        article('c', 0.57),
        article('d', 0.56),
      ],
      expected: didYouMean(article('a', 0.6), article('b', 0.58), article('c', 0.57)),
    },
    {
      name: 'did-you-mean offers a flow for a statement',
      candidates: [article('a', 0.6), flow('f', 0.58)],
      expected: didYouMean(article('a', 0.6), flow('f', 0.58)),
    },

    // --- previous misses: the second decline in a row is marked repeated ---------------------------
    { name: 'nothing, after a miss', candidates: [], misses: 1, expected: decline(true) },
    { name: 'weak, after two misses', candidates: [article('a', 0.2)], misses: 2, expected: decline(true) },
    { name: 'out of scope, after a miss', candidates: [outOfScope('x', 0.8)], misses: 1, expected: decline(true) },
    { name: 'lone weak match, after a miss', candidates: [article('a', 0.35)], misses: 1, expected: decline(true) },
    {
      name: 'an answer, whatever the misses before',
      candidates: [article('a', 0.9)],
      misses: 3,
      expected: answer(article('a', 0.9)),
    },
    {
      name: 'suggestions, whatever the misses before',
      candidates: [article('a', 0.6), article('b', 0.58)],
      misses: 1,
      expected: didYouMean(article('a', 0.6), article('b', 0.58)),
    },
  ])('$name', (row) => {
    expect(decide(row)).toEqual(row.expected);
  });
});

describe('route with a policy of its own', () => {
  it.each<Row & { readonly policy: Partial<RoutePolicy> }>([
    {
      name: 'maxSuggestions 1',
      policy: { maxSuggestions: 1 },
      candidates: [article('a', 0.6), article('b', 0.58)],
      expected: didYouMean(article('a', 0.6)),
    },
    {
      name: 'declineBelow 0.5 declines what the default would suggest',
      policy: { declineBelow: 0.5 },
      candidates: [article('a', 0.45)],
      expected: decline(),
    },
    {
      name: 'certainAbove 0.95 turns a close certain pair into suggestions',
      policy: { certainAbove: 0.95 },
      candidates: [article('a', 0.9), article('b', 0.88)],
      expected: didYouMean(article('a', 0.9), article('b', 0.88)),
    },
    {
      name: 'margin 0 answers a tie',
      policy: { margin: 0 },
      candidates: [article('a', 0.6), article('b', 0.6)],
      expected: answer(article('a', 0.6)),
    },
    {
      name: 'flowAbove 0.6 keeps a weaker flow from starting',
      policy: { flowAbove: 0.6 },
      candidates: [article('a', 0.6), flow('f', 0.5)],
      problem: true,
      expected: answer(article('a', 0.6)),
    },
    {
      name: 'suggestWithin 0.05 narrows the suggestions',
      policy: { suggestWithin: 0.05 },
      candidates: [article('a', 0.6), article('b', 0.58), article('c', 0.5)],
      expected: didYouMean(article('a', 0.6), article('b', 0.58)),
    },
    {
      name: 'suggestAbove 0.5 declines a lone match the default would suggest',
      policy: { suggestAbove: 0.5 },
      candidates: [article('a', 0.45)],
      expected: decline(),
    },
  ])('$name', (row) => {
    expect(decide(row, { ...defaultRoutePolicy, ...row.policy })).toEqual(row.expected);
  });
});
