import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import { eTagConflictError } from './etag-conflict';

/** Limits for {@link BoundedMemoryStorage}. */
export interface BoundedMemoryStorageOptions {
  /** An entry not read or written for this many milliseconds (or more) is forgotten. */
  idleMs: number;
  /** At most this many keys are kept; writing one more forgets the least recently used. */
  maxEntries: number;
  /** Current time, epoch milliseconds. */
  clock: () => number;
}

interface Entry {
  /** The item as JSON, so every read hands out a fresh copy and nothing unserialisable slips in. */
  json: string;
  eTag: string;
  touchedAt: number;
}

/**
 * An in-process botbuilder Storage with the semantics of botbuilder's MemoryStorage (reads return
 * copies; writes get a new eTag; a write carrying an eTag other than '*' that differs from the
 * stored one fails with MemoryStorage's eTag-conflict error) that is safe to leave running:
 * entries expire after an idle time, and the number of keys is capped, least recently used first.
 *
 * Every operation is O(keys touched), plus the removal of whatever has expired.
 */
export class BoundedMemoryStorage implements Storage {
  // A Map iterates in insertion order; re-inserting an entry whenever it is used keeps the least
  // recently used first, so both eviction and expiry only ever look at the front.
  private readonly entries = new Map<string, Entry>();
  private nextETag = 1;

  constructor(private readonly options: BoundedMemoryStorageOptions) {
    if (!(options.idleMs > 0) || !Number.isInteger(options.maxEntries) || options.maxEntries < 1) {
      throw new RangeError('BoundedMemoryStorage needs idleMs > 0 and a whole maxEntries >= 1');
    }
  }

  /** The number of live (not yet expired) keys. */
  get size(): number {
    this.forgetIdle(this.options.clock());
    return this.entries.size;
  }

  /** Reads copies of the items that exist and have not expired; reading one counts as using it. */
  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) {
      throw new ReferenceError('Keys are required when reading.');
    }
    const now = this.options.clock();
    this.forgetIdle(now);
    const items: StoreItems = {};
    for (const key of keys) {
      const entry = this.entries.get(key);
      if (entry) {
        this.touch(key, entry, now);
        items[key] = JSON.parse(entry.json) as StoreItem;
      }
    }
    return items;
  }

  /**
   * Writes every item whose eTag allows it (absent, '*', or equal to the stored one). Like
   * MemoryStorage, a conflict on one key does not stop the others being written; the returned
   * promise then rejects with the first conflict.
   */
  async write(changes: StoreItems): Promise<void> {
    if (!changes) {
      throw new ReferenceError('Changes are required when writing.');
    }
    const now = this.options.clock();
    this.forgetIdle(now);
    let conflict: Error | undefined;
    for (const [key, item] of Object.entries(changes) as [string, StoreItem][]) {
      const stored = this.entries.get(key);
      const eTag = item?.eTag;
      if (stored && eTag && eTag !== '*' && eTag !== stored.eTag) {
        conflict ??= eTagConflictError(key);
        continue;
      }
      const newETag = String(this.nextETag++);
      this.touch(key, { json: JSON.stringify({ ...item, eTag: newETag }), eTag: newETag, touchedAt: now }, now);
    }
    this.evictOverflow();
    if (conflict) {
      throw conflict;
    }
  }

  /** Forgets the given keys; missing keys are ignored. */
  async delete(keys: string[]): Promise<void> {
    if (!keys) {
      throw new ReferenceError('Keys are required when deleting.');
    }
    for (const key of keys) {
      this.entries.delete(key);
    }
  }

  private touch(key: string, entry: Entry, now: number): void {
    this.entries.delete(key);
    entry.touchedAt = now;
    this.entries.set(key, entry);
  }

  private forgetIdle(now: number): void {
    for (const [key, entry] of this.entries) {
      if (now - entry.touchedAt < this.options.idleMs) {
        // Entries behind this one were used later (the clock is assumed not to run backwards).
        return;
      }
      this.entries.delete(key);
    }
  }

  private evictOverflow(): void {
    for (const key of this.entries.keys()) {
      if (this.entries.size <= this.options.maxEntries) {
        return;
      }
      this.entries.delete(key);
    }
  }
}
