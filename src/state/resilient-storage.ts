import type { Storage, StoreItems } from 'botbuilder';
import { isETagConflict } from './etag-conflict';
import type { Logger } from '../logger';
import { StorageUnavailableError, type StorageOperation } from './storage-unavailable-error';

/** Whether state storage is currently failing, and since when (epoch ms). */
export interface StorageHealth {
  degraded: boolean;
  since?: number;
}

/** Collaborators and limits for {@link ResilientStorage}. */
export interface ResilientStorageOptions {
  logger: Logger;
  /** Current time, epoch milliseconds; stamps the start of an outage. */
  clock: () => number;
  /**
   * A call that has not settled after this many milliseconds counts as failed. The Azure SDK has no
   * client-side timeout of its own, so without this a store that stops answering (rather than
   * refusing connections) would hold the user's turn open indefinitely. Default 5000.
   */
  timeoutMs?: number;
}

interface Outage {
  since: number;
  failedCalls: number;
}

/**
 * Wraps a botbuilder Storage so the bot survives the store going away.
 *
 * A failure that is not an eTag conflict is rethrown as {@link StorageUnavailableError} (so the bot
 * can answer from its in-memory content) and marks the storage degraded; the first such failure of
 * an outage is logged as an error, the rest are not. The next call that reaches the store ends the
 * outage and logs "storage recovered" once. eTag conflicts are passed through untouched, for the
 * caller to retry.
 */
export class ResilientStorage implements Storage {
  private readonly timeoutMs: number;
  private outage: Outage | undefined;
  private callsStarted = 0;
  // Calls numbered up to here started before the latest change between healthy and degraded, so
  // their late results say nothing about the store now and must not flip the state back.
  private lastChangeAfterCall = 0;

  constructor(
    private readonly inner: Storage,
    private readonly options: ResilientStorageOptions,
  ) {
    this.timeoutMs = options.timeoutMs ?? 5_000;
  }

  /** See botbuilder's Storage.read; fails with StorageUnavailableError while the store is down. */
  read(keys: string[]): Promise<StoreItems> {
    return this.guard('read', () => this.inner.read(keys));
  }

  /** See botbuilder's Storage.write; eTag conflicts pass through, other failures become StorageUnavailableError. */
  write(changes: StoreItems): Promise<void> {
    return this.guard('write', () => this.inner.write(changes));
  }

  /** See botbuilder's Storage.delete; fails with StorageUnavailableError while the store is down. */
  delete(keys: string[]): Promise<void> {
    return this.guard('delete', () => this.inner.delete(keys));
  }

  /** Whether the store is failing, and since when; for the health endpoint. */
  health(): StorageHealth {
    return this.outage ? { degraded: true, since: this.outage.since } : { degraded: false };
  }

  private async guard<T>(operation: StorageOperation, call: () => Promise<T>): Promise<T> {
    const callNumber = ++this.callsStarted;
    let result: T;
    try {
      result = await withTimeout(call(), this.timeoutMs, operation);
    } catch (error) {
      if (isETagConflict(error)) {
        // The store answered, so it is up.
        this.noteAnswered(callNumber);
        throw error;
      }
      this.noteFailed(callNumber, operation, error);
      throw new StorageUnavailableError(operation, error);
    }
    this.noteAnswered(callNumber);
    return result;
  }

  private noteFailed(callNumber: number, operation: StorageOperation, error: unknown): void {
    if (this.outage) {
      this.outage.failedCalls += 1;
      return;
    }
    if (callNumber <= this.lastChangeAfterCall) {
      return;
    }
    this.outage = { since: this.options.clock(), failedCalls: 1 };
    this.lastChangeAfterCall = this.callsStarted;
    this.options.logger.error({ err: error, operation }, 'storage unavailable');
  }

  private noteAnswered(callNumber: number): void {
    if (!this.outage || callNumber <= this.lastChangeAfterCall) {
      return;
    }
    const { since, failedCalls } = this.outage;
    this.outage = undefined;
    this.lastChangeAfterCall = this.callsStarted;
    this.options.logger.info({ since, downForMs: this.options.clock() - since, failedCalls }, 'storage recovered');
  }
}

async function withTimeout<T>(promise: Promise<T>, timeoutMs: number, operation: StorageOperation): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`storage ${operation} timed out after ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
