/**
 * The parts of an activity entity that mention handling reads. botbuilder's `Entity` and `Mention`
 * both fit, as do entities parsed straight from JSON.
 */
export interface EntityLike {
  type: string;
  mentioned?: unknown;
  text?: unknown;
}

const AT_TAG = /<at(?:\s[^>]*)?>([\s\S]*?)<\/at>/gi;
// Stands in for a removed mention until the spacing around it is tidied; Teams text never contains it.
const REMOVED = '\u0000';

/**
 * Turns the text of a Teams message into what the user asked: removes the bot's own `<at>…</at>`
 * mention (the ones whose mention entity names `botId`, the activity's recipient id), renders
 * everyone else's mention as their plain name, decodes the HTML escaping Teams applies
 * (`&amp;`, `&#39;`, `&nbsp;` …) and trims.
 *
 * Mentions are matched to the bot by the entity's exact text first, then by name, because the
 * entity and the message text can be escaped differently. Without entities nobody can be known
 * to be the bot, so every mention is kept as a name.
 */
export function removeBotMention(
  text: string | undefined,
  entities: readonly EntityLike[] | undefined,
  botId: string,
): string {
  if (!text) return '';
  const bot = botMentions(Array.isArray(entities) ? entities : [], botId);

  const marked = text.replace(AT_TAG, (tag: string, inner: string) =>
    bot.tags.has(tag) || bot.names.has(comparableName(inner)) ? REMOVED : inner,
  );

  return decodeHtml(marked)
    .replace(/[ \t]*\u0000[ \t]*(?=[.!?])/g, '')
    .replace(/[ \t]*\u0000[ \t]*(?:[,;:](?=\s|$)[ \t]*)?/g, ' ')
    .trim();
}

/** The bot's mention tags as the entities spell them, and its mentioned names, made comparable. */
function botMentions(entities: readonly EntityLike[], botId: string): { tags: Set<string>; names: Set<string> } {
  const tags = new Set<string>();
  const names = new Set<string>();
  for (const entity of entities) {
    // Entities come from the wire: skip anything that is not an object with a string type.
    if (typeof entity !== 'object' || entity === null || typeof entity.type !== 'string') continue;
    if (entity.type.toLowerCase() !== 'mention') continue;
    const mentioned = entity.mentioned as { id?: unknown; name?: unknown } | undefined;
    if (typeof mentioned?.id !== 'string' || mentioned.id.toLowerCase() !== botId.toLowerCase()) continue;
    if (typeof entity.text === 'string') {
      tags.add(entity.text);
      const inner = /^<at(?:\s[^>]*)?>([\s\S]*)<\/at>$/i.exec(entity.text.trim());
      if (inner) names.add(comparableName(inner[1]));
    }
    if (typeof mentioned.name === 'string') names.add(comparableName(mentioned.name));
  }
  names.delete('');
  return { tags, names };
}

function comparableName(name: string): string {
  return decodeHtml(name).replace(/\s+/g, ' ').trim().toLowerCase();
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Decodes the HTML entities Teams uses in message text; non-breaking spaces become plain spaces. */
function decodeHtml(text: string): string {
  return text
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity: string, body: string) => {
      if (body.startsWith('#')) {
        const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
      }
      return NAMED_ENTITIES[body.toLowerCase()] ?? entity;
    })
    .replace(/\u00a0/g, ' ');
}
