/**
 * The parts of an activity entity that mention handling reads. botbuilder's `Entity` and `Mention`
 * both fit, as do entities parsed straight from JSON.
 */
export interface EntityLike {
  type: string;
  mentioned?: unknown;
  text?: unknown;
}

// Stands in for a removed mention until the spacing around it is tidied; Teams text never contains it.
const REMOVED = '\u0000';

/**
 * Turns the text of a Teams message into what the user asked: removes the bot's own `<at>…</at>`
 * mention (the ones whose mention entity names `botId`, the activity's recipient id), renders
 * everyone else's mention as their plain name, decodes the HTML escaping Teams applies
 * (`&amp;`, `&#39;`, `&nbsp;` …) and trims.
 *
 * Mentions are matched to the bot by the entity's exact text first, then by name, because the
 * entity and the message text can be escaped differently. Without mention entities nobody can be
 * known to be the bot: a mention opening the message is taken as whom it is for, and every other
 * mention is kept as a name.
 *
 * Every step is a single forward scan: the text comes from anyone, so no input may cost more
 * than its length (backtracking patterns over runs of spaces or tags once froze the bot).
 */
export function removeBotMention(
  text: string | undefined,
  entities: readonly EntityLike[] | undefined,
  botId: string,
): string {
  if (!text) return '';
  const bot = botMentions(Array.isArray(entities) ? entities : [], botId);
  // The marker must mean a removed mention only: a NUL the sender typed is dropped first.
  // With no mention entities at all, a mention that opens the message says whom it is for, as a
  // typed "@TaxBot" there does (messages reach the bot in a channel only when it is mentioned).
  const unlabelled = !(Array.isArray(entities) && entities.some((entity) => entity?.type === 'mention'));
  const marked = replaceAtTags(text.replaceAll(REMOVED, ''), (tag, inner, leading) =>
    bot.tags.has(tag) || bot.names.has(comparableName(inner)) || (unlabelled && leading) ? REMOVED : inner,
  );
  return withoutTypedName(tidyRemoved(decodeHtml(marked)).trim());
}

/**
 * "@TaxBot my registration is broken": a name typed as plain text at the very start (pasted from a
 * channel, or typed where Teams made no mention of it) says whom the message is for, not what it
 * asks. Only a single "@word" at the start goes; "cc @Marcus" later in the text stays.
 */
function withoutTypedName(text: string): string {
  const typed = /^@[\p{L}\p{N}_.-]{1,40}(?=[\s,:;!?]|$)[\s,:;]*/u.exec(text);
  return typed ? text.slice(typed[0].length) : text;
}

/** A mention tag as Teams writes it: `<at>` or `<at attributes>`, then text, then `</at>`. */
interface AtTag {
  readonly start: number;
  readonly innerStart: number;
  readonly innerEnd: number;
  readonly end: number;
}

/**
 * Replaces each `<at…>inner</at>` (the nearest closing tag ends it) with what `replace` returns;
 * `leading` says whether only spaces come before the tag.
 */
function replaceAtTags(text: string, replace: (tag: string, inner: string, leading: boolean) => string): string {
  let result = '';
  let copied = 0;
  for (let from = 0; ;) {
    const tag = nextAtTag(text, from);
    if (!tag) break;
    const leading = copied === 0 && text.slice(0, tag.start).trim().length === 0;
    result +=
      text.slice(copied, tag.start) +
      replace(text.slice(tag.start, tag.end), text.slice(tag.innerStart, tag.innerEnd), leading);
    copied = tag.end;
    from = tag.end;
  }
  return result + text.slice(copied);
}

function nextAtTag(text: string, from: number): AtTag | undefined {
  for (let start = text.indexOf('<', from); start >= 0; start = text.indexOf('<', start + 1)) {
    if (!isAtOpening(text, start)) continue;
    const openEnd = text.indexOf('>', start + 3);
    // No '>' left, or no closing tag left: no later tag can be complete either.
    if (openEnd < 0) return undefined;
    const close = nextClosingTag(text, openEnd + 1);
    if (close < 0) return undefined;
    return { start, innerStart: openEnd + 1, innerEnd: close, end: close + 5 };
  }
  return undefined;
}

/** `<at>` or `<at` followed by whitespace (attributes), in upper or lower case. */
function isAtOpening(text: string, index: number): boolean {
  if ((text[index + 1] ?? '').toLowerCase() !== 'a' || (text[index + 2] ?? '').toLowerCase() !== 't') return false;
  const next = text[index + 3] ?? '';
  return next === '>' || /\s/.test(next);
}

function nextClosingTag(text: string, from: number): number {
  for (let index = text.indexOf('</', from); index >= 0; index = text.indexOf('</', index + 2)) {
    if (text.slice(index + 2, index + 5).toLowerCase() === 'at>') return index;
  }
  return -1;
}

/**
 * Removes the markers and the spaces around them: "Hi <bot>, how…" reads "Hi how…", "<bot>
 * thanks" reads "thanks", "ask <bot>." keeps its full stop.
 */
function tidyRemoved(text: string): string {
  if (!text.includes(REMOVED)) return text;
  const [first, ...rest] = text.split(REMOVED);
  // Each piece is trimmed at most once at each end, so the whole pass stays linear.
  const parts = [first];
  for (const piece of rest) {
    parts[parts.length - 1] = trimSpacesEnd(parts[parts.length - 1]);
    let right = trimSpacesStart(piece);
    if (/^[,;:]/.test(right) && (right.length === 1 || /\s/.test(right[1]))) right = trimSpacesStart(right.slice(1));
    else if (/^[.!?]/.test(right)) {
      parts.push(right);
      continue;
    }
    parts.push(' ', right);
  }
  return parts.join('');
}

function trimSpacesEnd(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end -= 1;
  return text.slice(0, end);
}

function trimSpacesStart(text: string): string {
  let start = 0;
  while (start < text.length && (text[start] === ' ' || text[start] === '\t')) start += 1;
  return text.slice(start);
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
    .replace(/&(#x[0-9a-f]{1,8}|#[0-9]{1,8}|[a-z]{1,10});/gi, (entity: string, body: string) => {
      if (body.startsWith('#')) {
        const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
      }
      return NAMED_ENTITIES[body.toLowerCase()] ?? entity;
    })
    .replace(/\u00a0/g, ' ');
}
