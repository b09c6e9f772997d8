import fc from 'fast-check';
import type { Content } from '../../src/content/load-content';
import { createMatcher } from '../../src/matching/create-matcher';
import type { Matcher } from '../../src/matching/matcher';
import type { Candidate, DocumentKind } from '../../src/matching/candidate';
import { defaultRoutePolicy, route, type RouteDecision } from '../../src/matching/router';
import { parseChoiceValue } from '../../src/reply/choice-value';
import { anyJson, choiceValueLike, userText, type Json } from './arbitraries';
import { FuzzFailure, prototypeProblems } from './oracles';

/*
 * Properties of the pure code, called directly with arbitrary input: the matcher, the router and
 * the button-value parser (the date parser, choice matching and the flow engine are in
 * flow-properties.ts).
 */

/** What the pure properties need: the content and a matcher over it. */
export interface PureEnv {
  readonly content: Content;
  readonly matcher: Matcher;
  /** Time each text step may take on a long input; `npm run fuzz` sets it, the test suite does not time. */
  readonly timeBudgetMs: number;
}

export function pureEnv(content: Content, timeBudgetMs = Number.POSITIVE_INFINITY): PureEnv {
  return { content, matcher: createMatcher(content), timeBudgetMs };
}

const KINDS: readonly DocumentKind[] = ['article', 'flow', 'out-of-scope'];

/** matcher.rank(any text, limit) never throws; ≤ limit candidates, known ids, scores in [0,1], best first. */
export function matcherProperty(env: PureEnv): fc.IPropertyWithHooks<[string, number | undefined]> {
  const known = new Map<string, DocumentKind>();
  for (const id of env.content.articles.keys()) known.set(`article:${id}`, 'article');
  for (const id of env.content.flows.keys()) known.set(`flow:${id}`, 'flow');
  return fc.property(userText, fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }), (text, limit) => {
    const ranked = limit === undefined ? env.matcher.rank(text) : env.matcher.rank(text, limit);
    const max = limit ?? 5;
    const problems: string[] = [];
    if (ranked.length > max) problems.push(`${ranked.length} candidates for a limit of ${max}`);
    ranked.forEach((candidate, index) => {
      if (!Number.isFinite(candidate.score) || candidate.score < 0 || candidate.score > 1)
        problems.push(`score ${candidate.score} out of [0,1]`);
      if (index > 0 && candidate.score > ranked[index - 1].score) problems.push('candidates not sorted best first');
      if (!KINDS.includes(candidate.kind)) problems.push(`unknown kind ${candidate.kind}`);
      if (candidate.kind !== 'out-of-scope' && !known.has(`${candidate.kind}:${candidate.id}`))
        problems.push(`unknown ${candidate.kind} ${candidate.id}`);
    });
    if (new Set(ranked.map((candidate) => `${candidate.kind}:${candidate.id}`)).size !== ranked.length)
      problems.push('a document ranked twice');
    const again = limit === undefined ? env.matcher.rank(text) : env.matcher.rank(text, limit);
    if (JSON.stringify(again) !== JSON.stringify(ranked))
      problems.push('ranking the same text twice gave different answers');
    if (problems.length > 0) throw new FuzzFailure(problems);
  });
}

const candidateArb = (ids: readonly string[]): fc.Arbitrary<Candidate> =>
  fc.record({
    id: fc.oneof(fc.constantFrom(...ids), fc.string({ maxLength: 10 })),
    kind: fc.constantFrom<DocumentKind>(...KINDS),
    score: fc.double({ min: 0, max: 1, noNaN: true }),
  });

/** route() of any candidate list (sorted or not, or the matcher's) returns a well-formed decision. */
export function routerProperty(
  env: PureEnv,
): fc.IPropertyWithHooks<[Candidate[], boolean, boolean | undefined, number]> {
  const ids = [...env.content.articles.keys(), ...env.content.flows.keys()];
  const candidates = fc.oneof(
    fc.array(candidateArb(ids), { maxLength: 8 }),
    fc.array(candidateArb(ids), { maxLength: 8 }).map((list) => [...list].sort((a, b) => b.score - a.score)),
    userText.map((text) => env.matcher.rank(text)),
  );
  return fc.property(
    candidates,
    fc.boolean(),
    fc.option(fc.boolean(), { nil: undefined }),
    fc.integer({ min: 0, max: 10 }),
    (list, describesProblem, isQuestion, previousMisses) => {
      const input = { candidates: list, describesProblem, isQuestion, previousMisses };
      const decision = route(input);
      const problems = decisionProblems(decision, list, previousMisses);
      if (JSON.stringify(route(input)) !== JSON.stringify(decision)) problems.push('route() is not deterministic');
      if (problems.length > 0) throw new FuzzFailure([...problems, `decision: ${JSON.stringify(decision)}`]);
    },
  );
}

function decisionProblems(decision: RouteDecision, candidates: readonly Candidate[], previousMisses: number): string[] {
  const problems: string[] = [];
  const has = (id: string, kind: DocumentKind) =>
    candidates.some((candidate) => candidate.id === id && candidate.kind === kind);
  switch (decision.kind) {
    case 'answer':
      if (!has(decision.articleId, 'article'))
        problems.push(`answers ${decision.articleId}, not an article among the candidates`);
      if (!(decision.score >= defaultRoutePolicy.answerAbove)) problems.push(`answers with score ${decision.score}`);
      break;
    case 'flow':
      if (!has(decision.flowId, 'flow')) problems.push(`starts ${decision.flowId}, not a flow among the candidates`);
      if (!(decision.score >= defaultRoutePolicy.flowAbove))
        problems.push(`starts a flow with score ${decision.score}`);
      break;
    case 'did-you-mean':
      if (decision.options.length === 0) problems.push('did-you-mean without options');
      if (decision.options.length > defaultRoutePolicy.maxSuggestions)
        problems.push(`${decision.options.length} suggestions`);
      for (const option of decision.options) {
        if (option.kind === 'out-of-scope') problems.push('suggests an out-of-scope topic');
        if (!candidates.includes(option)) problems.push(`suggests ${option.id}, not a candidate`);
      }
      break;
    case 'decline':
      if (decision.repeated !== previousMisses >= 1)
        problems.push(`repeated=${decision.repeated} after ${previousMisses} misses`);
      break;
    default:
      problems.push(`unknown decision ${JSON.stringify(decision)}`);
  }
  return problems;
}

/** parseChoiceValue(any JSON) never throws; it returns undefined or a known action with only its fields. */
export function parseChoiceValueProperty(): fc.IPropertyWithHooks<[Json]> {
  const fields: Record<string, string[]> = {
    article: ['action', 'id'],
    'none-of-these': ['action'],
    helpdesk: ['action'],
    'start-flow': ['action', 'id'],
    'flow-answer': ['action', 'flowId', 'nodeId', 'choiceId'],
  };
  return fc.property(fc.oneof(anyJson, choiceValueLike, fc.anything()), (value) => {
    const parsed = parseChoiceValue(value);
    const polluted = prototypeProblems();
    if (polluted.length > 0) throw new FuzzFailure(polluted);
    if (parsed === undefined) return;
    const allowed = fields[parsed.action];
    if (!allowed) throw new FuzzFailure([`unknown action ${JSON.stringify(parsed.action)}`]);
    const extra = Object.keys(parsed).filter((key) => !allowed.includes(key));
    if (extra.length > 0) throw new FuzzFailure([`kept fields ${extra.join(', ')}`]);
    for (const key of allowed)
      if (typeof (parsed as Record<string, unknown>)[key] !== 'string')
        throw new FuzzFailure([`${key} is not a string`]);
  });
}
