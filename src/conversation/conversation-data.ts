import type { FlowState } from '../flows/flow-state';
import { newSession, type Session } from './session';

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
  /** The troubleshooting flow under way, when there is one. */
  readonly flow?: FlowState;
  /** The last few knowledge answers, which "was this helpful" may still rate, oldest first. */
  readonly answers?: readonly RateableAnswer[];
  /** Knowledge answers given so far: the next one's token. */
  readonly answerCount?: number;
  /**
   * A mailed code's request date the user told in this conversation (YYYY-MM-DD): "and what day
   * can I expect it?" two answers later is worked out from it. It lives as long as the conversation
   * (a chat can be picked up later); the flow's own date replaces it, and "don't keep it" forgets it.
   * The user's profile keeps a date only through the flow, which asks.
   */
  readonly codeRequestedOn?: string;
  /** The satisfaction rating: asked (at most once a conversation) after what, and whether given. */
  readonly rating?: { readonly after: 'handoff' | 'flow'; readonly given?: boolean };
}

/** A knowledge answer that can be rated. */
export interface RateableAnswer {
  /** Names the answer on its buttons: its number in the conversation, base 36. */
  readonly token: string;
  readonly articleId: string;
  /**
   * The question it answered, as analytics may keep it (invisible characters spaced, numbers
   * redacted, cut short); only when the firm keeps the text of unhelpful answers.
   */
  readonly question?: string;
  readonly rated?: boolean;
  /**
   * Teams: the id the connector gave the message carrying the answer, known once it was sent.
   * Teams' feedback invoke names the message it rates by this id (its replyToId).
   */
  readonly messageId?: string;
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
