import type { Content } from '../content/load-content';
import { knowledgeDocuments } from './knowledge-documents';
import { Matcher } from './matcher';
import { englishWords } from './english-words';
import { createNormalizer, rawWords } from './normalizer';

/** The matcher over all content: articles, flows and out-of-scope topics, and how people asked for them. */
export function createMatcher(content: Content): Matcher {
  const english = englishWords();
  // "Texas", "Tucson": the places people name for their time zone are no typos either.
  const places = new Set(content.timeZones.zones.flatMap((zone) => [...zone.names, ...zone.regions].flatMap(rawWords)));
  return new Matcher(
    knowledgeDocuments(content.articles.values(), content.outOfScope, content.flows.values()),
    createNormalizer(content.synonyms),
    {},
    content.wordings,
    (word) => english.has(word) || places.has(word),
  );
}
