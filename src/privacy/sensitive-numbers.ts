/**
 * Finds numbers people should never paste into a chat: SSNs and ITINs (9 digits, ITINs start
 * with 9), EINs (2 + 7 digits), PTINs (P + 8 digits) and payment-card numbers (13-19 digits that
 * pass the Luhn check, or are grouped as cards are printed) and bank or loan account numbers
 * (6-20 digits right after an account word), however they are written: digits of every script
 * (fullwidth, Arabic-Indic…), every separator (spaces, no-break spaces, dots, dashes of every
 * kind, slashes, underscores), glued to letters or not. Pure and linear in the text; used to warn
 * the user and to redact what is kept.
 */
import { ANY_DIGIT, fold } from './fold-digits';

export type SensitiveKind = 'ssn' | 'itin' | 'ein' | 'ptin' | 'card' | 'account';

export interface SensitiveMatch {
  readonly kind: SensitiveKind;
  /** Offsets in the original text (UTF-16 units). */
  readonly start: number;
  readonly end: number;
}

/** Every sensitive number in the text, left to right, without overlaps. */
export function findSensitiveNumbers(text: string): SensitiveMatch[] {
  if (!ANY_DIGIT.test(text)) return [];
  const folded = fold(text);
  const ptins = [...folded.text.matchAll(PTIN)].map((match) => ({
    kind: 'ptin' as const,
    start: match.index ?? 0,
    end: (match.index ?? 0) + match[0].length,
  }));
  const found: Array<{ kind: SensitiveKind; start: number; end: number }> = [...ptins];
  // Runs and candidates come left to right, so one pointer walks the PTINs they may overlap.
  let ptin = 0;
  const takenByPtin = (start: number, end: number) => {
    while (ptin < ptins.length && ptins[ptin].end <= start) ptin += 1;
    return ptin < ptins.length && ptins[ptin].start < end;
  };
  for (const run of digitRuns(folded.text)) {
    const account = accountNumber(folded.text, run);
    if (account && !takenByPtin(account.start, account.end)) {
      found.push(account);
      continue;
    }
    // Nothing shorter than nine digits is a number we look for (PTINs were found above).
    if (run.length === 1 && run[0].end - run[0].start < 9) continue;
    const digits = runDigits(folded.text, run);
    for (let first = 0; first < run.length;) {
      const number = numberStartingAt(run, digits, first);
      if (number && !takenByPtin(run[first].start, run[number.last].end)) {
        found.push({ kind: number.kind, start: run[first].start, end: run[number.last].end });
        first = number.last + 1;
      } else {
        first += 1;
      }
    }
  }
  return found
    .sort((a, b) => a.start - b.start)
    .map((match) => ({ kind: match.kind, start: folded.start(match.start), end: folded.end(match.end - 1) }));
}

/** The text with every sensitive number replaced by a marker such as [redacted ssn]. */
export function redactSensitiveNumbers(text: string): string {
  return replaceSensitiveNumbers(text, (kind) => `[redacted ${kind}]`);
}

/** The text without its sensitive numbers, for reading: a marker's words would be read as the user's. */
export function withoutSensitiveNumbers(text: string): string {
  return replaceSensitiveNumbers(text, () => '');
}

function replaceSensitiveNumbers(text: string, marker: (kind: SensitiveKind) => string): string {
  let result = '';
  let last = 0;
  for (const match of findSensitiveNumbers(text)) {
    result += text.slice(last, match.start) + marker(match.kind);
    last = match.end;
  }
  return result + text.slice(last);
}

/**
 * For anything kept (transcripts, handoff summaries, analytics): the sensitive numbers, and then
 * every other run of nine or more digits, which is never worth keeping and may be a number in a
 * format nobody foresaw.
 */
export function redactForRecords(text: string): string {
  const redacted = redactSensitiveNumbers(text);
  if (!ANY_DIGIT.test(redacted)) return redacted;
  const folded = fold(redacted);
  let result = '';
  let last = 0;
  for (const run of digitRuns(folded.text)) {
    const digits = run.reduce((sum, group) => sum + group.end - group.start, 0);
    if (digits < 9) continue;
    const start = folded.start(run[0].start);
    result += `${redacted.slice(last, start)}[redacted number]`;
    last = folded.end(run[run.length - 1].end - 1);
  }
  return result + redacted.slice(last);
}

/**
 * "loan acct 7700123456", "account #: 0012-3456-78": an account word shortly before the digits.
 * The account check at sign-up asked for such numbers, so people paste them; a date or an amount
 * after the word ("account locked 11/20", "loan of 250000") is not one.
 */
const ACCOUNT_LABEL =
  /\b(?:acct|accts|account|accounts|a\/c|loan|routing|aba|iban|mortgage|heloc)\b(?:[\s#:.-]|\b(?:no|number|num|nbr|is|was|ending|in)\b)*$/i;
const ACCOUNT_DIGITS = { min: 6, max: 20 };
const ACCOUNT_SEPARATOR = /^[ -]+$/;
/**
 * "P12345678", "PTIN 12345678", "myP-12345678": a PTIN label glued to eight digits. A lower-case
 * "p" counts only at the start of a word ("help 12345678" is not a PTIN).
 */
const PTIN = /(?:[Pp][Tt][Ii][Nn]|(?<![A-Za-z])p|P)[ \t.\-/_:#]{0,3}\d{8}(?!\d)/g;
const SEPARATOR = /[ \t.\-/_]/;
const MAX_SEPARATOR = 3;

interface Group {
  /** Offsets in the folded text. */
  readonly start: number;
  readonly end: number;
}

/**
 * Digit groups joined by short separators ("123-45-6789", "4111 1111 1111 1111",
 * "1 2 3 4 5 6 7 8 9"), found in one pass.
 */
function digitRuns(text: string): Group[][] {
  const runs: Group[][] = [];
  let run: Group[] = [];
  let index = 0;
  while (index < text.length) {
    if (!isDigit(text, index)) {
      index += 1;
      continue;
    }
    const start = index;
    while (index < text.length && isDigit(text, index)) index += 1;
    const group = { start, end: index };
    const previous = run[run.length - 1];
    const joined =
      previous !== undefined && start - previous.end <= MAX_SEPARATOR && separatorsOnly(text, previous.end, start);
    if (!joined && run.length > 0) {
      runs.push(run);
      run = [];
    }
    run.push(group);
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/** The run as an account number, when an account word comes just before it. */
function accountNumber(
  text: string,
  run: readonly Group[],
): { kind: 'account'; start: number; end: number } | undefined {
  const start = run[0].start;
  const end = run[run.length - 1].end;
  let count = 0;
  for (let index = 0; index < run.length; index++) {
    count += run[index].end - run[index].start;
    if (index > 0 && !ACCOUNT_SEPARATOR.test(text.slice(run[index - 1].end, run[index].start))) return undefined;
  }
  if (count < ACCOUNT_DIGITS.min || count > ACCOUNT_DIGITS.max) return undefined;
  return ACCOUNT_LABEL.test(text.slice(Math.max(0, start - 40), start)) ? { kind: 'account', start, end } : undefined;
}

/** The digits of a run as numbers, and where each group's digits begin among them. */
interface RunDigits {
  readonly values: Uint8Array;
  /** groupStarts[i]: index in `values` of group i's first digit; one more entry at the end. */
  readonly groupStarts: number[];
}

function runDigits(text: string, run: readonly Group[]): RunDigits {
  const groupStarts = [0];
  for (const group of run) groupStarts.push(groupStarts[groupStarts.length - 1] + group.end - group.start);
  const values = new Uint8Array(groupStarts[groupStarts.length - 1]);
  let next = 0;
  for (const group of run)
    for (let index = group.start; index < group.end; index++) values[next++] = text.charCodeAt(index) - 48;
  return { values, groupStarts };
}

/** The sensitive number made of groups first..last of a run, if one starts at `first`. */
function numberStartingAt(
  run: readonly Group[],
  digits: RunDigits,
  first: number,
): { kind: SensitiveKind; last: number } | undefined {
  const from = digits.groupStarts[first];
  let nine: { kind: SensitiveKind; last: number; shaped: boolean } | undefined;
  let card: { kind: SensitiveKind; last: number } | undefined;
  for (let last = first; last < run.length; last++) {
    const count = digits.groupStarts[last + 1] - from;
    if (count > 19) break;
    if (count === 9 && !nine) {
      const shape = run
        .slice(first, last + 1)
        .map((group) => group.end - group.start)
        .join('-');
      const kind = shape === '2-7' ? 'ein' : digits.values[from] === 9 ? 'itin' : 'ssn';
      nine = { kind, last, shaped: shape === '3-2-4' || shape === '2-7' };
    }
    if (count >= 13 && luhnWindow(digits.values, from, from + count)) card = { kind: 'card', last };
    // Written in a card's own groups ("4532 7153 3790 4412", AmEx "3782 822463 10005"), it is one
    // to the writer whether or not it was typed right.
    else if (count === 15 || count === 16) {
      const shape = run
        .slice(first, last + 1)
        .map((group) => group.end - group.start)
        .join('-');
      if (CARD_SHAPES.has(shape)) card = { kind: 'card', last };
    }
  }
  // An SSN or EIN written in its own shape wins over a card that would swallow it and the start
  // of whatever follows.
  if (nine?.shaped) return { kind: nine.kind, last: nine.last };
  return card ?? (nine ? { kind: nine.kind, last: nine.last } : undefined);
}

/** How card numbers are printed: 4-4-4-4 (Visa, Mastercard, Discover) and 4-6-5 (AmEx). */
const CARD_SHAPES = new Set(['4-4-4-4', '4-6-5']);

/** The Luhn check over values[from..to), without building a string. */
function luhnWindow(values: Uint8Array, from: number, to: number): boolean {
  let sum = 0;
  for (let index = to - 1, position = 0; index >= from; index--, position++) {
    let digit = values[index];
    if (position % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

function isDigit(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 48 && code <= 57;
}

function separatorsOnly(text: string, from: number, to: number): boolean {
  for (let index = from; index < to; index++) if (!SEPARATOR.test(text[index])) return false;
  return from < to;
}
