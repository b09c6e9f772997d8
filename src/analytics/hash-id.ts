import { createHmac } from 'node:crypto';

/** Hex characters kept of the HMAC: 64 bits, no collisions worth counting at a real volume. */
export const HASH_LENGTH = 16;

/**
 * A conversation or user id as analytics keep it: HMAC-SHA256 keyed with the secret salt,
 * truncated. Without the salt nobody can test a guessed id against the data; with the same salt,
 * every instance gives the same id the same hash, so a rating joins its conversation. The kind
 * is part of the message, so a user and a conversation that share an id do not share a hash.
 */
export function hashId(salt: string, kind: 'conversation' | 'user', id: string): string {
  return createHmac('sha256', salt).update(`${kind}:${id}`).digest('hex').slice(0, HASH_LENGTH);
}
