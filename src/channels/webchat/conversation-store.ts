/** An activity as the local Direct Line keeps it and hands it to clients. */
export type StoredActivity = Readonly<Record<string, unknown>> & { readonly id: string };

/** One conversation of the local Direct Line. */
export interface Conversation {
  readonly id: string;
  /** The user the conversation's tokens speak for. */
  readonly userId: string;
}

/** A page of activities after a watermark, as Direct Line's GET activities returns it. */
export interface ActivitySet {
  readonly activities: readonly StoredActivity[];
  readonly watermark: string;
}

/** The store's clock and its three bounds. */
export interface ConversationStoreOptions {
  /** Milliseconds since the epoch. */
  readonly clock: () => number;
  /** A conversation no client or bot has touched for this long is dropped. */
  readonly idleMs: number;
  /** At most this many conversations; the least recently used goes first. */
  readonly maxConversations: number;
  /** At most this many activities per conversation; the oldest go first. */
  readonly maxActivities: number;
  /**
   * A conversation used this recently is never dropped to make room for a new one: a flood of
   * new chats is refused instead of ending chats people are in.
   */
  readonly protectMs: number;
}

interface Entry {
  readonly conversation: Conversation;
  lastUsedAt: number;
  /** The sequence number the next activity gets; watermarks are these numbers. */
  nextSequence: number;
  readonly activities: Array<{ readonly sequence: number; readonly activity: StoredActivity }>;
}

/**
 * The local Direct Line's memory: conversations and their activities, bounded in three ways
 * (idle time, number of conversations, activities per conversation) so an open endpoint cannot
 * grow the process without limit. Watermarks are sequence numbers that never go back, even when
 * old activities are dropped.
 */
export class ConversationStore {
  // A Map iterates in insertion order; re-inserting on every use keeps the least recently used
  // first, so eviction and the idle sweep both start at the front.
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly options: ConversationStoreOptions) {}

  /** How many conversations are kept right now (after dropping idle ones). */
  get size(): number {
    this.dropIdle();
    return this.entries.size;
  }

  /**
   * Adds a conversation, making room by dropping idle and then least recently used ones; returns
   * undefined when every kept conversation was used within the protected time.
   */
  create(conversation: Conversation): Conversation | undefined {
    this.dropIdle();
    const now = this.options.clock();
    while (this.entries.size >= this.options.maxConversations) {
      const oldest = this.entries.entries().next();
      if (oldest.done) break;
      if (now - oldest.value[1].lastUsedAt < this.options.protectMs) return undefined;
      this.entries.delete(oldest.value[0]);
    }
    this.entries.set(conversation.id, {
      conversation,
      lastUsedAt: now,
      nextSequence: 1,
      activities: [],
    });
    return conversation;
  }

  /** The conversation, if it is still kept; counts as a use. */
  get(conversationId: string): Conversation | undefined {
    return this.touch(conversationId)?.conversation;
  }

  /**
   * Appends an activity, giving it its id (`<conversationId>|<sequence>`, as Azure's Direct Line
   * does). Returns the id, or undefined when the conversation is gone.
   */
  append(conversationId: string, activity: Readonly<Record<string, unknown>>): string | undefined {
    const entry = this.touch(conversationId);
    if (!entry) return undefined;
    const sequence = entry.nextSequence;
    entry.nextSequence += 1;
    const id = `${conversationId}|${String(sequence).padStart(7, '0')}`;
    entry.activities.push({ sequence, activity: { ...activity, id } });
    if (entry.activities.length > this.options.maxActivities) {
      entry.activities.splice(0, entry.activities.length - this.options.maxActivities);
    }
    return id;
  }

  /** The activities after a watermark and the new watermark, or undefined when the conversation is gone. */
  since(conversationId: string, watermark: string | undefined): ActivitySet | undefined {
    const entry = this.touch(conversationId);
    if (!entry) return undefined;
    const after = parseWatermark(watermark);
    return {
      activities: entry.activities.filter((item) => item.sequence > after).map((item) => item.activity),
      watermark: String(entry.nextSequence - 1),
    };
  }

  private touch(conversationId: string): Entry | undefined {
    const entry = this.entries.get(conversationId);
    if (!entry) return undefined;
    const now = this.options.clock();
    if (now - entry.lastUsedAt > this.options.idleMs) {
      this.entries.delete(conversationId);
      return undefined;
    }
    entry.lastUsedAt = now;
    this.entries.delete(conversationId);
    this.entries.set(conversationId, entry);
    return entry;
  }

  private dropIdle(): void {
    const now = this.options.clock();
    for (const [id, entry] of this.entries) {
      if (now - entry.lastUsedAt <= this.options.idleMs) break;
      this.entries.delete(id);
    }
  }
}

/** A client's watermark as a sequence number; anything unreadable means "from the start". */
export function parseWatermark(watermark: string | undefined): number {
  if (watermark === undefined || !/^\d{1,15}$/.test(watermark)) return 0;
  return Number(watermark);
}
