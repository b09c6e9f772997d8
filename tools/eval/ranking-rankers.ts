import MiniSearch, { type SearchOptions } from 'minisearch';
import type { Content } from '../../src/content/load-content';
import { createMatcher } from '../../src/matching/create-matcher';
import { createLanguage } from '../../src/matching/create-language';

/**
 * The rankers compared by `npm run eval:ranking`: the project's Matcher (articles among all it
 * ranks) and MiniSearch's BM25 over the same documents (each article's title and questions).
 */

/** Article ids for a question, best first. */
export type Ranker = (question: string) => string[];

export interface NamedRanker {
  readonly name: string;
  readonly rank: Ranker;
}

/**
 * The project's matcher over all its content; flows and out-of-scope topics are skipped over.
 * `learned`: with the lift people's wordings give a question read on its own.
 */
export function matcherRanker(content: Content, learned = false): Ranker {
  const matcher = createMatcher(content);
  const everything = content.articles.size + content.flows.size + content.outOfScope.topics.length;
  return (question) =>
    matcher
      .rank(question, everything, undefined, learned)
      .filter((candidate) => candidate.kind === 'article')
      .map((candidate) => candidate.id);
}

/**
 * MiniSearch (BM25) over the articles: fields `title` and `questions`, its default options
 * otherwise. `search` picks the search options (default: exact terms, no prefix, no fuzzy).
 */
export function bm25Ranker(content: Content, search: SearchOptions = {}): Ranker {
  const index = new MiniSearch<{ id: string; title: string; questions: string }>({ fields: ['title', 'questions'] });
  index.addAll(
    [...content.articles.values()].map((article) => ({
      id: article.id,
      title: article.title,
      questions: article.questions.join('\n'),
    })),
  );
  return (question) => index.search(question, search).map((result) => String(result.id));
}

/**
 * The bot's own first reading of a question: a kind of question it reads whole (routing's
 * question kinds, or whether the requirement applies to the asker) names its article first,
 * then the matcher's order (with what people's wordings teach, as for a question on its own).
 * Flows, calling and small talk, which come before in a turn, are left out: this compares
 * rankings of articles.
 */
export function readerRanker(content: Content, learned = true): Ranker {
  const matched = matcherRanker(content, learned);
  const language = createLanguage(content.routing, content.intents, content.synonyms);
  return (question) => {
    const named = language.asksIfItApplies(question)
      ? content.texts.whoMustRegisterTopic
      : language.questionKindArticle(question);
    const ranked = matched(question);
    return named ? [named, ...ranked.filter((id) => id !== named)] : ranked;
  };
}

/**
 * Ours (the matcher; with the readers of whole kinds of question; and with what people's wordings
 * teach) and the two baselines.
 */
export function rankers(content: Content): NamedRanker[] {
  return [
    { name: 'matcher', rank: matcherRanker(content) },
    { name: 'matcher + question kinds', rank: readerRanker(content, false) },
    { name: '+ learned wordings', rank: readerRanker(content) },
    { name: 'bm25', rank: bm25Ranker(content) },
    { name: 'bm25 fuzzy 0.2 + prefix', rank: bm25Ranker(content, { fuzzy: 0.2, prefix: true }) },
  ];
}
