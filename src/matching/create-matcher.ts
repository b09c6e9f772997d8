import type { Content } from '../content/load-content';
import { knowledgeDocuments } from './knowledge-documents';
import { Matcher } from './matcher';
import { createNormalizer } from './normalizer';

/** The matcher over all content: articles, flows and out-of-scope topics, and how people asked for them. */
export function createMatcher(content: Content): Matcher {
  return new Matcher(
    knowledgeDocuments(content.articles.values(), content.outOfScope, content.flows.values()),
    createNormalizer(content.synonyms),
    {},
    content.wordings,
  );
}
