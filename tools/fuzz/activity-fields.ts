import fc from 'fast-check';
import { weirdText, wrongType, type Json } from './arbitraries';

/**
 * The fields of a generated activity: shape-checked slots (valid, absent or of a wrong type),
 * accounts, conversation ids and activity types.
 */

// prettier-ignore
export const ACTIVITY_TYPES = [
  'message', 'event', 'conversationUpdate', 'invoke', 'typing', 'messageReaction', 'installationUpdate',
  'endOfConversation', 'handoff', 'command', 'commandResult', 'trace', 'delay', 'messageUpdate', 'messageDelete',
  'suggestion', 'contactRelationUpdate',
];

/** A shape-checked field: a valid value, absent, or a wrong one (which the server must refuse). */
export interface Slot {
  readonly value: Json;
  readonly state: 'valid' | 'absent' | 'invalid';
}

export const ABSENT = Symbol('absent');

export function slot(
  valid: fc.Arbitrary<Json>,
  invalid: fc.Arbitrary<Json>,
  absentWeight = 1,
  invalidWeight = 1,
): fc.Arbitrary<Slot> {
  return fc.oneof(
    { weight: 10, arbitrary: valid.map((value): Slot => ({ value, state: 'valid' })) },
    { weight: absentWeight, arbitrary: fc.constant<Slot>({ value: ABSENT, state: 'absent' }) },
    { weight: invalidWeight, arbitrary: invalid.map((value): Slot => ({ value, state: 'invalid' })) },
  );
}

/** A string 1..max characters long. */
export const boundedString = (max: number) => fc.string({ unit: 'binary', minLength: 1, maxLength: Math.min(max, 24) });

export const account = (idArb: fc.Arbitrary<string>) =>
  fc.record(
    {
      id: idArb,
      name: fc.oneof(weirdText, wrongType),
      role: fc.constantFrom('user', 'bot', 'skill', 'x'),
      aadObjectId: fc.oneof(fc.uuid(), wrongType),
    },
    { requiredKeys: ['id'] },
  );

/** An id for a fresh conversation: random, so runs rarely share state (and harmlessly when they do). */
export const conversationIdArb = fc.oneof(
  { weight: 6, arbitrary: fc.uuid().map((id) => `fuzz-${id}`) },
  { weight: 2, arbitrary: boundedString(1000) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('__proto__', 'constructor', 'a/b/../c', 'a%2Fb', ' ', '\u0000', 'x'.repeat(1000)),
  },
);
