import type { Attachment } from 'botbuilder';
import type { Choice, QuickAsk } from '../../reply/reply';
import { adaptiveCard, textBlock, type CardJson } from './adaptive-card';

/**
 * A short question with one-tap answers ("Was this helpful?", the 1-5 rating) as card elements:
 * a small prompt and a row of buttons, after the message it is about. `button` makes each
 * answer's action the way the channel needs it.
 */
export function quickAskElements(
  ask: QuickAsk,
  button: (choice: Choice) => CardJson,
  options: { readonly first: boolean; readonly row: boolean },
): CardJson[] {
  const { first, row } = options;
  return [
    textBlock(ask.prompt, { size: 'Small', spacing: first ? 'None' : 'Medium', ...(first ? {} : { separator: true }) }),
    {
      type: 'ActionSet',
      // A row, like the thumbs under a message, not a stack of full-width bars: Web Chat's host
      // config stacks a card's actions (Adaptive Cards reads an ActionSet's orientation since 1.1).
      ...(row ? { orientation: 'Horizontal' } : {}),
      actions: ask.choices.map(button),
    },
  ];
}

/**
 * Web Chat's button for an answer: an Action.Submit whose data is the value itself, which Web
 * Chat posts back as the activity's `value` without a text of the user's (no "Helpful" bubble
 * in the transcript: the bot's short reply says it was taken).
 */
export function postBackAction(choice: Choice): CardJson {
  return { type: 'Action.Submit', title: choice.label, data: choice.value };
}

/**
 * Web Chat's small card for the turn's asks, in a row each; `closing` is the prompt of the
 * buttons under the message ("Related questions:"), which this card would otherwise come between.
 */
export function quickAskCard(asks: readonly QuickAsk[], closing?: string): Attachment {
  const body = asks.flatMap((ask, index) => quickAskElements(ask, postBackAction, { first: index === 0, row: true }));
  if (closing) body.push(textBlock(closing, { spacing: 'Large' }));
  return adaptiveCard(body, []);
}
