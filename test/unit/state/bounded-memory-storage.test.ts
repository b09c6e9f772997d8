import { MemoryStorage, type Storage } from 'botbuilder';
import { BoundedMemoryStorage } from '../../../src/state/bounded-memory-storage';

const MINUTE = 60_000;

function setup(options: { idleMs?: number; maxEntries?: number } = {}) {
  let now = Date.UTC(2025, 0, 1);
  const storage = new BoundedMemoryStorage({
    idleMs: options.idleMs ?? 10 * MINUTE,
    maxEntries: options.maxEntries ?? 100,
    clock: () => now,
  });
  return {
    storage,
    advance(ms: number) {
      now += ms;
    },
  };
}

async function conflictOf(storage: Storage): Promise<unknown> {
  await storage.write({ k: { n: 1 } });
  const { k } = await storage.read(['k']);
  await storage.write({ k: { ...k, n: 2 } });
  return storage.write({ k: { ...k, n: 3 } }).then(
    () => 'no error',
    (error: unknown) => error,
  );
}

describe('BoundedMemoryStorage', () => {
  it('rejects a stale eTag exactly as MemoryStorage does', async () => {
    const ours = await conflictOf(setup().storage);
    const theirs = await conflictOf(new MemoryStorage());
    expect(theirs).toBeInstanceOf(Error);
    expect(ours).toBeInstanceOf(Error);
    expect((ours as Error).message).toBe((theirs as Error).message);
    expect((ours as Error).message).toBe('Storage: error writing "k" due to eTag conflict.');
  });

  it('keeps the stored item on a conflict but still writes the other keys', async () => {
    const { storage } = setup();
    await storage.write({ a: { n: 1 } });
    await expect(storage.write({ a: { n: 2, eTag: 'stale' }, b: { n: 1 } })).rejects.toThrow('eTag conflict');
    const items = await storage.read(['a', 'b']);
    expect(items.a.n).toBe(1);
    expect(items.b.n).toBe(1);
  });

  it('accepts the current eTag and gives the item a new one', async () => {
    const { storage } = setup();
    await storage.write({ k: { n: 1 } });
    const first = (await storage.read(['k'])).k;
    await storage.write({ k: { ...first, n: 2 } });
    const second = (await storage.read(['k'])).k;
    expect(second.n).toBe(2);
    expect(second.eTag).toEqual(expect.any(String));
    expect(second.eTag).not.toBe(first.eTag);
  });

  it("overwrites whatever is stored when the eTag is '*' or absent", async () => {
    const { storage } = setup();
    await storage.write({ k: { n: 1 } });
    await storage.write({ k: { n: 2, eTag: '*' } });
    expect((await storage.read(['k'])).k.n).toBe(2);
    await storage.write({ k: { n: 3 } });
    expect((await storage.read(['k'])).k.n).toBe(3);
  });

  it('returns copies, so changing what was read or written does not change what is stored', async () => {
    const { storage } = setup();
    const written = { nested: { n: 1 } };
    await storage.write({ k: written });
    written.nested.n = 99;
    const read = (await storage.read(['k'])).k;
    expect(read.nested.n).toBe(1);
    read.nested.n = 42;
    expect((await storage.read(['k'])).k.nested.n).toBe(1);
  });

  it('returns only the keys that exist, and forgets deleted ones', async () => {
    const { storage } = setup();
    await storage.write({ a: { n: 1 }, b: { n: 2 } });
    await storage.delete(['a', 'missing']);
    expect(Object.keys(await storage.read(['a', 'b', 'c']))).toEqual(['b']);
    expect(storage.size).toBe(1);
  });

  it('evicts the least recently used key when the cap is reached', async () => {
    const { storage, advance } = setup({ maxEntries: 3 });
    await storage.write({ a: { n: 1 } });
    advance(1);
    await storage.write({ b: { n: 1 } });
    advance(1);
    await storage.write({ c: { n: 1 } });
    advance(1);
    await storage.read(['a']); // a is now more recent than b
    await storage.write({ d: { n: 1 } });
    expect(storage.size).toBe(3);
    expect(Object.keys(await storage.read(['a', 'b', 'c', 'd'])).sort()).toEqual(['a', 'c', 'd']);
  });

  it('forgets entries idle for the configured time, counting reads as use', async () => {
    const { storage, advance } = setup({ idleMs: 10 * MINUTE });
    await storage.write({ kept: { n: 1 }, dropped: { n: 1 } });
    advance(6 * MINUTE);
    await storage.read(['kept']);
    advance(4 * MINUTE); // dropped idle for exactly 10 minutes, kept for 4
    expect(storage.size).toBe(1);
    expect(Object.keys(await storage.read(['kept', 'dropped']))).toEqual(['kept']);
    advance(10 * MINUTE - 1);
    expect(storage.size).toBe(1);
    advance(1);
    expect(storage.size).toBe(0);
  });

  it('treats an expired key as new, whatever eTag a late writer sends', async () => {
    const { storage, advance } = setup({ idleMs: MINUTE });
    await storage.write({ k: { n: 1 } });
    const { k } = await storage.read(['k']);
    advance(MINUTE);
    await storage.write({ k: { ...k, n: 2 } });
    expect((await storage.read(['k'])).k.n).toBe(2);
  });

  it('stays within the cap under many writes', async () => {
    const { storage, advance } = setup({ maxEntries: 50 });
    for (let i = 0; i < 1_000; i += 1) {
      advance(1);
      await storage.write({ [`conversation-${i}`]: { i } });
    }
    expect(storage.size).toBe(50);
    expect(Object.keys(await storage.read(['conversation-949', 'conversation-950']))).toEqual(['conversation-950']);
  });

  it('rejects nonsensical limits', () => {
    expect(() => new BoundedMemoryStorage({ idleMs: 0, maxEntries: 1, clock: () => 0 })).toThrow(RangeError);
    expect(() => new BoundedMemoryStorage({ idleMs: 1, maxEntries: 0, clock: () => 0 })).toThrow(RangeError);
  });
});
