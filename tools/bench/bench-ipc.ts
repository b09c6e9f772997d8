/**
 * Messages between the benchmark and a bench server child process. Memory is reported over IPC
 * rather than an HTTP route so the server under test serves exactly the routes it would in
 * production.
 */

export type ServerKind = 'ours' | 'echo';

/** Child to parent: listening, and where. */
export interface ReadyMessage {
  readonly type: 'ready';
  readonly port: number;
}

/** Parent to child: how much memory do you use? */
export interface MemoryRequest {
  readonly type: 'memory';
  readonly id: number;
  /**
   * Run a full garbage collection first (the child needs --expose-gc): what is left is what the
   * process holds on to, rather than what V8 has not got round to freeing yet.
   */
  readonly collect?: boolean;
}

/** Child to parent: the answer, with how much state it holds. */
export interface MemoryReply {
  readonly type: 'memory';
  readonly id: number;
  readonly rss: number;
  readonly heapUsed: number;
  /** V8 heap committed (used or not): RSS follows this, not heapUsed. */
  readonly heapTotal: number;
  /** Memory outside the V8 heap held by JS objects (Buffers). */
  readonly external: number;
  /** Whether a full collection ran before measuring. */
  readonly collected: boolean;
  /** Keys in conversation-state storage (conversation and user state), when known. */
  readonly stateKeys?: number;
  /** Conversations the local Direct Line holds, when it is on. */
  readonly directLineConversations?: number;
}

export function isReady(message: unknown): message is ReadyMessage {
  return isRecord(message) && message.type === 'ready' && typeof message.port === 'number';
}

export function isMemoryRequest(message: unknown): message is MemoryRequest {
  return isRecord(message) && message.type === 'memory' && typeof message.id === 'number' && !('rss' in message);
}

export function isMemoryReply(message: unknown): message is MemoryReply {
  return (
    isRecord(message) && message.type === 'memory' && typeof message.id === 'number' && typeof message.rss === 'number'
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
