import type { Counts, ReportAggregator } from './aggregate';
import { EXACT_UP_TO } from './distinct-counter';
import {
  giveUps,
  leastHelpful,
  periodsOf,
  ratesOf,
  unansweredGroups,
  type ArticleRow,
  type GiveUpRow,
  type Rate,
  type RateName,
} from './report-figures';
import type { QuestionGroup } from './question-groups';
import type { Counted } from './top-counter';

/** What the report needs from the knowledge base: names for ids, and the article a question is closest to. */
export interface ContentLookup {
  articleTitle(id: string): string | undefined;
  flowTitle(id: string): string | undefined;
  closestArticle(question: string): { readonly id: string; readonly title: string; readonly score: number } | undefined;
}

export interface UnansweredGroup extends QuestionGroup {
  readonly closest: ReturnType<ContentLookup['closestArticle']>;
}

/** Everything on the page, computed; the HTML and the YAML snippets only lay it out. */
export interface ReportModel {
  readonly title: string;
  readonly source: string;
  readonly events: number;
  readonly first: string | undefined;
  readonly last: string | undefined;
  readonly conversations: number;
  readonly questions: number;
  readonly rates: Record<RateName, Rate>;
  readonly totalRatings: number;
  readonly averageRating: number;
  readonly unit: 'day' | 'week';
  readonly periods: ReadonlyArray<{ start: string; questions: number; rates: Record<RateName, Rate> }>;
  readonly unanswered: readonly UnansweredGroup[];
  readonly textKept: boolean;
  readonly topics: ReadonlyArray<Counted<null>>;
  readonly articles: ReadonlyArray<ArticleRow & { readonly title: string }>;
  readonly giveUps: ReadonlyArray<GiveUpRow & { readonly flowTitle: string }>;
  readonly handoffReasons: ReadonlyArray<Counted<null>>;
  readonly channels: ReadonlyArray<Counted<null>>;
  readonly ratingsAfter: { readonly handoff: Counts; readonly flow: Counts };
  /** Where a figure is estimated or cut, said plainly. */
  readonly approximations: readonly string[];
}

/** How many rows each table shows. */
export const SHOWN = { unanswered: 20, topics: 10, articles: 10, giveUps: 10 } as const;

export function reportModel(
  aggregator: ReportAggregator,
  lookup: ContentLookup,
  meta: { readonly title: string; readonly source: string; readonly skipped: number },
): ReportModel {
  const { unit, periods } = periodsOf(aggregator.days);
  const counts = aggregator.total.counts;
  const unanswered = unansweredGroups(aggregator, SHOWN.unanswered).map((group) => ({
    ...group,
    closest: lookup.closestArticle(group.examples.join('. ')),
  }));
  return {
    title: meta.title,
    source: meta.source,
    events: aggregator.events,
    first: aggregator.first,
    last: aggregator.last,
    conversations: aggregator.total.conversations.count,
    questions: questionsOf(counts),
    rates: ratesOf(aggregator.total),
    totalRatings: counts.ratings,
    averageRating: counts.ratings > 0 ? counts.ratingSum / counts.ratings : 0,
    unit,
    periods: periods.map(({ start, bucket }) => ({
      start,
      questions: questionsOf(bucket.counts),
      rates: ratesOf(bucket),
    })),
    unanswered,
    textKept: aggregator.declinedWithText > 0,
    topics: aggregator.topics.top(SHOWN.topics),
    articles: leastHelpful(aggregator, SHOWN.articles).map((row) => ({
      ...row,
      title: lookup.articleTitle(row.articleId) ?? row.articleId,
    })),
    giveUps: giveUps(aggregator, SHOWN.giveUps).map((row) => ({
      ...row,
      flowTitle: lookup.flowTitle(row.flowId) ?? row.flowId,
    })),
    handoffReasons: aggregator.handoffReasons.top(),
    channels: aggregator.channels.top(),
    ratingsAfter: aggregator.ratingsAfter,
    approximations: approximations(aggregator, meta.skipped),
  };
}

function questionsOf(counts: Counts): number {
  return counts.answered + counts.menu + counts.declined;
}

function approximations(aggregator: ReportAggregator, skipped: number): string[] {
  const notes: string[] = [];
  if (aggregator.total.conversations.count > EXACT_UP_TO) {
    notes.push(
      `Conversations are counted exactly up to ${EXACT_UP_TO} a period and estimated beyond (HyperLogLog, within about 3%).`,
    );
  }
  const cut = [
    ['unanswered questions', aggregator.unanswered.error],
    ['declined topics', aggregator.topics.error],
    ['articles', aggregator.articles.error],
    ['flows', aggregator.flows.error],
  ].filter(([, error]) => Number(error) > 0);
  for (const [what, error] of cut) {
    notes.push(
      `There were more distinct ${what} than the report holds: the most frequent are always listed, ` +
        `each count at most ${Number(error).toLocaleString('en-US')} below the truth.`,
    );
  }
  if (aggregator.daysDropped > 0) {
    notes.push(`${aggregator.daysDropped} days older than the newest 1,000 are in the totals but not in the charts.`);
  }
  if (skipped > 0) notes.push(`${skipped.toLocaleString('en-US')} lines were not events and were skipped.`);
  return notes;
}
