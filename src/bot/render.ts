import type { Activity, Attachment } from 'botbuilder';
import type { QuickAsk, Reply } from '../reply/reply';
import { adaptiveCard, textBlock, type CardJson } from './cards/adaptive-card';
import { choiceActions, MAX_CARD_ACTIONS, submitAction, suggestedAction } from './cards/choice-buttons';
import { callAction, helpdeskElements, helpdeskPlainText } from './cards/helpdesk-card';
import { quickAskCard, quickAskElements } from './cards/quick-ask';
import { summaryOf } from './cards/summary';
import { layoutTurn, type TurnLayout, type TurnPart } from './cards/turn-layout';
import type { ChannelTraits } from './channel-traits';

export { channelTraits, type ChannelTraits } from './channel-traits';

/** Words the renderer itself needs, from knowledge/texts.yaml. */
export interface RenderTexts {
  /** Teams: the button that opens the rest of a list longer than a card holds. */
  readonly moreChoices: string;
}

/**
 * Turns a turn's reply into what the channel is sent: one message, however many parts the reply
 * has (see layoutTurn), so a turn reads as one answer in a chat list, a Teams thread or on a
 * phone. Web Chat and Direct Line: the text, a card for the help desk (with the text that follows
 * it), the buttons as suggested actions. Teams: the text, and one Adaptive Card holding what
 * follows the help desk and the buttons (Teams rarely shows suggested actions), at most six
 * actions a card, no `tel:` button, and a summary for its chat list. Channels without cards: one
 * markdown text and plain buttons. `texts` is needed only for lists longer than a Teams card
 * holds; replies made without content at hand (busy, errors) have no such lists.
 *
 * "Was this helpful?" under an answer: in Web Chat and Direct Line a small card after the rest
 * (its two buttons in a row); in Teams its own feedback buttons on the message
 * (`channelData.feedbackLoopEnabled`), answered by an invoke (teams-feedback.ts). The rating:
 * a row of five buttons after everything else, on a small card in Web Chat and at the end of the
 * card in Teams. Channels without cards get neither.
 */
export function renderReply(reply: Reply, traits: ChannelTraits, texts?: RenderTexts): Array<Partial<Activity>> {
  const layout = layoutTurn(reply);
  if (layout.parts.length === 0 && layout.choices.length === 0) return [];
  return [traits.cards ? cardMessage(layout, traits, texts) : plainMessage(layout)];
}

function cardMessage(layout: TurnLayout, traits: ChannelTraits, texts: RenderTexts | undefined): Partial<Activity> {
  const buttonsOnCard = !traits.suggestedActions && layout.choices.length > 0;
  // Teams: its own feedback buttons, the rating at the end of its one card. Web Chat: both on a
  // small card of their own after the rest, and a prompt that ends the message ("Related
  // questions:") moves after that card, next to its buttons again.
  const ratingOnCard = traits.suggestedActions ? undefined : layout.rating;
  const asks = [
    traits.nativeFeedback ? undefined : layout.feedback,
    traits.suggestedActions ? layout.rating : undefined,
  ];
  const ownAsks = asks.filter((ask): ask is QuickAsk => ask !== undefined);
  const last = layout.parts.at(-1);
  const closing = ownAsks.length > 0 && traits.suggestedActions && last?.kind === 'prompt' ? last : undefined;
  const parts = closing ? layout.parts.slice(0, -1) : layout.parts;
  // The message's text runs up to the first part that belongs on the card: the help desk, or the
  // buttons' prompt where the buttons are on the card. The rest follows in order on the card, so
  // nothing is read out of turn and a prompt stays next to its buttons.
  const split = parts.findIndex((part) => part.kind === 'helpdesk' || (buttonsOnCard && part.kind === 'prompt'));
  const lead = split < 0 ? parts : parts.slice(0, split);
  const onCard = split < 0 ? [] : parts.slice(split);
  const activity: Partial<Activity> = { type: 'message', textFormat: 'markdown' };
  const text = lead.map(partText).join('\n\n');
  if (text) activity.text = text;
  if (!buttonsOnCard && layout.choices.length > 0) {
    activity.suggestedActions = { to: [], actions: layout.choices.map(suggestedAction) };
  }
  if (layout.feedback && traits.nativeFeedback) activity.channelData = { feedbackLoopEnabled: true };
  const attachments: Attachment[] = [];
  if (onCard.length > 0 || buttonsOnCard || ratingOnCard) {
    const helpdesk = onCard.find(isHelpdesk);
    const actions = helpdesk && traits.callButton ? [callAction(helpdesk.card)] : [];
    if (buttonsOnCard) {
      // Without the content's word for "more", the ellipsis Teams itself uses for overflow.
      actions.push(...choiceActions(layout.choices, texts?.moreChoices ?? '…', MAX_CARD_ACTIONS - actions.length));
    }
    const rating = ratingOnCard
      ? quickAskElements(ratingOnCard, submitAction, { first: onCard.length === 0, row: false })
      : [];
    attachments.push(adaptiveCard([...cardBody(onCard), ...rating], actions));
    activity.summary = summaryOf(layout.parts.map(partText).find((line) => line.length > 0) ?? '');
  }
  if (ownAsks.length > 0) attachments.push(quickAskCard(ownAsks, closing?.text));
  if (attachments.length > 0) activity.attachments = attachments;
  return activity;
}

function cardBody(parts: readonly TurnPart[]): CardJson[] {
  return parts.flatMap((part, index): CardJson[] => {
    if (part.kind === 'helpdesk') return [{ type: 'Container', items: helpdeskElements(part.card) }];
    const afterHelpdesk = index > 0 && parts[index - 1].kind === 'helpdesk';
    return [textBlock(part.text, { spacing: 'Medium', ...(afterHelpdesk ? { separator: true } : {}) })];
  });
}

function plainMessage(layout: TurnLayout): Partial<Activity> {
  const activity: Partial<Activity> = { type: 'message', textFormat: 'markdown' };
  const text = layout.parts
    .map((part) => (part.kind === 'helpdesk' ? helpdeskPlainText(part.card) : part.text))
    .join('\n\n');
  if (text) activity.text = text;
  if (layout.choices.length > 0) activity.suggestedActions = { to: [], actions: layout.choices.map(suggestedAction) };
  return activity;
}

/** What a part says as message text; the help desk's title where it opens a card. */
function partText(part: TurnPart): string {
  return part.kind === 'helpdesk' ? part.card.title : part.text;
}

function isHelpdesk(part: TurnPart): part is Extract<TurnPart, { kind: 'helpdesk' }> {
  return part.kind === 'helpdesk';
}
