import type { Flow, FlowNode } from '../content/flow-schema';
import type { Candidate } from '../matching/candidate';

/**
 * "It conks out when it wants my visa digits", asked where the registration stops: no answer's
 * words, but the knowledge base reads it as the answer about credit cards, and only one of the
 * question's answers leads to that answer. That answer is what the user means.
 *
 * Returns the choice of the ask node `nodeId` whose steps, followed to the flow's end, show
 * `articleId`, when exactly one choice's do; otherwise undefined (no choice, or several: the
 * article says nothing about which).
 */
export function choiceLeadingTo(flow: Flow, nodeId: string, articleId: string): string | undefined {
  const node = flow.nodes[nodeId];
  if (node?.kind !== 'ask') return undefined;
  const reached = articlesByChoice(flow, nodeId);
  const leading = node.choices.filter((choice) => reached.get(choice.id)?.has(articleId));
  return leading.length === 1 ? leading[0].id : undefined;
}

/**
 * The question's answer that a reply's readings (best first) lead to: of those good enough to
 * suggest (`floor`), the first article only one answer leads to.
 */
export function choiceByReading(
  flow: Flow,
  nodeId: string,
  readings: readonly Candidate[],
  floor: number,
): string | undefined {
  for (const reading of readings) {
    if (reading.score < floor) break;
    const choice = reading.kind === 'article' ? choiceLeadingTo(flow, nodeId, reading.id) : undefined;
    if (choice) return choice;
  }
  return undefined;
}

/**
 * "Which ones even count?", asked at "What's going wrong with the financial account?": the
 * choice whose next step shows `articleId` first, straight away (before another question), when
 * exactly one does and it records nothing about the user. Taking it answers the question and
 * moves the flow on, so the same question does not come back after the answer.
 */
export function choiceShowingNext(flow: Flow, nodeId: string, articleId: string): string | undefined {
  const node = flow.nodes[nodeId];
  if (node?.kind !== 'ask') return undefined;
  // Only a choice that records nothing about the user ("triedOnline"): a question tells none.
  const showing = node.choices.filter(
    (choice) => Object.keys(choice.set ?? {}).length === 0 && firstShown(flow, choice.next, nodeId) === articleId,
  );
  return showing.length === 1 ? showing[0].id : undefined;
}

/** The first article shown from `start`, straight on, before a question or an ending. */
function firstShown(flow: Flow, start: string, asked: string): string | undefined {
  const seen = new Set<string>([asked]);
  for (let id: string | undefined = start; id !== undefined && !seen.has(id);) {
    seen.add(id);
    const node: FlowNode | undefined = flow.nodes[id];
    if (node?.kind === 'say') {
      if (node.article) return node.article;
      id = node.next;
    } else id = node?.kind === 'compute' ? node.next : undefined;
  }
  return undefined;
}

/** Per flow and ask node: the articles each choice's steps show. Flows are content: worked out once. */
const cache = new WeakMap<Flow, Map<string, Map<string, ReadonlySet<string>>>>();

function articlesByChoice(flow: Flow, nodeId: string): Map<string, ReadonlySet<string>> {
  const byNode = cache.get(flow) ?? new Map<string, Map<string, ReadonlySet<string>>>();
  cache.set(flow, byNode);
  const known = byNode.get(nodeId);
  if (known) return known;
  const node = flow.nodes[nodeId];
  const byChoice = new Map<string, ReadonlySet<string>>();
  if (node?.kind === 'ask') {
    for (const choice of node.choices) byChoice.set(choice.id, articlesFrom(flow, choice.next, nodeId));
  }
  byNode.set(nodeId, byChoice);
  return byChoice;
}

/** The articles shown on a path from `start`, not passing back through the question asked. */
function articlesFrom(flow: Flow, start: string, asked: string): ReadonlySet<string> {
  const articles = new Set<string>();
  const seen = new Set<string>([asked]);
  const waiting = [start];
  for (let id = waiting.pop(); id !== undefined; id = waiting.pop()) {
    const node = flow.nodes[id];
    if (seen.has(id) || !node) continue;
    seen.add(id);
    if (node.kind === 'say' && node.article) articles.add(node.article);
    waiting.push(...nextOf(node));
  }
  return articles;
}

function nextOf(node: FlowNode): string[] {
  switch (node.kind) {
    case 'ask':
      return node.choices.map((choice) => choice.next);
    case 'branch':
      return [...node.cases.map((entry) => entry.next), node.otherwise];
    case 'say':
    case 'date':
    case 'compute':
      return [node.next];
    default:
      return [];
  }
}
