import { redactForRecords } from '../privacy/sensitive-numbers';
import {
  RECORD_VERSION,
  type AnalyticsEvent,
  type AnalyticsRecord,
  type FlowExit,
  type HandoffReason,
} from './analytics-event';
import { hashId } from './hash-id';
import { keptText } from './kept-text';

/** How events become records. */
export interface RecordPolicy {
  /** The secret the ids are hashed with. */
  readonly salt: string;
  /** Keep the redacted text of declined and not-helpful turns (ANALYTICS_KEEP_TEXT). */
  readonly keepText: boolean;
}

const HANDOFF_REASONS: ReadonlySet<string> = new Set<HandoffReason>([
  'asked',
  'flow',
  'unhelpful',
  'repeated-miss',
  'storage',
  'other',
]);
const FLOW_EXITS: ReadonlySet<string> = new Set<FlowExit>([
  'cancelled',
  'restarted',
  'reset',
  'changed-topic',
  'expired',
]);
const MAX_MENU_OPTIONS = 10;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
// Content ids (articles, flows, nodes, topics, outcomes); a payload naming anything else is not ours.
const CONTENT_ID = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;
const CHANNEL = /^[a-z0-9][a-z0-9._-]{0,31}$/;

/**
 * The record kept for an event, or undefined for an event that is not well-formed (the wiring
 * passes ids from content and values from channel payloads; anything unexpected is not kept).
 * Ids are hashed; text is kept only for declined and not-helpful turns, only when the policy
 * says so, and only as the privacy guard leaves it.
 */
export function toRecord(event: AnalyticsEvent, policy: RecordPolicy): AnalyticsRecord | undefined {
  if (typeof event.time !== 'string' || !ISO_INSTANT.test(event.time)) return undefined;
  const instant = Date.parse(event.time);
  if (!Number.isFinite(instant)) return undefined;
  if (!nonEmpty(event.conversationId) || !nonEmpty(event.userId)) return undefined;
  const channel = typeof event.channel === 'string' ? event.channel.toLowerCase() : '';
  const context = {
    v: RECORD_VERSION,
    time: new Date(instant).toISOString(),
    channel: CHANNEL.test(channel) ? channel : 'other',
    conversation: hashId(policy.salt, 'conversation', event.conversationId),
    user: hashId(policy.salt, 'user', event.userId),
  } as const;
  const text = (value: string | undefined) =>
    policy.keepText && typeof value === 'string' ? { text: keptText(value) } : {};
  switch (event.type) {
    case 'answered':
      if (!isId(event.articleId) || !Number.isFinite(event.score)) return undefined;
      return { ...context, type: event.type, articleId: event.articleId, score: Math.round(event.score * 1000) / 1000 };
    case 'menu': {
      if (!Array.isArray(event.options) || event.options.length === 0 || !event.options.every(isId)) return undefined;
      return { ...context, type: event.type, options: event.options.slice(0, MAX_MENU_OPTIONS) };
    }
    case 'declined':
      if (event.topic !== undefined && !isId(event.topic)) return undefined;
      return withoutEmpty({ ...context, type: event.type, topic: event.topic, ...text(event.text) });
    case 'flow-started':
      return isId(event.flowId) ? { ...context, type: event.type, flowId: event.flowId } : undefined;
    case 'flow-finished':
      if (!isId(event.flowId) || !isId(event.outcome) || !optionalId(event.nodeId)) return undefined;
      return withoutEmpty({ ...context, ...pick(event, ['type', 'flowId', 'nodeId', 'outcome']) });
    case 'flow-abandoned':
      if (!isId(event.flowId) || !FLOW_EXITS.has(event.outcome) || !optionalId(event.nodeId)) return undefined;
      return withoutEmpty({ ...context, ...pick(event, ['type', 'flowId', 'nodeId', 'outcome']) });
    case 'handoff':
      return HANDOFF_REASONS.has(event.reason) ? { ...context, type: event.type, reason: event.reason } : undefined;
    case 'feedback':
      if (!isId(event.articleId) || typeof event.helpful !== 'boolean') return undefined;
      return withoutEmpty({
        ...context,
        type: event.type,
        articleId: event.articleId,
        helpful: event.helpful,
        ...(event.helpful ? {} : text(event.text)),
      });
    case 'rating':
      if (!Number.isInteger(event.rating) || event.rating < 1 || event.rating > 5) return undefined;
      if (event.after !== 'handoff' && event.after !== 'flow') return undefined;
      return { ...context, type: event.type, rating: event.rating, after: event.after };
    default:
      return undefined;
  }
}

function nonEmpty(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

/** A content id, short, and nothing the privacy guard would touch (a hostile payload's "id"). */
function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 80 && CONTENT_ID.test(value) && redactForRecords(value) === value;
}

function optionalId(value: unknown): boolean {
  return value === undefined || isId(value);
}

function pick<T extends object, K extends keyof T>(source: T, keys: readonly K[]): Pick<T, K> {
  const picked = {} as Pick<T, K>;
  for (const key of keys) picked[key] = source[key];
  return picked;
}

/** Leaves out optional fields that are absent, so the NDJSON line has no `"topic":undefined`. */
function withoutEmpty<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}
