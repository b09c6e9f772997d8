import type { Article, OutOfScope } from '../content/schemas';
import type { MatchDocument } from './candidate';

/** A flow as the matcher sees it: its id and the phrases that start it. */
export interface FlowTriggers {
  readonly id: string;
  readonly triggers: readonly string[];
}

/** Everything the matcher ranks: articles (questions and title), flows, out-of-scope topics. */
export function knowledgeDocuments(
  articles: Iterable<Article>,
  outOfScope: OutOfScope,
  flows: Iterable<FlowTriggers> = [],
): MatchDocument[] {
  const documents: MatchDocument[] = [];
  for (const article of articles) {
    documents.push({
      id: article.id,
      kind: 'article',
      phrases: [article.title, article.label, ...article.questions],
      // With the yes or no it opens with to a question asked as its label asks.
      body: article.verdict ? `${article.verdict.asked} ${article.answer}` : article.answer,
    });
  }
  for (const flow of flows) documents.push({ id: flow.id, kind: 'flow', phrases: flow.triggers });
  for (const topic of outOfScope.topics)
    documents.push({ id: topic.id, kind: 'out-of-scope', phrases: topic.examples });
  return documents;
}
