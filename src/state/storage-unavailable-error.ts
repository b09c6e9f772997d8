/** The storage operation that failed. */
export type StorageOperation = 'read' | 'write' | 'delete';

/**
 * Thrown instead of the store's own error while conversation state cannot be read or saved, so the
 * bot can tell "storage is down, answer without saved state" apart from bugs and eTag conflicts.
 * The original error is kept as `cause`.
 */
export class StorageUnavailableError extends Error {
  override readonly name = 'StorageUnavailableError';

  constructor(
    readonly operation: StorageOperation,
    cause: unknown,
  ) {
    super(`State storage is unavailable (${operation} failed): ${describe(cause)}`, { cause });
  }
}

function describe(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
