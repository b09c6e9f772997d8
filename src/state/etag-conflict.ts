/**
 * An eTag conflict: someone else wrote the item since we read it. The caller should re-read and
 * retry; the store itself is fine.
 */

/**
 * The error botbuilder's MemoryStorage and BlobsStorage both throw on an eTag conflict, word for
 * word, so that code written against one store recognises the other's.
 */
export function eTagConflictError(key: string): Error {
  return new Error(`Storage: error writing "${key}" due to eTag conflict.`);
}

/**
 * Whether an error from a botbuilder Storage is an eTag (precondition) conflict rather than a
 * failure of the store.
 *
 * MemoryStorage and BlobsStorage throw a plain Error whose message says "eTag conflict" (BlobsStorage
 * turns the service's HTTP 412 into that message), so the message is the main signal. A raw 412
 * (an Azure RestError's statusCode, Cosmos DB's code) is accepted too, for stores that let it through.
 */
export function isETagConflict(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) {
    return false;
  }
  const { message, statusCode, code } = error as { message?: unknown; statusCode?: unknown; code?: unknown };
  return (
    statusCode === 412 ||
    code === 412 ||
    code === 'ConditionNotMet' ||
    (typeof message === 'string' && /\beTag conflict\b/i.test(message))
  );
}
