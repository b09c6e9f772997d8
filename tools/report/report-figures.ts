import { emptyBucket, type Bucket, type Counts, type ReportAggregator } from './aggregate';
import { mergeSimilar, type QuestionGroup } from './question-groups';

/** A share with what it was computed from; undefined when there was nothing to divide by. */
export interface Rate {
  readonly value: number | undefined;
  readonly numerator: number;
  readonly denominator: number;
}

export type RateName = 'answer' | 'menu' | 'decline' | 'handoff' | 'flowCompletion' | 'csat' | 'helpful';

/** How each rate is computed, for the page's legend and docs/analytics.md. */
export const RATE_DEFINITIONS: Record<RateName, { readonly title: string; readonly of: string }> = {
  answer: { title: 'Answered', of: 'questions answered from an article' },
  menu: { title: 'Menu shown', of: 'questions answered with a "did you mean" menu' },
  decline: { title: 'Declined', of: 'questions not answered (out of scope or not understood)' },
  handoff: { title: 'Handed off', of: 'conversations shown the help desk' },
  flowCompletion: { title: 'Flows completed', of: 'troubleshooting flows started that reached an end' },
  csat: { title: 'Satisfied (CSAT)', of: 'ratings of 4 or 5 out of 5' },
  helpful: { title: 'Helpful', of: '"was this helpful" answers that said yes' },
};

export const RATE_ORDER: readonly RateName[] = [
  'answer',
  'menu',
  'decline',
  'handoff',
  'flowCompletion',
  'csat',
  'helpful',
];

export function ratesOf(bucket: Bucket): Record<RateName, Rate> {
  const c = bucket.counts;
  const questions = c.answered + c.menu + c.declined;
  return {
    answer: rate(c.answered, questions),
    menu: rate(c.menu, questions),
    decline: rate(c.declined, questions),
    handoff: rate(bucket.handedOff.count, bucket.conversations.count),
    flowCompletion: rate(c.flowFinished, c.flowStarted),
    csat: rate(c.satisfied, c.ratings),
    helpful: rate(c.helpful, c.helpful + c.notHelpful),
  };
}

function rate(numerator: number, denominator: number): Rate {
  return { value: denominator > 0 ? Math.min(1, numerator / denominator) : undefined, numerator, denominator };
}

/** One point of the charts: a day, or a week (from its Monday) when the period is long. */
export interface Period {
  readonly start: string;
  readonly bucket: Bucket;
}

/** Past this many days the charts go by week, so a year stays readable. */
export const DAILY_UP_TO = 120;

export function periodsOf(days: ReadonlyMap<string, Bucket>): { unit: 'day' | 'week'; periods: Period[] } {
  const sorted = [...days.keys()].sort();
  if (sorted.length === 0) return { unit: 'day', periods: [] };
  const span = (Date.parse(sorted[sorted.length - 1]) - Date.parse(sorted[0])) / 86_400_000 + 1;
  if (span <= DAILY_UP_TO) {
    return {
      unit: 'day',
      periods: allDays(sorted[0], sorted[sorted.length - 1]).map((start) => dayPeriod(days, start)),
    };
  }
  const weeks = new Map<string, Bucket>();
  for (const day of sorted) {
    const week = mondayOf(day);
    const into = weeks.get(week) ?? emptyBucket();
    weeks.set(week, into);
    const from = days.get(day)!;
    for (const key of Object.keys(from.counts) as Array<keyof Counts>) into.counts[key] += from.counts[key];
    into.conversations.merge(from.conversations);
    into.handedOff.merge(from.handedOff);
  }
  return {
    unit: 'week',
    periods: [...weeks].sort(([a], [b]) => (a < b ? -1 : 1)).map(([start, bucket]) => ({ start, bucket })),
  };
}

function dayPeriod(days: ReadonlyMap<string, Bucket>, start: string): Period {
  return { start, bucket: days.get(start) ?? emptyBucket() };
}

/** Every day from first to last (days without events are points too, so the time axis is even). */
function allDays(first: string, last: string): string[] {
  const days: string[] = [];
  for (let time = Date.parse(first); time <= Date.parse(last); time += 86_400_000) {
    days.push(new Date(time).toISOString().slice(0, 10));
  }
  return days;
}

function mondayOf(day: string): string {
  const time = Date.parse(day);
  const weekday = (new Date(time).getUTCDay() + 6) % 7;
  return new Date(time - weekday * 86_400_000).toISOString().slice(0, 10);
}

export interface ArticleRow {
  readonly articleId: string;
  readonly answered: number;
  readonly helpful: number;
  readonly notHelpful: number;
  readonly examples: readonly string[];
}

/**
 * Articles with "not helpful" answers, the surest first: by the lower bound of the Wilson
 * interval of their not-helpful share, so one "no" out of one does not top forty out of fifty.
 */
export function leastHelpful(aggregator: ReportAggregator, n: number): ArticleRow[] {
  return aggregator.articles
    .top()
    .filter(({ value }) => value.notHelpful > 0)
    .map(({ key, value }) => ({ articleId: key, ...value }))
    .sort(
      (a, b) => wilsonLow(b.notHelpful, b.notHelpful + b.helpful) - wilsonLow(a.notHelpful, a.notHelpful + a.helpful),
    )
    .slice(0, n);
}

function wilsonLow(successes: number, trials: number, z = 1.96): number {
  if (trials === 0) return 0;
  const p = successes / trials;
  const centre = p + (z * z) / (2 * trials);
  const spread = z * Math.sqrt((p * (1 - p)) / trials + (z * z) / (4 * trials * trials));
  return (centre - spread) / (1 + (z * z) / trials);
}

export interface GiveUpRow {
  readonly flowId: string;
  readonly nodeId: string;
  readonly count: number;
  /** Of the flow's starts. */
  readonly share: number | undefined;
}

/** The flow steps people leave most. */
export function giveUps(aggregator: ReportAggregator, n: number): GiveUpRow[] {
  return aggregator.flows
    .top()
    .flatMap(({ key, value }) =>
      value.gaveUpAt.top().map((node) => ({
        flowId: key,
        nodeId: node.key,
        count: node.count,
        share: value.started > 0 ? node.count / value.started : undefined,
      })),
    )
    .sort((a, b) => b.count - a.count)
    .slice(0, n);
}

/** How many of the most asked question keys are merged by similarity (the rest are rarer). */
const GROUPS_MERGED = 300;

export function unansweredGroups(aggregator: ReportAggregator, n: number): QuestionGroup[] {
  const groups = aggregator.unanswered
    .top(GROUPS_MERGED)
    .map(({ count, value }) => ({ words: value.words, count, examples: [...value.examples] }));
  return mergeSimilar(groups).slice(0, n);
}
