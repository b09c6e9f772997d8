import type { AnalyticsEvent, EventBody } from '../../src/analytics/analytics-event';
import { NdjsonFileStore } from '../../src/analytics/ndjson-file-store';
import { QueuedAnalytics } from '../../src/analytics/queued-analytics';
import { toRecord } from '../../src/analytics/to-record';
import type { Logger } from '../../src/logger';
import type { Content } from '../../src/content/load-content';
import { seededRandom, type Random } from './bench-random';

/**
 * Questions the bot declines, as people might write them: a few themes asked many ways (the
 * report should group each theme), some with a number pasted in (it must be redacted).
 */
const THEMES: ReadonlyArray<readonly string[]> = [
  ['how do I renew my EFIN', 'efin renewal', 'do I need to renew my EFIN every year', 'renew efin number'],
  ['what is the deadline for filing 1099s', '1099 filing deadline', 'when are 1099 forms due'],
  ['can you file an extension for my client', 'file extension for client', 'how to file an extension'],
  ['is my client eligible for the earned income credit', 'earned income credit eligibility'],
  ['where is my refund', 'my client refund is late', 'refund status for my client'],
  ['how do I get a CAF number', 'apply for a CAF number', 'CAF number application'],
  ['my SSN is 123-45-6789, can you look me up', 'look up my account, SSN 123 45 6789'],
];

const NOISE = [
  'form',
  'state',
  'payroll',
  'audit',
  'amended',
  'penalty',
  'notice',
  'trust',
  'estate',
  'gift',
  'crypto',
];

export interface SyntheticOptions {
  /** How many events (conversations are generated until there are this many). */
  readonly count: number;
  /** Spread over this many days, ending on `lastDay` (YYYY-MM-DD). */
  readonly days: number;
  readonly lastDay: string;
  readonly seed: number;
  /** Include the question text of declines and not-helpful answers (as with ANALYTICS_KEEP_TEXT). */
  readonly withText: boolean;
}

/**
 * Conversations as the bot would report them, from the real content's ids: questions answered,
 * menus, declines, "was this helpful", flows started and finished or left at a real step,
 * handoffs and ratings; the answer rate improves a little over the period, so the charts move.
 */
export function* syntheticEvents(content: Content, options: SyntheticOptions): Generator<AnalyticsEvent> {
  const random = seededRandom(options.seed);
  const articles = [...content.articles.keys()];
  const flows = [...content.flows.values()].map((flow) => ({ id: flow.id, nodes: Object.keys(flow.nodes) }));
  const topics = content.outOfScope.topics.map((topic) => topic.id);
  const end = Date.parse(`${options.lastDay}T23:59:59Z`);
  const start = end - options.days * 86_400_000;
  let produced = 0;
  for (let conversation = 0; produced < options.count; conversation++) {
    const at = start + random.next() * (end - start);
    const progress = (at - start) / (end - start);
    const channel = random.next() < 0.2 ? 'msteams' : 'webchat';
    const context = {
      channel,
      conversationId: `synthetic-${options.seed}-${conversation}`,
      userId: `user-${random.int(1e9)}`,
    };
    const bodies = conversationBodies(random, progress, { articles, flows, topics }, options.withText);
    for (const [index, body] of bodies.entries()) {
      if (produced >= options.count) return;
      produced += 1;
      yield { ...context, time: new Date(at + index * 20_000).toISOString(), ...body } as AnalyticsEvent;
    }
  }
}

interface Ids {
  readonly articles: readonly string[];
  readonly flows: ReadonlyArray<{ readonly id: string; readonly nodes: readonly string[] }>;
  readonly topics: readonly string[];
}

function conversationBodies(random: Random, progress: number, ids: Ids, withText: boolean): EventBody[] {
  const bodies: EventBody[] = [];
  const turns = 1 + random.int(4);
  let handedOff = false;
  for (let turn = 0; turn < turns; turn++) {
    const roll = random.next();
    // 60% answered at the start of the period, 72% at its end.
    const answered = 0.6 + 0.12 * progress;
    if (roll < answered) {
      const articleId = random.pick(ids.articles);
      bodies.push({ type: 'answered', articleId, score: 0.5 + random.next() / 2 });
      if (random.next() < 0.3) {
        const helpful = random.next() < (articleId === ids.articles[0] ? 0.3 : 0.8);
        const text = helpful || !withText ? undefined : question(random);
        bodies.push({ type: 'feedback', articleId, helpful, ...(text ? { text } : {}) });
      }
    } else if (roll < answered + 0.12) {
      bodies.push({ type: 'menu', options: [random.pick(ids.articles), random.pick(ids.articles)] });
    } else if (roll < answered + 0.22) {
      const topic = random.next() < 0.5 ? { topic: random.pick(ids.topics) } : {};
      bodies.push({ type: 'declined', ...topic, ...(withText ? { text: question(random) } : {}) });
    } else {
      const flow = random.pick(ids.flows);
      bodies.push({ type: 'flow-started', flowId: flow.id });
      if (random.next() < 0.7) {
        const outcome = random.pick(['resolved', 'resolved', 'handed-off', 'waiting-for-mail']);
        bodies.push({ type: 'flow-finished', flowId: flow.id, outcome });
        if (random.next() < 0.4) bodies.push({ type: 'rating', rating: rating(random), after: 'flow' });
      } else {
        // People give up at a few steps far more than at others.
        const nodeId = flow.nodes[Math.min(flow.nodes.length - 1, Math.floor(random.next() ** 3 * flow.nodes.length))];
        bodies.push({ type: 'flow-abandoned', flowId: flow.id, nodeId, outcome: 'cancelled' });
      }
    }
    if (!handedOff && random.next() < 0.08) {
      handedOff = true;
      bodies.push({
        type: 'handoff',
        reason: random.pick(['asked', 'asked', 'flow', 'unhelpful', 'repeated-miss'] as const),
      });
      if (random.next() < 0.35) bodies.push({ type: 'rating', rating: rating(random), after: 'handoff' });
    }
  }
  return bodies;
}

/** Mostly a theme's wording; one in five a one-off question (the long tail the report must bound). */
function question(random: Random): string {
  if (random.next() < 0.8) return random.pick(random.pick(THEMES));
  return `question about ${random.pick(NOISE)} ${random.pick(NOISE)} ${random.int(100_000).toString(36)}`;
}

function rating(random: Random): number {
  return random.pick([5, 5, 5, 4, 4, 4, 3, 2, 1]);
}

/**
 * Writes synthetic events to a local store the way the bot does: through the analytics queue,
 * the record policy (hashing, redaction) and the rotating NDJSON store.
 */
export async function writeSyntheticStore(dir: string, content: Content, options: SyntheticOptions): Promise<void> {
  const policy = { salt: 'bench-salt-bench-salt-bench-salt-bench', keepText: options.withText };
  const analytics = new QueuedAnalytics(
    new NdjsonFileStore({ dir }),
    (event) => toRecord(event, policy),
    silentLogger,
    {
      maxQueued: 10_000,
    },
  );
  let queued = 0;
  for (const event of syntheticEvents(content, options)) {
    analytics.record(event);
    // Let the queue drain before it fills: the bench measures the report, not dropped events.
    if (++queued % 5_000 === 0) await analytics.settled();
  }
  await analytics.close();
}

const silentLogger: Logger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  debug: () => undefined,
};
