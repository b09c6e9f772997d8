import type { Flow } from '../content/flow-schema';

/**
 * The choice of the ask node `nodeId` that leads straight to the desk's card ("Show me the e-Help
 * Desk line"), when one does: asking for the number there ("what number?") is taking it.
 */
export function deskChoice(flow: Flow, nodeId: string): string | undefined {
  const node = flow.nodes[nodeId];
  if (node?.kind !== 'ask') return undefined;
  return node.choices.find((choice) => flow.nodes[choice.next]?.kind === 'handoff')?.id;
}
