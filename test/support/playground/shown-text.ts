/**
 * Text as a reader sees it, for comparing content (Markdown) with what a client draws: no
 * Markdown marks, links or list bullets, straight quotes, one space for any run of whitespace.
 */
export function shownText(text: string): string {
  return text
    .replace(/^\s*(?:[-*+]|\d+\.)\s+/gm, '')
    .replace(/^\s*#+\s+/gm, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]/g, '')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The first words of a text, as a client shows them. */
export function openingWords(text: string, words = 8): string {
  return shownText(text).split(' ').slice(0, words).join(' ');
}
