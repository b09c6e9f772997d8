import type { FlowState } from '../flows/flow-engine';
import { newSession, type Session } from './responder';

/** What the bot keeps per conversation. */
export interface ConversationData {
  readonly session: Session;
  readonly welcomed: boolean;
  /**
   * Recent messages, numbers redacted, kept only when handoff events are on: attached to a
   * handoff so an agent sees what happened.
   */
  readonly transcript: ReadonlyArray<{ readonly from: 'user' | 'bot'; readonly text: string }>;
  /** When the last message turn ran (ISO), to tell a later visit in a long-lived chat. */
  readonly lastTurnAt?: string;
  /** The troubleshooting flow under way, if any. */
  readonly flow?: FlowState;
}

/** What the bot keeps per user, across conversations. */
export interface UserProfile {
  /** A time zone the user told us ("I'm in Phoenix"); wins over the channel's guess. */
  readonly timeZone?: string;
  /** When the user asked for an activation code by mail (YYYY-MM-DD), if they asked us to remember. */
  readonly mailedCodeRequestedOn?: string;
}

export const emptyConversation: ConversationData = Object.freeze({
  session: newSession,
  welcomed: false,
  transcript: [],
});
export const emptyUser: UserProfile = Object.freeze({});
