import { errorSummary, type Logger } from '../logger';
import type { AnalyticsEvent, AnalyticsRecord } from './analytics-event';
import type { Analytics, AnalyticsSink } from './analytics';

export interface QueueLimits {
  /** Records waiting to be written; more are dropped (default 5,000). */
  readonly maxQueued?: number;
  /** Records per write (default 500). */
  readonly maxBatch?: number;
}

/**
 * Analytics that never slow a turn: `record` turns the event into a record and queues it, a
 * write follows on the next turn of the event loop (one at a time, in batches). A write that
 * fails drops its records and the sink counts as down: one warning, then silence until a write
 * succeeds again, which is said in one line with how many records were lost. Memory is bounded
 * by the queue's cap whatever the sink does.
 */
export class QueuedAnalytics implements Analytics {
  private readonly queue: AnalyticsRecord[] = [];
  private readonly maxQueued: number;
  private readonly maxBatch: number;
  private scheduled = false;
  private writing: Promise<void> | undefined;
  private closed = false;
  private down = false;
  private droppedWhileDown = 0;
  private warnedMalformed = false;

  constructor(
    private readonly sink: AnalyticsSink,
    private readonly toRecord: (event: AnalyticsEvent) => AnalyticsRecord | undefined,
    private readonly logger: Logger,
    limits: QueueLimits = {},
  ) {
    this.maxQueued = limits.maxQueued ?? 5_000;
    this.maxBatch = limits.maxBatch ?? 500;
  }

  record(event: AnalyticsEvent): void {
    try {
      if (this.closed) return;
      const record = this.toRecord(event);
      if (!record) {
        this.malformed();
        return;
      }
      if (this.queue.length >= this.maxQueued) {
        this.markDown(1, 'the queue is full: the sink is not keeping up');
        return;
      }
      this.queue.push(record);
      this.schedule();
    } catch {
      // A turn must never fail because of analytics (an event with a throwing getter, say).
      this.malformed();
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    try {
      await this.flush();
      await this.sink.close();
    } catch (error) {
      this.logger.warn({ sink: this.sink.kind, error: errorSummary(error) }, 'analytics sink did not close cleanly');
    }
  }

  /** Resolves once everything queued so far has been written or dropped (for tests and close). */
  async settled(): Promise<void> {
    while (this.writing || this.scheduled) await (this.writing ?? new Promise((done) => setImmediate(done)));
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  /** One drain at a time (the sink sees one write at a time); a second caller waits for the first. */
  private flush(): Promise<void> {
    this.writing ??= this.drain().finally(() => {
      this.writing = undefined;
      if (this.queue.length > 0) this.schedule();
    });
    return this.writing;
  }

  /** Writes the queue out in batches; never rejects. */
  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      try {
        await this.sink.write(batch);
        this.markUp();
      } catch (error) {
        this.markDown(batch.length, errorSummary(error).message);
      }
    }
  }

  private markDown(dropped: number, reason: string): void {
    this.droppedWhileDown += dropped;
    if (this.down) return;
    this.down = true;
    this.logger.warn(
      { sink: this.sink.kind, reason },
      'analytics unavailable: dropping events until the sink recovers',
    );
  }

  private markUp(): void {
    if (!this.down) return;
    this.logger.info({ sink: this.sink.kind, dropped: this.droppedWhileDown }, 'analytics recovered');
    this.down = false;
    this.droppedWhileDown = 0;
  }

  private malformed(): void {
    if (this.warnedMalformed) return;
    this.warnedMalformed = true;
    // Never the event itself: it may hold what the record would have hashed or redacted.
    this.logger.warn({ sink: this.sink.kind }, 'analytics event not well-formed: not kept (said once)');
  }
}
