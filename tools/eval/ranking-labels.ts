import type { DateTime } from 'luxon';
import type { Content } from '../../src/content/load-content';
import type { Article } from '../../src/content/schemas';
import { sourcesLine } from '../../src/content/sources-line';
import { expand } from './clock-patterns';
import { DEFAULT_ZONE } from './eval-clock';
import { fileVersion, type EvalSet, type QuestionCase } from './eval-files';
import { pySearch } from './py-regex';
import { stripSaid, visible } from './reply-view';

/**
 * Ground truth for ranking, derived rather than hand-labelled: for a single-message `answer`
 * case, the acceptable articles are those whose own reply (the answer and its sources line, as
 * articleReply renders the text) has every one of the case's `facts` and none of its `not_facts`,
 * read as the judge reads a reply to that case (for version 2 files without link targets, and
 * without the user's own words). Cases no article satisfies (small talk, time questions, two
 * questions in one, pasted numbers) are left out.
 */

export interface LabelledCase {
  readonly index: number;
  readonly id: unknown;
  /** The message as sent (clock placeholders filled in). */
  readonly say: string;
  /** Acceptable article ids, sorted. */
  readonly expected: readonly string[];
}

export interface Labels {
  readonly used: readonly LabelledCase[];
  /** Answer cases no article satisfies. */
  readonly leftOut: readonly { readonly index: number; readonly id: unknown; readonly say: string }[];
  /** Cases of other kinds (flow, handoff, decline, any), not ranked. */
  readonly otherKinds: number;
}

/**
 * An article's reply text: the answer and its sources line, exactly as articleReply renders the
 * text of an article's message (the help-desk card some articles add is not text). Rendered here
 * from the same parts so the labels do not depend on which module articleReply lives in.
 */
export function articleText(article: Article, content: Content): string {
  return `${article.answer.trim()}\n\n${sourcesLine(article.sources, content)}`;
}

/** The articles one answer case accepts, sorted by id. */
export function acceptableArticles(
  testCase: QuestionCase,
  texts: ReadonlyMap<string, string>,
  options: { readonly version: number; readonly now?: DateTime },
): string[] {
  const zone = testCase.localTimezone || DEFAULT_ZONE;
  const said = expand(testCase.say, zone, options.now);
  const facts = (testCase.facts ?? []).map((fact) => expand(fact, zone, options.now));
  const notFacts = (testCase.not_facts ?? []).map((pattern) => expand(pattern, zone, options.now));
  const accepted: string[] = [];
  for (const [id, raw] of texts) {
    const text = options.version >= 2 ? stripSaid(visible(raw), said, true) : stripSaid(raw, said);
    if (facts.every((fact) => pySearch(fact, text)) && !notFacts.some((pattern) => pySearch(pattern, text))) {
      accepted.push(id);
    }
  }
  return accepted.sort();
}

/** The labels of a question set's answer cases. */
export function deriveLabels(set: EvalSet, content: Content, now?: DateTime): Labels {
  const version = fileVersion(set);
  const texts = new Map([...content.articles.values()].map((article) => [article.id, articleText(article, content)]));
  const used: LabelledCase[] = [];
  const leftOut: { index: number; id: unknown; say: string }[] = [];
  let otherKinds = 0;
  set.cases.forEach((testCase, index) => {
    if (testCase.kind !== 'answer') {
      otherKinds += 1;
      return;
    }
    const say = expand(testCase.say, testCase.localTimezone || DEFAULT_ZONE, now);
    const expected = acceptableArticles(testCase, texts, { version, now });
    const id = testCase.id ?? testCase.audit_id ?? null;
    if (expected.length > 0) used.push({ index, id, say, expected });
    else leftOut.push({ index, id, say });
  });
  return { used, leftOut, otherKinds };
}
