import { ActionTypes, CardFactory, type Activity, type Attachment, type CardAction } from 'botbuilder';
import type { Choice, HelpdeskCard, Reply, ReplyMessage } from '../reply/reply';

/** What a channel can show. Decided here, once, so dialogs never look at channel ids. */
export interface ChannelTraits {
  /** Suggested actions (quick-reply buttons under the message). Teams shows them only rarely. */
  readonly suggestedActions: boolean;
  /** Adaptive Cards. */
  readonly cards: boolean;
  /** A typing indicator is worth sending. */
  readonly typing: boolean;
}

export function channelTraits(channelId: string | undefined, conversationType?: string): ChannelTraits {
  switch (channelId) {
    case 'msteams':
      // Teams shows typing in one-to-one and group chats, not in channel threads.
      return { suggestedActions: false, cards: true, typing: conversationType !== 'channel' };
    case 'webchat':
    case 'directline':
    case 'emulator':
      return { suggestedActions: true, cards: true, typing: true };
    default:
      // Channels we don't know (SMS-like, tests, terminals) get text and plain buttons.
      return { suggestedActions: true, cards: false, typing: false };
  }
}

/** Turns a reply into the activities to send on a channel with these traits. */
export function renderReply(reply: Reply, traits: ChannelTraits): Array<Partial<Activity>> {
  return reply.map((message) => renderMessage(message, traits));
}

function renderMessage(message: ReplyMessage, traits: ChannelTraits): Partial<Activity> {
  const activity: Partial<Activity> = { type: 'message', textFormat: 'markdown' };
  const attachments: Attachment[] = [];
  const texts: string[] = [];
  if (message.helpdesk) {
    if (traits.cards) attachments.push(helpdeskAdaptiveCard(message.helpdesk));
    else texts.push(helpdeskPlainText(message.helpdesk));
  }
  if (message.text) texts.push(message.text);
  const choices = message.choices ?? [];
  if (choices.length > 0) {
    if (traits.suggestedActions) {
      if (message.choicesPrompt) texts.push(message.choicesPrompt);
      activity.suggestedActions = { to: [], actions: choices.map(suggestedAction) };
    } else {
      attachments.push(choicesAdaptiveCard(message.choicesPrompt, choices));
    }
  }
  if (texts.length > 0) activity.text = texts.join('\n\n');
  if (attachments.length > 0) activity.attachments = attachments;
  return activity;
}

/** A quick reply that sends the label as the user's words and the value for the bot. */
function suggestedAction(choice: Choice): CardAction {
  return {
    type: ActionTypes.MessageBack,
    title: choice.label,
    text: choice.label,
    displayText: choice.label,
    value: choice.value,
  };
}

/** Card buttons for channels without suggested actions; Teams turns them into messageBack. */
function submitAction(choice: Choice): Record<string, unknown> {
  return {
    type: 'Action.Submit',
    title: choice.label,
    data: { ...choice.value, msteams: { type: 'messageBack', displayText: choice.label, text: choice.label } },
  };
}

function adaptiveCard(body: unknown[], actions: unknown[]): Attachment {
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.4',
    body,
    actions,
  });
}

function choicesAdaptiveCard(prompt: string | undefined, choices: readonly Choice[]): Attachment {
  const body = prompt ? [{ type: 'TextBlock', text: prompt, wrap: true }] : [];
  return adaptiveCard(body, choices.map(submitAction));
}

function helpdeskAdaptiveCard(card: HelpdeskCard): Attachment {
  // One TextBlock per list: Adaptive Cards number each block's markdown list from 1.
  const list = (items: readonly string[], numbered: boolean) => [
    {
      type: 'TextBlock',
      text: items.map((item, index) => `${numbered ? `${index + 1}.` : '-'} ${item}`).join('\r'),
      wrap: true,
      spacing: 'Small',
    },
  ];
  const body: unknown[] = [
    { type: 'TextBlock', text: card.title, weight: 'Bolder', size: 'Medium', wrap: true },
    { type: 'TextBlock', text: card.status, wrap: true, color: 'Accent', weight: 'Bolder' },
    { type: 'TextBlock', text: `${card.number} · ${card.hours}`, wrap: true },
    { type: 'TextBlock', text: card.stepsTitle, weight: 'Bolder', wrap: true, spacing: 'Medium' },
    ...list(card.steps, true),
    { type: 'TextBlock', text: card.haveReadyTitle, weight: 'Bolder', wrap: true, spacing: 'Medium' },
    ...list(card.haveReady, false),
  ];
  if (card.tryOnlineFirst)
    body.push({ type: 'TextBlock', text: card.tryOnlineFirst, wrap: true, isSubtle: true, spacing: 'Medium' });
  body.push({ type: 'TextBlock', text: card.note, wrap: true, isSubtle: true, size: 'Small' });
  body.push({ type: 'TextBlock', text: card.source, wrap: true, isSubtle: true, size: 'Small' });
  return adaptiveCard(body, [{ type: 'Action.OpenUrl', title: card.callLabel, url: card.telLink }]);
}

function helpdeskPlainText(card: HelpdeskCard): string {
  const lines = [
    `**${card.title}**`,
    card.status,
    `${card.number} (${card.telLink}) · ${card.hours}`,
    card.stepsTitle,
    ...card.steps.map((step, index) => `${index + 1}. ${step}`),
    card.haveReadyTitle,
    ...card.haveReady.map((item) => `- ${item}`),
  ];
  if (card.tryOnlineFirst) lines.push(card.tryOnlineFirst);
  lines.push(card.note, card.source);
  return lines.join('\n');
}
