import type { Candidate } from '../../../src/matching/candidate';
import { defaultRoutePolicy, route, type RouteDecision, type RoutePolicy } from '../../../src/matching/router';

/**
 * route(input, policy): what to do with a message, from the ranked candidates alone. Each row:
 * candidates (best first) and what the message reads as -> the whole decision. The rows use a
 * policy of round numbers of their own, so retuning the default (`npm run eval`) changes no row;
 * the default is checked separately for being a sane ladder.
 */
const policy: RoutePolicy = {
  declineBelow: 0.2,
  answerAbove: 0.2,
  margin: 0.05,
  certainAbove: 0.6,
  flowAbove: 0.25,
  suggestAbove: 0.3,
  suggestWithin: 0.15,
  maxSuggestions: 3,
  specificAbove: 0.5,
  specificMargin: 0.1,
  twoAnswersAbove: 0.4,
  answerNearTies: true,
};

const article = (id: string, score: number): Candidate => ({ id, kind: 'article', score });
const flow = (id: string, score: number): Candidate => ({ id, kind: 'flow', score });
const outOfScope = (id: string, score: number): Candidate => ({ id, kind: 'out-of-scope', score });

const decline = (repeated = false): RouteDecision => ({ kind: 'decline', repeated });
const answer = (candidate: Candidate, offerFlow?: string): RouteDecision => ({
  kind: 'answer',
  articleId: candidate.id,
  score: candidate.score,
  ...(offerFlow ? { offerFlow } : {}),
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
  /** Pairs of ids that are the same topic (one lists the other as related). */
  readonly related?: ReadonlyArray<readonly [string, string]>;
  readonly expected: RouteDecision;
}

const decide = (row: Row, own: RoutePolicy = policy) =>
  route(
    {
      candidates: row.candidates,
      describesProblem: row.problem ?? false,
      isQuestion: row.question,
      previousMisses: row.misses ?? 0,
      related: (a, b) => (row.related ?? []).some(([x, y]) => (x === a && y === b) || (x === b && y === a)),
    },
    own,
  );

describe('the default policy', () => {
  it('is a ladder: decline floor <= answer floor <= suggestions <= certain, and a margin between', () => {
    const p = defaultRoutePolicy;
    expect(p.declineBelow).toBeLessThanOrEqual(p.answerAbove);
    expect(p.answerAbove).toBeLessThanOrEqual(p.suggestAbove);
    expect(p.suggestAbove).toBeLessThan(p.certainAbove);
    expect(p.margin).toBeGreaterThan(0);
    expect(p.maxSuggestions).toBeGreaterThanOrEqual(2);
    expect(p.specificAbove).toBeGreaterThan(p.answerAbove);
  });

  it('is what route() uses when given none', () => {
    const candidates = [article('a', defaultRoutePolicy.declineBelow / 2)];
    expect(route({ candidates, describesProblem: false, previousMisses: 0 })).toEqual(decline());
  });
});

describe('route', () => {
  it.each<Row>([
    // --- decline only what is out of scope or says too little --------------------------------
    { name: 'no candidates', candidates: [], expected: decline() },
    { name: 'best below the floor', candidates: [article('a', 0.19)], expected: decline() },
    { name: 'a weak flow for a problem report', candidates: [flow('f', 0.15)], problem: true, expected: decline() },
    { name: 'out of scope on top', candidates: [outOfScope('x', 0.8), article('a', 0.5)], expected: decline() },
    {
      name: 'out of scope on top of a question',
      candidates: [outOfScope('x', 0.6), article('a', 0.55)],
      question: true,
      expected: decline(),
    },

    // --- answer the best when it is clearly best -------------------------------------------------
    {
      name: 'a lone weak match is answered, not put in a menu',
      candidates: [article('a', 0.25)],
      expected: answer(article('a', 0.25)),
    },
    {
      name: 'clear of the runner-up',
      candidates: [article('a', 0.5), article('b', 0.44)],
      expected: answer(article('a', 0.5)),
    },
    {
      name: 'certain, whatever the runner-up',
      candidates: [article('a', 0.7), article('b', 0.69)],
      expected: answer(article('a', 0.7)),
    },
    {
      name: 'a close runner-up below suggestAbove is no rival',
      candidates: [article('a', 0.32), article('b', 0.29)],
      expected: answer(article('a', 0.32)),
    },
    {
      name: 'a close runner-up on the same topic (related) is no rival',
      candidates: [article('a', 0.5), article('b', 0.49)],
      related: [['a', 'b']],
      expected: answer(article('a', 0.5)),
    },
    {
      name: 'out of scope second does not stop an answer',
      candidates: [article('a', 0.5), outOfScope('x', 0.49)],
      expected: answer(article('a', 0.5)),
    },

    // --- a menu only when two different topics are genuinely close ---------------------------------
    {
      name: 'near tie of different topics',
      candidates: [article('a', 0.5), article('b', 0.48), article('c', 0.3)],
      expected: didYouMean(article('a', 0.5), article('b', 0.48)),
    },
    {
      name: 'the menu never offers out-of-scope topics',
      candidates: [article('a', 0.5), outOfScope('x', 0.49), article('b', 0.48)],
      expected: didYouMean(article('a', 0.5), article('b', 0.48)),
    },
    {
      name: 'the menu is capped at maxSuggestions',
      candidates: [article('a', 0.5), article('b', 0.49), article('c', 0.48), article('d', 0.47)],
      expected: didYouMean(article('a', 0.5), article('b', 0.49), article('c', 0.48)),
    },
    {
      name: 'a related rival leaves the menu, an unrelated one stays',
      candidates: [article('a', 0.5), article('b', 0.49), article('c', 0.48)],
      related: [['a', 'b']],
      expected: didYouMean(article('a', 0.5), article('c', 0.48)),
    },
    {
      name: 'a statement with a close flow and article (no problem) is a menu',
      candidates: [article('a', 0.5), flow('f', 0.48)],
      expected: didYouMean(article('a', 0.5), flow('f', 0.48)),
    },

    // --- problems: a specific answer first, else the flow -----------------------------------------
    {
      name: 'a general problem starts the flow in reach',
      candidates: [article('a', 0.45), flow('f', 0.4)],
      problem: true,
      expected: startFlow(flow('f', 0.4)),
    },
    {
      name: 'a specific problem gets its answer, the flow offered after it',
      candidates: [article('a', 0.55), flow('f', 0.3)],
      problem: true,
      expected: answer(article('a', 0.55), 'f'),
    },
    {
      name: 'specific but the flow too close: the flow',
      candidates: [article('a', 0.55), flow('f', 0.5)],
      problem: true,
      expected: startFlow(flow('f', 0.5)),
    },
    {
      name: 'specific, no flow in reach: the answer alone',
      candidates: [article('a', 0.55), flow('f', 0.2)],
      problem: true,
      expected: answer(article('a', 0.55)),
    },
    {
      name: 'a flow too far behind the best: the best answered',
      candidates: [article('a', 0.45), flow('f', 0.28)],
      problem: true,
      expected: answer(article('a', 0.45)),
    },
    {
      name: 'a problem with a close flow below flowAbove: no flow',
      candidates: [article('a', 0.3), flow('f', 0.24)],
      problem: true,
      expected: answer(article('a', 0.3)),
    },
    {
      name: 'a problem whose close readings include a flow: the flow, not a menu',
      candidates: [article('a', 0.45), article('b', 0.44), flow('f', 0.43)],
      problem: true,
      expected: startFlow(flow('f', 0.43)),
    },

    // --- a plain question wants an answer, not a guided flow ------------------------------------
    {
      name: 'a question with a flow on top and a good article close behind',
      candidates: [flow('f', 0.5), article('a', 0.4)],
      question: true,
      expected: answer(article('a', 0.4)),
    },
    {
      name: 'a statement with a flow on top',
      candidates: [flow('f', 0.5), article('a', 0.4)],
      expected: startFlow(flow('f', 0.5)),
    },

    // --- previous misses: the second decline in a row is marked repeated ---------------------------
    { name: 'nothing, after a miss', candidates: [], misses: 1, expected: decline(true) },
    { name: 'out of scope, after a miss', candidates: [outOfScope('x', 0.8)], misses: 1, expected: decline(true) },
    {
      name: 'an answer, whatever the misses before',
      candidates: [article('a', 0.9)],
      misses: 3,
      expected: answer(article('a', 0.9)),
    },
  ])('$name', (row) => {
    expect(decide(row)).toEqual(row.expected);
  });
});

describe('route with a policy of its own', () => {
  it.each<Row & { readonly own: Partial<RoutePolicy> }>([
    {
      name: 'maxSuggestions 1 leaves one option, which is an answer',
      own: { maxSuggestions: 1 },
      candidates: [article('a', 0.5), article('b', 0.48)],
      expected: didYouMean(article('a', 0.5)),
    },
    {
      name: 'declineBelow 0.5 declines what the default would answer',
      own: { declineBelow: 0.5 },
      candidates: [article('a', 0.45)],
      expected: decline(),
    },
    {
      name: 'certainAbove 0.95 turns a close certain pair into a menu',
      own: { certainAbove: 0.95 },
      candidates: [article('a', 0.9), article('b', 0.88)],
      expected: didYouMean(article('a', 0.9), article('b', 0.88)),
    },
    {
      name: 'margin 0 answers a tie',
      own: { margin: 0 },
      candidates: [article('a', 0.5), article('b', 0.5)],
      expected: answer(article('a', 0.5)),
    },
    {
      name: 'flowAbove 0.6 keeps a weaker flow from starting',
      own: { flowAbove: 0.6 },
      candidates: [article('a', 0.45), flow('f', 0.35)],
      problem: true,
      expected: answer(article('a', 0.45)),
    },
  ])('$name', (row) => {
    expect(decide(row, { ...policy, ...row.own })).toEqual(row.expected);
  });
});
