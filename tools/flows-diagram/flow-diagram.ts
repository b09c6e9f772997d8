import type { Flow, FlowNode } from '../../src/content/flow-schema';

/** A Mermaid flowchart of one flow, so content owners can see its paths. */
export function flowDiagram(flow: Flow): string {
  const lines = ['flowchart TD'];
  const label = (id: string, node: FlowNode) => `${key(id)}${shape(node, `${node.kind}: ${id}${summary(node)}`)}`;
  lines.push(`  flow_start((start)) --> ${key(flow.start)}`);
  for (const [nodeId, node] of Object.entries(flow.nodes)) {
    const id = key(nodeId);
    lines.push(`  ${label(nodeId, node)}`);
    switch (node.kind) {
      case 'ask':
        for (const choice of node.choices) lines.push(`  ${id} -->|${escape(choice.label)}| ${key(choice.next)}`);
        break;
      case 'say':
      case 'date':
      case 'compute':
        lines.push(`  ${id} --> ${key(node.next)}`);
        break;
      case 'branch':
        for (const branchCase of node.cases)
          lines.push(`  ${id} -->|${escape(`${node.on} = ${branchCase.equals}`)}| ${key(branchCase.next)}`);
        lines.push(`  ${id} -->|otherwise| ${key(node.otherwise)}`);
        break;
      case 'end':
        if (node.confirm) lines.push(`  ${id} -.->|not solved| ${id}_helpdesk[[help desk]]`);
        break;
      case 'handoff':
        break;
    }
  }
  return lines.join('\n');
}

/** The whole docs/flows.md page: one diagram per flow, in id order. */
export function flowsPage(flows: Iterable<Flow>): string {
  const sections = [...flows]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map(
      (flow) =>
        `## ${flow.title} (\`${flow.id}\`)\n\n` +
        `Starts on: ${flow.triggers.map((trigger) => `"${trigger}"`).join(', ')}\n\n` +
        `\`\`\`mermaid\n${flowDiagram(flow)}\n\`\`\`\n`,
    );
  return (
    '# Troubleshooting flows\n\n' +
    'Generated from `dialogs/*.yaml` by `npm run flows:diagram`; do not edit by hand (a test fails when this page ' +
    `is stale).\n\n${sections.join('\n')}`
  );
}

/** Mermaid ids: no hyphens, and never a keyword such as `end`. */
export function key(nodeId: string): string {
  return `n_${nodeId.replace(/-/g, '_')}`;
}

function summary(node: FlowNode): string {
  switch (node.kind) {
    case 'say':
      return node.article ? ` (article ${node.article})` : '';
    case 'compute':
      return ` (${node.compute})`;
    case 'end':
      return ` (${node.outcome})`;
    default:
      return '';
  }
}

function shape(node: FlowNode, text: string): string {
  const safe = escape(text);
  switch (node.kind) {
    case 'ask':
    case 'date':
      return `{"${safe}"}`;
    case 'branch':
      return `{{"${safe}"}}`;
    case 'end':
    case 'handoff':
      return `(["${safe}"])`;
    default:
      return `["${safe}"]`;
  }
}

function escape(text: string): string {
  return text
    .replace(/"/g, "'")
    .replace(/[|<>{}[\]()]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
