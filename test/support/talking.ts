import { DateTime } from 'luxon';
import { emptyConversation, emptyUser } from '../../src/conversation/conversation-data';
import type { Topic } from '../../src/conversation/session';
import type { TurnFacts } from '../../src/conversation/turn-facts';
import { decideTurn } from '../../src/conversation/turn-policy';
import type { PolicyDeps, TurnPlan, TurnState } from '../../src/conversation/turn-plan';

/**
 * A conversation under way over the real content, for tests of how messages are read: Tuesday
 * 2026-11-24, 10:00 Eastern (the desk open), the user in Chicago, welcomed five minutes ago.
 */
export const TUESDAY_OPEN: TurnFacts = {
  now: DateTime.fromISO('2026-11-24T15:00:00Z', { zone: 'utc' }),
  channelZone: 'America/Chicago',
};

/** The state of a conversation already talking, about `topic` when given. */
export function talking(topic?: Topic): TurnState {
  return {
    conversation: {
      ...emptyConversation,
      welcomed: true,
      lastTurnAt: '2026-11-24T14:55:00.000Z',
      session: { misses: 0, ...(topic ? { topic } : {}) },
    },
    user: emptyUser,
  };
}

/** Says a message in such a conversation (a fresh one unless a state is given). */
export function sayerWith(deps: PolicyDeps): (text: string, state?: TurnState) => TurnPlan {
  return (text, state = talking()) => decideTurn({ kind: 'message', text }, TUESDAY_OPEN, state, deps);
}

/** The state a plan leaves, for the next message. */
export function next(plan: TurnPlan): TurnState {
  return { conversation: plan.conversation, user: plan.user };
}

/** Says each message in turn, in one conversation begun fresh; the last plan. */
export function conversationWith(deps: PolicyDeps): (...messages: string[]) => TurnPlan {
  const say = sayerWith(deps);
  return (...messages) => {
    let plan = say(messages[0]);
    for (const message of messages.slice(1)) plan = say(message, next(plan));
    return plan;
  };
}
