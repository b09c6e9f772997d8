/**
 * Runs turns of the same conversation one after another within this process. Two turns of one
 * conversation on one instance (a double click, a burst of messages) then never race for its
 * state; across instances the eTag check and re-run in SupportBot.run handle it. Only keys with
 * a turn in flight are kept, so memory stays bounded.
 */
export class TurnQueue {
  private readonly tails = new Map<string, Promise<void>>();

  run(key: string, turn: () => Promise<void>): Promise<void> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const current = previous.then(turn, turn);
    const tail = current.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return current;
  }

  /** Conversations with a turn running or waiting. */
  get size(): number {
    return this.tails.size;
  }
}
