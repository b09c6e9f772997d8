import type { AnalyticsRecord } from '../../src/analytics/analytics-event';
import type { Normalizer } from '../../src/matching/normalizer';
import { DistinctCounter } from './distinct-counter';
import { questionWords } from './question-groups';
import { TopCounter } from './top-counter';

/** How much the report holds, whatever the number of events (docs/analytics.md, "How it scales"). */
export const LIMITS = {
  days: 1_000,
  questionGroups: 2_000,
  examplesPerGroup: 3,
  articles: 2_000,
  flows: 200,
  nodesPerFlow: 200,
  topics: 500,
  labels: 50,
} as const;

/** Counts of one period (a day, a week, everything). */
export interface Counts {
  answered: number;
  menu: number;
  declined: number;
  flowStarted: number;
  flowFinished: number;
  flowAbandoned: number;
  handoffs: number;
  helpful: number;
  notHelpful: number;
  ratings: number;
  ratingSum: number;
  /** Ratings of 4 or 5: the CSAT numerator. */
  satisfied: number;
}

export function emptyCounts(): Counts {
  return {
    answered: 0,
    menu: 0,
    declined: 0,
    flowStarted: 0,
    flowFinished: 0,
    flowAbandoned: 0,
    handoffs: 0,
    helpful: 0,
    notHelpful: 0,
    ratings: 0,
    ratingSum: 0,
    satisfied: 0,
  };
}

/** A period's counts, its conversations and those of them that were handed to the help desk. */
export interface Bucket {
  readonly counts: Counts;
  readonly conversations: DistinctCounter;
  readonly handedOff: DistinctCounter;
}

export function emptyBucket(): Bucket {
  return { counts: emptyCounts(), conversations: new DistinctCounter(), handedOff: new DistinctCounter() };
}

export interface ArticleStats {
  answered: number;
  helpful: number;
  notHelpful: number;
  readonly examples: string[];
}

export interface FlowStats {
  started: number;
  finished: number;
  abandoned: number;
  readonly outcomes: TopCounter<null>;
  readonly gaveUpAt: TopCounter<null>;
}

/** Everything the report shows, gathered in one pass over the events in bounded memory. */
export class ReportAggregator {
  readonly total: Bucket = emptyBucket();
  readonly days = new Map<string, Bucket>();
  events = 0;
  first: string | undefined;
  last: string | undefined;
  /** Days dropped from the charts to stay within LIMITS.days (the oldest). */
  daysDropped = 0;
  readonly unanswered = new TopCounter<{ words: string[]; examples: string[] }>(LIMITS.questionGroups, () => ({
    words: [],
    examples: [],
  }));
  /** Declines with text kept (ANALYTICS_KEEP_TEXT was on for them). */
  declinedWithText = 0;
  readonly topics = new TopCounter<null>(LIMITS.topics, () => null);
  readonly articles = new TopCounter<ArticleStats>(LIMITS.articles, () => ({
    answered: 0,
    helpful: 0,
    notHelpful: 0,
    examples: [],
  }));
  readonly flows = new TopCounter<FlowStats>(LIMITS.flows, () => ({
    started: 0,
    finished: 0,
    abandoned: 0,
    outcomes: new TopCounter<null>(LIMITS.labels, () => null),
    gaveUpAt: new TopCounter<null>(LIMITS.nodesPerFlow, () => null),
  }));
  readonly handoffReasons = new TopCounter<null>(LIMITS.labels, () => null);
  readonly channels = new TopCounter<null>(LIMITS.labels, () => null);
  readonly ratingsAfter = { handoff: emptyCounts(), flow: emptyCounts() };

  constructor(private readonly normalizer: Normalizer) {}

  add(record: AnalyticsRecord): void {
    this.events += 1;
    if (this.first === undefined || record.time < this.first) this.first = record.time;
    if (this.last === undefined || record.time > this.last) this.last = record.time;
    this.channels.add(record.channel);
    const day = this.day(record.time.slice(0, 10));
    for (const bucket of day ? [this.total, day] : [this.total]) {
      bucket.conversations.add(record.conversation);
      count(bucket, record);
    }
    this.details(record);
  }

  /** The day's bucket; undefined for a day older than every kept one once the limit is reached. */
  private day(key: string): Bucket | undefined {
    const known = this.days.get(key);
    if (known) return known;
    if (this.days.size >= LIMITS.days) {
      const oldest = [...this.days.keys()].reduce((a, b) => (a < b ? a : b));
      this.daysDropped += 1;
      if (key < oldest) return undefined;
      this.days.delete(oldest);
    }
    const bucket = emptyBucket();
    this.days.set(key, bucket);
    return bucket;
  }

  private details(record: AnalyticsRecord): void {
    switch (record.type) {
      case 'declined':
        if (record.topic) this.topics.add(record.topic);
        if (record.text) {
          this.declinedWithText += 1;
          this.addQuestion(record.text);
        }
        break;
      case 'answered':
        this.articles.add(record.articleId, (stats) => (stats.answered += 1));
        break;
      case 'feedback':
        this.articles.add(record.articleId, (stats) => {
          if (record.helpful) stats.helpful += 1;
          else stats.notHelpful += 1;
          if (!record.helpful && record.text) keepExample(stats.examples, record.text);
        });
        break;
      case 'flow-started':
        this.flows.add(record.flowId, (stats) => (stats.started += 1));
        break;
      case 'flow-finished':
        this.flows.add(record.flowId, (stats) => {
          stats.finished += 1;
          stats.outcomes.add(record.outcome);
        });
        break;
      case 'flow-abandoned':
        this.flows.add(record.flowId, (stats) => {
          stats.abandoned += 1;
          stats.gaveUpAt.add(record.nodeId ?? '(unknown)');
        });
        break;
      case 'handoff':
        this.handoffReasons.add(record.reason);
        break;
      case 'rating': {
        const after = record.after === 'flow' ? this.ratingsAfter.flow : this.ratingsAfter.handoff;
        after.ratings += 1;
        after.ratingSum += record.rating;
        if (record.rating >= 4) after.satisfied += 1;
        break;
      }
      default:
        break;
    }
  }

  private addQuestion(text: string): void {
    const words = questionWords(text, this.normalizer);
    if (words.length === 0) return;
    this.unanswered.add(words.join(' '), (group) => {
      if (group.words.length === 0) group.words.push(...words);
      keepExample(group.examples, text);
    });
  }
}

function keepExample(examples: string[], text: string): void {
  if (examples.length < LIMITS.examplesPerGroup && !examples.includes(text)) examples.push(text);
}

function count(bucket: Bucket, record: AnalyticsRecord): void {
  const counts = bucket.counts;
  switch (record.type) {
    case 'answered':
      counts.answered += 1;
      break;
    case 'menu':
      counts.menu += 1;
      break;
    case 'declined':
      counts.declined += 1;
      break;
    case 'flow-started':
      counts.flowStarted += 1;
      break;
    case 'flow-finished':
      counts.flowFinished += 1;
      break;
    case 'flow-abandoned':
      counts.flowAbandoned += 1;
      break;
    case 'handoff':
      counts.handoffs += 1;
      bucket.handedOff.add(record.conversation);
      break;
    case 'feedback':
      if (record.helpful) counts.helpful += 1;
      else counts.notHelpful += 1;
      break;
    case 'rating':
      counts.ratings += 1;
      counts.ratingSum += record.rating;
      if (record.rating >= 4) counts.satisfied += 1;
      break;
  }
}
