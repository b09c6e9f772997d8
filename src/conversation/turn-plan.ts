import type { EventBody } from '../analytics/analytics-event';
import type { Content } from '../content/load-content';
import type { FlowOutcome } from '../content/flow-schema';
import type { Language } from '../matching/language';
import type { Matcher } from '../matching/matcher';
import type { RoutePolicy } from '../matching/router';
import type { Reply } from '../reply/reply';
import type { ConversationData, UserProfile } from './conversation-data';

/**
 * What arrived: a user joining (the welcome), a message (typed text or a clicked button), or
 * Teams' own feedback buttons on an answer (a like or a dislike, and the message it rates).
 */
export type TurnInput =
  | { readonly kind: 'join' }
  | { readonly kind: 'message'; readonly text: string; readonly value?: unknown }
  | { readonly kind: 'reaction'; readonly helpful: boolean; readonly messageId?: string };

/** What the turn starts from: the conversation's and the user's saved state. */
export interface TurnState {
  readonly conversation: ConversationData;
  readonly user: UserProfile;
}

/** Everything the turn decided; the Bot Framework edge carries it out. */
export interface TurnPlan {
  readonly replies: Reply;
  readonly conversation: ConversationData;
  readonly user: UserProfile;
  /** Forget everything stored for the conversation first ("reset"). */
  readonly reset?: boolean;
  /** Tell a contact-centre product (if connected) that the user is handed to the help desk. */
  readonly handoff?: { readonly summary: string; readonly userZone: string };
  /** For the log: what kind of answer this was. */
  readonly decision: string;
  readonly flowEnded?: { readonly flowId: string; readonly outcome: FlowOutcome };
  /** What analytics learn from the turn; the edge records them once the turn's state is saved. */
  readonly events?: readonly EventBody[];
}

/** What the policy reads besides the turn itself. */
export interface PolicyDeps {
  readonly content: Content;
  readonly matcher: Matcher;
  readonly language: Language;
  readonly maxMessageLength: number;
  /** Keep a redacted transcript in the conversation (for handoff events). */
  readonly keepTranscript: boolean;
  readonly routePolicy?: RoutePolicy;
  /**
   * Remember each answer's question (redacted) for a "not helpful" on it: only when analytics
   * keep the text of unhelpful answers (ANALYTICS_KEEP_TEXT).
   */
  readonly keepFeedbackText?: boolean;
}
