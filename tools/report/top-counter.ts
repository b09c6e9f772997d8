/** One kept key, its count (at most `error` below the truth) and what was kept with it. */
export interface Counted<T> {
  readonly key: string;
  readonly count: number;
  readonly value: T;
}

/**
 * Counts keys in bounded memory (the Misra-Gries summary): at most `capacity` keys are held.
 * While there is room every count is exact; when a new key finds no room, every held count
 * goes down by one instead (keys reaching zero make room). Any key seen more than
 * n / (capacity + 1) times in n is always kept, and each count is at most `error` low, so the
 * top of the list is right however many distinct keys stream past.
 */
export class TopCounter<T> {
  private readonly entries = new Map<string, { count: number; value: T }>();
  private decrements = 0;

  constructor(
    private readonly capacity: number,
    private readonly make: () => T,
  ) {}

  /** Counts the key once; `update` sees its value (kept or new) unless there was no room. */
  add(key: string, update?: (value: T) => void): void {
    const entry = this.entries.get(key);
    if (entry) {
      entry.count += 1;
      update?.(entry.value);
      return;
    }
    if (this.entries.size < this.capacity) {
      const value = this.make();
      update?.(value);
      this.entries.set(key, { count: 1, value });
      return;
    }
    this.decrements += 1;
    for (const [held, each] of this.entries) {
      each.count -= 1;
      if (each.count <= 0) this.entries.delete(held);
    }
  }

  /** How far below the truth any count may be (0: every count is exact). */
  get error(): number {
    return this.decrements;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The n largest counts, largest first (ties by key, so the report is stable). */
  top(n = Infinity): Array<Counted<T>> {
    return [...this.entries]
      .map(([key, { count, value }]) => ({ key, count, value }))
      .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .slice(0, n);
  }
}
