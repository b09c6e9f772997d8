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
}

const FALLBACK_ACCENT = '#1f5fa8';

/**
 * Fills public/index.html's {{PLACEHOLDERS}}. Every value is escaped for HTML, and the colour
 * must be #RRGGBB, so configuration can never add markup or CSS to the page.
 */
export function renderPage(template: string, values: PageValues): string {
  const accent = /^#[0-9a-fA-F]{6}$/.test(values.accentColor) ? values.accentColor : FALLBACK_ACCENT;
  const fill: Record<string, string> = {
    FIRM_NAME: values.firmName,
    ACCENT_COLOR: accent,
    ACCENT_TEXT_COLOR: readableTextOn(accent),
    NONCE: values.nonce,
    WEBCHAT_VERSION: values.webchatVersion,
  };
  return template.replace(/\{\{([A-Z_]+)\}\}/g, (match, name: string) =>
    name in fill ? escapeHtml(fill[name]) : match,
  );
}

/** Escapes the five characters that matter in HTML text and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
