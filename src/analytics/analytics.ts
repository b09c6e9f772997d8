import type { AnalyticsEvent, AnalyticsRecord } from './analytics-event';

/**
 * What the bot's turns call. `record` returns at once and never throws: the event is queued and
 * written later, or dropped (and said once in the log) when the sink is down or the queue full.
 */
export interface Analytics {
  record(event: AnalyticsEvent): void;
  /** Writes what is queued (one attempt), then releases the sink. Never rejects. */
  close(): Promise<void>;
}

/** Where records go: the local NDJSON store or Application Insights. */
export interface AnalyticsSink {
  /** For the log: "file" or "appinsights". */
  readonly kind: string;
  /** Resolves once the records are kept; rejects when they could not be (they are then dropped). */
  write(records: readonly AnalyticsRecord[]): Promise<void>;
  close(): Promise<void>;
}

/** Analytics switched off (ANALYTICS_ENABLED=false): nothing is recorded. */
export const noAnalytics: Analytics = {
  record: () => undefined,
  close: () => Promise.resolve(),
};
