/**
 * Finds numbers people should never paste into a chat: SSNs and ITINs (9 digits, ITINs start
 * with 9), EINs (NN-NNNNNNN), PTINs (P + 8 digits) and payment-card numbers (13-19 digits that
 * pass the Luhn check). Pure; used to warn the user and to redact logs and transcripts.
 */
export type SensitiveKind = 'ssn' | 'itin' | 'ein' | 'ptin' | 'card';

export interface SensitiveMatch {
  readonly kind: SensitiveKind;
  readonly start: number;
  readonly end: number;
}

const PATTERNS: ReadonlyArray<{ kind: SensitiveKind | 'ssn-or-itin'; pattern: RegExp }> = [
  { kind: 'ptin', pattern: /\bP[\s-]?\d{8}\b/gi },
  { kind: 'ein', pattern: /\b\d{2}-\d{7}\b/g },
  { kind: 'ssn-or-itin', pattern: /\b\d{3}[\s-]\d{2}[\s-]\d{4}\b|\b\d{9}\b/g },
  { kind: 'card', pattern: /\b(?:\d[ -]?){12,18}\d\b/g },
];

/** Every sensitive number in the text, left to right, without overlaps. */
export function findSensitiveNumbers(text: string): SensitiveMatch[] {
  const found: SensitiveMatch[] = [];
  const overlaps = (start: number, end: number) => found.some((match) => start < match.end && end > match.start);
  for (const { kind, pattern } of PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const start = match.index ?? 0;
      const end = start + match[0].length;
      if (overlaps(start, end)) continue;
      const digits = match[0].replace(/\D/g, '');
      if (kind === 'card' && !luhnValid(digits)) continue;
      const resolved: SensitiveKind = kind === 'ssn-or-itin' ? (digits.startsWith('9') ? 'itin' : 'ssn') : kind;
      found.push({ kind: resolved, start, end });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The text with every sensitive number replaced by a marker such as [redacted ssn]. */
export function redactSensitiveNumbers(text: string): string {
  let result = '';
  let last = 0;
  for (const match of findSensitiveNumbers(text)) {
    result += `${text.slice(last, match.start)}[redacted ${match.kind}]`;
    last = match.end;
  }
  return result + text.slice(last);
}

/** The Luhn checksum that every payment-card number passes. */
export function luhnValid(digits: string): boolean {
  if (!/^\d{13,19}$/.test(digits)) return false;
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}
