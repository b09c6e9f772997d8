/**
 * What the bot reports about a turn (an AnalyticsEvent, with the raw ids and text the turn has)
 * and what is kept of it (an AnalyticsRecord: ids hashed, text redacted or dropped). The bot
 * only ever hands over events; turning them into records is the analytics' job, so no caller can
 * forget to hash or redact.
 */

/** Why someone was shown the help desk. */
export type HandoffReason = 'asked' | 'flow' | 'unhelpful' | 'repeated-miss' | 'storage' | 'other';

/** How a flow was left before its end. */
export type FlowExit = 'cancelled' | 'restarted' | 'reset' | 'changed-topic' | 'expired';

/** The outcome of a turn or a user's reaction, without the turn's context. */
export type EventBody =
  /** A knowledge answer (the matcher's score, 0-1). */
  | { readonly type: 'answered'; readonly articleId: string; readonly score: number }
  /** A "did you mean" menu: the article and flow ids offered. */
  | { readonly type: 'menu'; readonly options: readonly string[] }
  /** Not answered: out of scope (the topic's id) or not understood. `text` is the question. */
  | { readonly type: 'declined'; readonly topic?: string; readonly text?: string }
  | { readonly type: 'flow-started'; readonly flowId: string }
  /** A flow reached an end node (its outcome: resolved, handed-off, waiting-for-mail, cancelled). */
  | { readonly type: 'flow-finished'; readonly flowId: string; readonly nodeId?: string; readonly outcome: string }
  /** A flow left before its end, at `nodeId`. */
  | { readonly type: 'flow-abandoned'; readonly flowId: string; readonly nodeId?: string; readonly outcome: FlowExit }
  | { readonly type: 'handoff'; readonly reason: HandoffReason }
  /** "Was this helpful" on an answer. `text` is the question the answer was for (kept only if not helpful). */
  | { readonly type: 'feedback'; readonly articleId: string; readonly helpful: boolean; readonly text?: string }
  /** The one-tap satisfaction rating (1-5) after a handoff card or a finished flow. */
  | { readonly type: 'rating'; readonly rating: number; readonly after: 'handoff' | 'flow' };

export type EventType = EventBody['type'];

/** Every event type, in the order the report lists them. */
export const EVENT_TYPES: readonly EventType[] = [
  'answered',
  'menu',
  'declined',
  'flow-started',
  'flow-finished',
  'flow-abandoned',
  'handoff',
  'feedback',
  'rating',
];

/** Where and when: the turn's context, as the bot has it. */
export interface EventContext {
  /** The turn's instant, ISO 8601 (from the composition root's clock). */
  readonly time: string;
  /** The Bot Framework channel id: webchat, directline, msteams, emulator… */
  readonly channel: string;
  /** Raw ids: hashed before anything is kept. */
  readonly conversationId: string;
  readonly userId: string;
}

/** What the bot hands to Analytics.record(). */
export type AnalyticsEvent = EventContext & EventBody;

/** The record's schema version, so readers can tell future shapes apart. */
export const RECORD_VERSION = 1;

/** Distributes over the union, so each record keeps its own variant's fields. */
type Kept<Body> = Body extends EventBody ? Omit<Body, 'text'> & { readonly text?: string } : never;

/** What is kept (one NDJSON line, one Application Insights custom event). */
export type AnalyticsRecord = {
  readonly v: typeof RECORD_VERSION;
  readonly time: string;
  readonly channel: string;
  /** HMAC-SHA256 of the raw id with the secret salt, truncated (see hash-id.ts). */
  readonly conversation: string;
  readonly user: string;
} & Kept<EventBody>;
