import type { Choice, ChoiceValue } from '../../../src/reply/reply';
import { realContent } from '../../support/content';
import { everyReply } from './every-reply';

/**
 * Button labels fit a phone and a Teams card: at most 40 characters. The renderer never cuts a
 * label (a cut label can say something else), so a long one is a content problem, reported here
 * by where it comes from.
 */

const MAX_LABEL = 40;
const content = realContent();

function sourceOf(value: ChoiceValue): string {
  switch (value.action) {
    case 'article':
      return `the label of article ${value.id}`;
    case 'start-flow':
      return `texts.flowOffer with the title of flow ${value.id}`;
    case 'flow-answer':
      return `flow ${value.flowId}, question ${value.nodeId}, choice ${value.choiceId}`;
    default:
      return `the "${value.action}" button`;
  }
}

const labels = new Map<string, string>();
const add = (choice: Choice) => labels.set(sourceOf(choice.value), choice.label);
for (const { reply } of everyReply(content)) for (const message of reply) message.choices?.forEach(add);

describe(`every button label is at most ${MAX_LABEL} characters`, () => {
  const rows = [...labels].sort(([a], [b]) => a.localeCompare(b));
  it.each(rows)('%s: "%s"', (_source, label) => {
    expect(label.length).toBeLessThanOrEqual(MAX_LABEL);
  });

  it('covers every article, every flow question and every flow offer', () => {
    const sources = [...labels.keys()];
    for (const id of content.articles.keys()) expect(sources).toContain(`the label of article ${id}`);
    for (const flow of content.flows.values()) {
      expect(sources).toContain(`texts.flowOffer with the title of flow ${flow.id}`);
      for (const [nodeId, node] of Object.entries(flow.nodes)) {
        if (node.kind !== 'ask') continue;
        for (const choice of node.choices)
          expect(sources).toContain(`flow ${flow.id}, question ${nodeId}, choice ${choice.id}`);
      }
    }
  });
});
