/**
 * What the bot says, as plain data. Decisions produce these; one renderer per channel turns
 * them into Bot Framework activities (suggested actions, cards, plain text).
 */

/** What a button does when clicked; it travels back to the bot in the activity's `value`. */
export type ChoiceValue =
  | { readonly action: 'article'; readonly id: string }
  | { readonly action: 'none-of-these' }
  | { readonly action: 'helpdesk' }
  | { readonly action: 'start-flow'; readonly id: string }
  | { readonly action: 'stop-flow' }
  | { readonly action: 'flow-answer'; readonly flowId: string; readonly nodeId: string; readonly choiceId: string }
  /** "Was this helpful?" under a knowledge answer: the article, and the token of that answer in the conversation. */
  | { readonly action: 'feedback'; readonly articleId: string; readonly answer: string; readonly helpful: boolean }
  /** The one-tap satisfaction rating, 1-5. */
  | { readonly action: 'rating'; readonly rating: number };

export interface Choice {
  readonly label: string;
  readonly value: ChoiceValue;
}

/** The e-Help Desk details worked out for the moment and the user's zone. */
export interface HelpdeskCard {
  readonly title: string;
  readonly status: string;
  readonly number: string;
  readonly telLink: string;
  readonly callLabel: string;
  readonly hours: string;
  readonly stepsTitle: string;
  readonly steps: readonly string[];
  readonly haveReadyTitle: string;
  readonly haveReady: readonly string[];
  readonly tryOnlineFirst?: string;
  /** Where the card's facts come from, and when. */
  readonly source: string;
  /** What has changed since (the line is from an undated notice of the Secure Access era). */
  readonly note: string;
}

/** A short question with one-tap answers that the channel shows after the message ("Was this helpful?"). */
export interface QuickAsk {
  readonly prompt: string;
  readonly choices: readonly Choice[];
}

export interface ReplyMessage {
  /** Markdown text. */
  readonly text?: string;
  readonly choices?: readonly Choice[];
  readonly choicesPrompt?: string;
  readonly helpdesk?: HelpdeskCard;
  /** The text asks for a typed answer (a date): notes go before it, so that it ends the reply. */
  readonly asks?: boolean;
  /** The text describes the 2016-2018 process: the reply says once what has changed since. */
  readonly historical?: boolean;
  /**
   * Ids from knowledge/sources.yaml for what the text states (a flow step's own facts): the turn
   * adds their dated source line under the text.
   */
  readonly sources?: readonly string[];
  /**
   * Under a knowledge answer: "Was this helpful?" with its two buttons. Teams shows its own
   * feedback buttons on the message instead.
   */
  readonly feedback?: QuickAsk;
  /** After the help desk or a finished flow: the optional satisfaction rating, 1-5. */
  readonly rating?: QuickAsk;
}

export type Reply = readonly ReplyMessage[];

/**
 * The one way decisions ask for the live help-desk card: in the user's zone unless another is
 * named, with "try online first" unless the user already tried (or can't register online).
 */
export type HelpdeskCardSource = (request?: { readonly zone?: string; readonly triedOnline?: boolean }) => HelpdeskCard;
