import { CardFactory, type Attachment } from 'botbuilder';

/**
 * The schema version every card declares. Teams renders up to 1.5 and Web Chat more; nothing we
 * send needs more than 1.4 (the card test parses each card at this version, so an element from a
 * later one is caught there).
 */
export const CARD_VERSION = '1.4';

/** An element or action of an Adaptive Card, as JSON. */
export type CardJson = Record<string, unknown>;

/** A wrapped TextBlock; Adaptive Cards render a subset of markdown (bold, lists, links). */
export function textBlock(text: string, style: CardJson = {}): CardJson {
  return { type: 'TextBlock', text, wrap: true, ...style };
}

export function adaptiveCard(body: readonly CardJson[], actions: readonly CardJson[]): Attachment {
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: CARD_VERSION,
    body,
    ...(actions.length > 0 ? { actions } : {}),
  });
}
