import type { ContentProblem } from './content-error';
import type { Flow, FlowNode } from './flow-schema';

/** What a flow may refer to outside itself. */
export interface FlowReferences {
  readonly articleIds: ReadonlySet<string>;
  readonly computations: ReadonlySet<string>;
}

/** The nodes a node can lead to. */
function successors(node: FlowNode): string[] {
  switch (node.kind) {
    case 'ask':
      return node.choices.map((choice) => choice.next);
    case 'say':
    case 'date':
    case 'compute':
      return [node.next];
    case 'branch':
      return [...node.cases.map((branchCase) => branchCase.next), node.otherwise];
    case 'handoff':
    case 'end':
      return [];
  }
}

/**
 * Checks a flow as a graph: every `next` and article resolves, every node is reachable from
 * the start, and from every node an ending can be reached (so there is no dead end and no
 * loop without an exit). Problems name the file and the node.
 */
export function checkFlow(flow: Flow, file: string, references: FlowReferences): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const ids = new Set(Object.keys(flow.nodes));
  if (!ids.has(flow.start)) problems.push({ file, path: 'start', message: `unknown node "${flow.start}"` });

  for (const [id, node] of Object.entries(flow.nodes)) {
    const at = `nodes.${id}`;
    for (const next of successors(node)) {
      if (!ids.has(next)) problems.push({ file, path: at, message: `leads to unknown node "${next}"` });
    }
    if (node.kind === 'say' && node.article && !references.articleIds.has(node.article)) {
      problems.push({ file, path: `${at}.article`, message: `unknown article "${node.article}"` });
    }
    if (node.kind === 'compute' && !references.computations.has(node.compute)) {
      problems.push({ file, path: `${at}.compute`, message: `unknown computation "${node.compute}"` });
    }
    if (node.kind === 'ask') {
      const seen = new Set<string>();
      node.choices.forEach((choice, index) => {
        if (seen.has(choice.id))
          problems.push({ file, path: `${at}.choices[${index}].id`, message: `duplicate choice "${choice.id}"` });
        seen.add(choice.id);
      });
    }
  }
  if (problems.length > 0) return problems;

  const reachable = reach([flow.start], (id) => successors(flow.nodes[id]));
  for (const id of ids) {
    if (!reachable.has(id)) problems.push({ file, path: `nodes.${id}`, message: 'cannot be reached from the start' });
  }

  // Walk backwards from the endings: a node not reached this way can never finish.
  const predecessors = new Map<string, string[]>();
  for (const [id, node] of Object.entries(flow.nodes)) {
    for (const next of successors(node)) predecessors.set(next, [...(predecessors.get(next) ?? []), id]);
  }
  const endings = Object.entries(flow.nodes)
    .filter(([, node]) => node.kind === 'end' || node.kind === 'handoff')
    .map(([id]) => id);
  const canFinish = reach(endings, (id) => predecessors.get(id) ?? []);
  for (const id of reachable) {
    if (!canFinish.has(id)) {
      problems.push({
        file,
        path: `nodes.${id}`,
        message: 'never reaches an end or handoff (a dead end or a loop with no exit)',
      });
    }
  }
  return problems;
}

function reach(from: readonly string[], next: (id: string) => readonly string[]): Set<string> {
  const seen = new Set<string>(from);
  const queue = [...from];
  while (queue.length > 0) {
    const id = queue.pop()!;
    for (const following of next(id)) {
      if (!seen.has(following)) {
        seen.add(following);
        queue.push(following);
      }
    }
  }
  return seen;
}
