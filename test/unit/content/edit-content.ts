import type { Flow, FlowNode } from '../../../src/content/flow-schema';
import type { Content } from '../../../src/content/load-content';
import type { Article, Source } from '../../../src/content/schemas';
import type { Texts } from '../../../src/content/texts-schema';
import type { Helpdesk } from '../../../src/content/helpdesk-schema';

/** A copy of the content with one part changed, in memory: the review rules are pure over it. */
export const edit = {
  article(content: Content, id: string, change: Partial<Article>): Content {
    const article = content.articles.get(id);
    if (!article) throw new Error(`no article ${id}`);
    return { ...content, articles: new Map(content.articles).set(id, { ...article, ...change }) };
  },
  node(content: Content, flowId: string, nodeId: string, change: Record<string, unknown>): Content {
    const flow = content.flows.get(flowId);
    const node = flow?.nodes[nodeId];
    if (!flow || !node) throw new Error(`no node ${flowId}/${nodeId}`);
    const changed = { ...node, ...change } as FlowNode;
    return {
      ...content,
      flows: new Map(content.flows).set(flowId, { ...flow, nodes: { ...flow.nodes, [nodeId]: changed } }),
    };
  },
  flow(content: Content, flowId: string, change: Partial<Flow>): Content {
    const flow = content.flows.get(flowId);
    if (!flow) throw new Error(`no flow ${flowId}`);
    return { ...content, flows: new Map(content.flows).set(flowId, { ...flow, ...change }) };
  },
  texts(content: Content, change: Partial<Texts>): Content {
    return { ...content, texts: { ...content.texts, ...change } };
  },
  helpdesk(content: Content, change: Partial<Helpdesk>): Content {
    return { ...content, helpdesk: { ...content.helpdesk, ...change } };
  },
  templates(content: Content, change: Partial<Helpdesk['templates']>): Content {
    return edit.helpdesk(content, { templates: { ...content.helpdesk.templates, ...change } });
  },
  source(content: Content, source: Source): Content {
    return { ...content, sources: new Map(content.sources).set(source.id, source) };
  },
};
