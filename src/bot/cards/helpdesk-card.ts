import type { HelpdeskCard } from '../../reply/reply';
import { textBlock, type CardJson } from './adaptive-card';

/**
 * The help-desk card's elements. The status leads, in bold and the card's normal colour: whether
 * the desk is open is said in words by the status sentence itself ("Open now…", "Probably closed
 * now…", from knowledge/helpdesk.yaml), so nothing depends on telling colours apart. The number has
 * a line of its own, to read or copy.
 */
export function helpdeskElements(card: HelpdeskCard): CardJson[] {
  // One TextBlock per list: Adaptive Cards number each block's markdown list from 1.
  const list = (items: readonly string[], numbered: boolean) =>
    textBlock(items.map((item, index) => `${numbered ? `${index + 1}.` : '-'} ${item}`).join('\r'), {
      spacing: 'Small',
    });
  const body: CardJson[] = [
    textBlock(card.title, { weight: 'Bolder', size: 'Medium' }),
    textBlock(card.status, { weight: 'Bolder' }),
    textBlock(card.number, { weight: 'Bolder', size: 'Large', spacing: 'Small' }),
    textBlock(card.hours, { spacing: 'Small' }),
    textBlock(card.stepsTitle, { weight: 'Bolder', spacing: 'Medium' }),
    list(card.steps, true),
    textBlock(card.haveReadyTitle, { weight: 'Bolder', spacing: 'Medium' }),
    list(card.haveReady, false),
  ];
  if (card.tryOnlineFirst) body.push(textBlock(card.tryOnlineFirst, { isSubtle: true, spacing: 'Medium' }));
  body.push(textBlock(card.note, { isSubtle: true, size: 'Small' }));
  body.push(textBlock(card.source, { isSubtle: true, size: 'Small' }));
  return body;
}

/** The call button, where a `tel:` link works on every client of the channel. */
export function callAction(card: HelpdeskCard): CardJson {
  return { type: 'Action.OpenUrl', title: card.callLabel, url: card.telLink };
}

/** The card as markdown, for channels without cards (the tel: link stays in the text). */
export function helpdeskPlainText(card: HelpdeskCard): string {
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
