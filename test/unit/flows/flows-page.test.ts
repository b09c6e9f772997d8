import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { flowDiagram, flowsPage, key } from '../../../tools/flows-diagram/flow-diagram';
import { realContent } from '../../support/content';
import { PROJECT_ROOT } from '../../support/paths';

describe('docs/flows.md', () => {
  it('is current: regenerate it with `npm run flows:diagram` after changing dialogs/', () => {
    const onDisk = readFileSync(join(PROJECT_ROOT, 'docs', 'flows.md'), 'utf8');
    expect(onDisk).toBe(flowsPage(realContent().flows.values()));
  });

  it('draws every node and every choice of every flow', () => {
    for (const flow of realContent().flows.values()) {
      const diagram = flowDiagram(flow);
      for (const id of Object.keys(flow.nodes)) expect(diagram).toContain(`  ${key(id)}`);
      for (const node of Object.values(flow.nodes)) {
        if (node.kind === 'ask') for (const choice of node.choices) expect(diagram).toContain(`| ${key(choice.next)}`);
      }
    }
  });
});
