import type { DateTime } from 'luxon';
import type { EventBody } from '../analytics/analytics-event';
import type { Content } from '../content/load-content';
import type { CommandName } from '../content/routing-schema';
import type { Language } from '../matching/language';
import type { Matcher } from '../matching/matcher';
import type { RouteDecision, RoutePolicy } from '../matching/router';
import type { ChoiceValue, HelpdeskCardSource, Reply } from '../reply/reply';
import type { Session } from './session';

/** One user message, as the responder sees it. */
export interface TurnInput {
  readonly text: string;
  /** A clicked button's value, if the message came from a button. */
  readonly value?: ChoiceValue;
}

/** What the responder decided: the reply, the next session, and anything the bot must start. */
export interface Outcome {
  readonly reply: Reply;
  readonly session: Session;
  readonly decision:
    | RouteDecision
    | { readonly kind: 'command'; readonly command: CommandName }
    | { readonly kind: 'button' }
    | { readonly kind: 'handoff' }
    | { readonly kind: 'intent'; readonly intent: string }
    /** `timed`: a yes or no for a moment asked about ("right now", "at 8pm") comes before the card. */
    | { readonly kind: 'calling'; readonly timed?: boolean }
    | { readonly kind: 'mailed-code' }
    | { readonly kind: 'two-answers' };
  /** A troubleshooting flow to start. */
  readonly startFlow?: string;
  /** A date already told (YYYY-MM-DD) that answers the flow's date question. */
  readonly startFlowOn?: string;
  /** The part of the message the flow opens on, when not all of it is about the flow. */
  readonly startFlowWith?: string;
  /** The user asked for the help desk: the bot may signal a handoff. */
  readonly handoff?: boolean;
  /** What analytics learn from it: an answer (article, score), a menu, a decline, a handoff. */
  readonly events?: readonly EventBody[];
}

export interface ResponderDeps {
  readonly content: Content;
  readonly matcher: Matcher;
  readonly language: Language;
  /** The live help-desk card for this moment, in the user's zone or one the message names. */
  readonly helpdeskCard: HelpdeskCardSource;
  readonly policy?: RoutePolicy;
  /** The moment of the turn, and the user's zone (undefined: Eastern only). */
  readonly now?: DateTime;
  readonly userZone?: string;
  /** Today in the user's zone (YYYY-MM-DD), and a mailed-code request date the user gave us. */
  readonly today?: string;
  readonly mailedCodeRequestedOn?: string;
  /** A mailed code's request date told earlier in this conversation ("asked for it by mail on 11/22"). */
  readonly codeRequestedHere?: string;
}
