import { ActionTypes, type CardAction } from 'botbuilder';
import type { Choice } from '../../reply/reply';
import type { CardJson } from './adaptive-card';

/** Teams renders at most six actions on a card (its host config's `maxActions`). */
export const MAX_CARD_ACTIONS = 6;

/** A quick reply that sends the label as the user's words and the value for the bot. */
export function suggestedAction(choice: Choice): CardAction {
  return {
    type: ActionTypes.MessageBack,
    title: choice.label,
    text: choice.label,
    displayText: choice.label,
    value: choice.value,
  };
}

/**
 * A card button for channels without suggested actions (Teams). The `msteams` messageBack part
 * makes Teams post the label in the chat as the user's own message, as a typed answer would be,
 * and send the value with it. Real Teams needs this shape; Microsoft 365 Agents Playground
 * 0.2.19-0.2.28 throws on it when clicked ("Cannot add property msTeams, object is not
 * extensible", its bug), so Playground tests type the answer instead of clicking. We keep what
 * Teams users need over what the test tool can click.
 */
export function submitAction(choice: Choice): CardJson {
  return {
    type: 'Action.Submit',
    title: choice.label,
    data: { ...choice.value, msteams: { type: 'messageBack', displayText: choice.label, text: choice.label } },
  };
}

/**
 * Buttons for a card with room for `room` actions. A longer list shows the first ones and a
 * "more" button (Action.ShowCard) that opens the rest in place, in cards of at most six actions
 * each: two steps, but every choice stays a button that posts its label like the others.
 */
export function choiceActions(choices: readonly Choice[], moreLabel: string, room = MAX_CARD_ACTIONS): CardJson[] {
  const fits = Math.max(room, 2);
  if (choices.length <= fits) return choices.map(submitAction);
  const shown = choices.slice(0, fits - 1);
  return [
    ...shown.map(submitAction),
    {
      type: 'Action.ShowCard',
      title: moreLabel,
      card: { type: 'AdaptiveCard', body: [], actions: choiceActions(choices.slice(fits - 1), moreLabel) },
    },
  ];
}
