/** What a channel can show. Decided here, once, so dialogs never look at channel ids. */
export interface ChannelTraits {
  /** Suggested actions (quick-reply buttons under the message). Teams shows them only rarely. */
  readonly suggestedActions: boolean;
  /** Adaptive Cards. */
  readonly cards: boolean;
  /** A typing indicator is worth sending. */
  readonly typing: boolean;
  /**
   * A `tel:` button does something wherever the channel runs. Not in Teams: its desktop and web
   * clients ignore a `tel:` Action.OpenUrl (only the phone apps dial), so Teams gets the number as
   * text to copy, and no button that silently does nothing.
   */
  readonly callButton: boolean;
  /**
   * Teams' own feedback buttons (thumbs up and down on the message, `feedbackLoopEnabled`) take
   * the place of our "Was this helpful?" buttons.
   */
  readonly nativeFeedback: boolean;
}

export function channelTraits(channelId: string | undefined, conversationType?: string): ChannelTraits {
  switch (channelId) {
    case 'msteams':
      // Teams shows typing in one-to-one and group chats, not in channel threads.
      return {
        suggestedActions: false,
        cards: true,
        typing: conversationType !== 'channel',
        callButton: false,
        nativeFeedback: true,
      };
    case 'webchat':
    case 'directline':
    case 'emulator':
      return { suggestedActions: true, cards: true, typing: true, callButton: true, nativeFeedback: false };
    default:
      // Channels we don't know (SMS-like, tests, terminals) get text and plain buttons.
      return { suggestedActions: true, cards: false, typing: false, callButton: false, nativeFeedback: false };
  }
}
