import type { Storage, StoreItems } from 'botbuilder';

/** Where an item keeps the eTag it was read with, while the bot holds it. */
const LOADED_ETAG = '_loadedETag';

/**
 * The eTag written for an item that did not exist when read: no stored item has it, so a
 * memory store refuses the write once someone else has created the item, and
 * CreateOnlyBlobsStorage turns it into If-None-Match: *.
 */
export const CREATE_ONLY_ETAG = '"create-only"';

/**
 * Makes botbuilder's BotState write with the eTag it read. BotState.saveChanges always writes
 * with eTag '*' (last writer wins), which would let two turns of one conversation (a double
 * click, two instances) overwrite each other silently. This adapter remembers each item's eTag
 * on read and puts it back on write, so the store refuses a stale write with an eTag conflict
 * and the bot can re-run the turn on fresh state.
 */
export class OptimisticStorage implements Storage {
  constructor(private readonly inner: Storage) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items = await this.inner.read(keys);
    for (const item of Object.values(items)) {
      if (item && typeof item === 'object' && typeof item.eTag === 'string') item[LOADED_ETAG] = item.eTag;
    }
    return items;
  }

  write(changes: StoreItems): Promise<void> {
    const prepared: StoreItems = {};
    for (const [key, item] of Object.entries(changes)) {
      if (!item || typeof item !== 'object') {
        prepared[key] = item;
        continue;
      }
      const { [LOADED_ETAG]: loaded, ...rest } = item as Record<string, unknown>;
      prepared[key] = { ...rest, eTag: typeof loaded === 'string' ? loaded : CREATE_ONLY_ETAG };
    }
    return this.inner.write(prepared);
  }

  delete(keys: string[]): Promise<void> {
    return this.inner.delete(keys);
  }
}
