import type { PageGreeting, TextPart } from './page-greeting';
import { readableTextOn } from './readable-text-color';

/** The values the page template is filled with. */
export interface PageValues {
  readonly firmName: string;
  /** #RRGGBB. */
  readonly accentColor: string;
  /** The per-response CSP nonce. */
  readonly nonce: string;
  /** Web Chat's version, so a new bundle is never served from a stale cache. */
  readonly webchatVersion: string;
  /** The greeting and e-Help Desk the page shows before (and without) Web Chat. */
  readonly greeting?: PageGreeting;
}

const FALLBACK_ACCENT = '#1f5fa8';

/**
 * Fills public/index.html's {{PLACEHOLDERS}}. Every value is escaped for HTML, and the colour
 * must be #RRGGBB, so configuration and content can never add markup or CSS to the page; the
 * one placeholder that is markup (the desk's linked source) is built here from escaped parts.
 */
export function renderPage(template: string, values: PageValues): string {
  const accent = /^#[0-9a-fA-F]{6}$/.test(values.accentColor) ? values.accentColor : FALLBACK_ACCENT;
  const fill: Record<string, string> = {
    FIRM_NAME: values.firmName,
    ACCENT_COLOR: accent,
    ACCENT_TEXT_COLOR: readableTextOn(accent),
    NONCE: values.nonce,
    WEBCHAT_VERSION: values.webchatVersion,
    ...(values.greeting ? greetingValues(values.greeting) : {}),
  };
  const markup: Record<string, string> = values.greeting
    ? { DESK_SOURCE_HTML: linkedText(values.greeting.desk.source) }
    : {};
  return template.replace(/\{\{([A-Z_]+)\}\}/g, (match, name: string) =>
    name in markup ? markup[name] : name in fill ? escapeHtml(fill[name]) : match,
  );
}

function greetingValues(greeting: PageGreeting): Record<string, string> {
  const { desk } = greeting;
  return {
    PAGE_GREETING: greeting.greeting,
    DESK_TITLE: desk.title,
    DESK_NUMBER: desk.number,
    // Only a tel: link; anything else in content would make the number a link elsewhere.
    DESK_TEL: /^tel:\+?[0-9-]+$/.test(desk.telLink) ? desk.telLink : `tel:${desk.number.replace(/[^0-9+]/g, '')}`,
    DESK_HOURS: desk.hours,
    DESK_NOTE: desk.note,
    PAGE_LOADING: greeting.loading,
    PAGE_CHAT_FAILED: greeting.chatFailed,
    PAGE_NO_SCRIPT: greeting.noScript,
    PAGE_CHAT_UNAVAILABLE: greeting.chatUnavailable,
    PAGE_CHAT_RESTARTED: greeting.chatRestarted,
  };
}

/** Text with its links as <a> elements; http(s) links only, everything escaped. */
function linkedText(parts: readonly TextPart[]): string {
  return parts
    .map((part) =>
      part.href && /^https?:\/\//.test(part.href)
        ? `<a href="${escapeHtml(part.href)}">${escapeHtml(part.text)}</a>`
        : escapeHtml(part.text),
    )
    .join('');
}

/** Escapes the five characters that matter in HTML text and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
