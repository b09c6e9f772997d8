import type { Activity } from 'botbuilder';

/** A button on a card, wherever it sits (the card's actions, an ActionSet in its body, a ShowCard). */
export interface CardButton {
  readonly title: string;
  /** The Action.Submit's data, without the `msteams` part Teams keeps for itself. */
  readonly value: unknown;
}

/**
 * Every Action.Submit on the replies' Adaptive Cards, in card order. tools/bot-client's
 * replyChoices reads a card's own actions; "Was this helpful?" and the rating sit in ActionSets.
 */
export function cardButtons(activities: ReadonlyArray<Partial<Activity>>): CardButton[] {
  const buttons: CardButton[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (record.type === 'Action.Submit') {
      const { msteams: _teams, ...value } = (record.data ?? {}) as Record<string, unknown>;
      buttons.push({ title: String(record.title ?? ''), value });
      return;
    }
    for (const [key, child] of Object.entries(record)) if (key !== 'data') visit(child);
  };
  for (const activity of activities) for (const attachment of activity.attachments ?? []) visit(attachment.content);
  return buttons;
}

/** The value of the card button with this title; throws naming the buttons there are. */
export function buttonValue(activities: ReadonlyArray<Partial<Activity>>, title: string): unknown {
  const buttons = cardButtons(activities);
  const button = buttons.find((candidate) => candidate.title === title);
  if (!button) throw new Error(`No card button "${title}" among: ${buttons.map((b) => b.title).join(' | ')}`);
  return button.value;
}
