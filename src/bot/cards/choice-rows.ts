import type { CardJson } from './adaptive-card';

/** A card's content as the renderer lays it out: its body, then its action bar. */
export interface CardLayout {
  readonly body: CardJson[];
  readonly actions?: CardJson[];
}

/**
 * Lays a card's buttons out so every answer can be read whole at any width. Hosts draw a card's
 * action bar their own way: Teams puts the actions side by side in one row and cuts each title to
 * fit ("Is …", "H…" at a chat's 446 px), never wrapping it, and a card cannot ask otherwise (the
 * host config is Teams'). So each answer (an Action.Submit) becomes a row of the body, as wide as
 * the card, its label wrapping onto a second line where it must, and the whole row is what the
 * user taps (the row's `selectAction` is the same Action.Submit, messageBack part and all).
 * Other actions keep the action bar: a link (Web Chat's call button) and the "more" button
 * (Action.ShowCard, which a `selectAction` cannot be), whose short titles fit.
 */
export function layOutChoices(body: readonly CardJson[], actions: readonly CardJson[]): CardLayout {
  const answers = actions.filter(isAnswer);
  const bar = actions.filter((action) => !isAnswer(action));
  return { body: [...body, ...answers.map(choiceRow)], ...(bar.length > 0 ? { actions: bar } : {}) };
}

/**
 * One answer as a row: a tinted box (the "emphasis" container style; a styled container is
 * padded, so it reads as something to tap and gives a finger room) holding the label. On the
 * card a "more" button opens, which Teams' host config tints the same way, the rows still stand
 * apart by their padding. The label is a TextRun, shown as written: a TextBlock would read it as
 * markdown. The action keeps its title, which renderers use as the row's accessible name and
 * tooltip.
 */
function choiceRow(action: CardJson): CardJson {
  return {
    type: 'Container',
    style: 'emphasis',
    spacing: 'Small',
    selectAction: action,
    items: [
      {
        type: 'RichTextBlock',
        inlines: [
          {
            type: 'TextRun',
            text: typeof action.title === 'string' ? action.title : '',
            weight: 'Bolder',
            color: 'Accent',
          },
        ],
      },
    ],
  };
}

function isAnswer(action: CardJson): boolean {
  return action.type === 'Action.Submit';
}
