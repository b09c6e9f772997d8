/**
 * Digits and separators as the privacy guard reads them: every script's decimal digits as 0-9,
 * every dash and space as one, fullwidth forms as ASCII, with the map back to the original text
 * (so a number typed in Arabic-Indic digits or with an en dash is found and redacted in place).
 */

/** A decimal digit of any script. */
export const ANY_DIGIT = /\p{Nd}/u;

export interface Folded {
  readonly text: string;
  /** Where the source of a folded character starts and ends in the original text. */
  start(index: number): number;
  end(index: number): number;
}

const ASCII_ONLY = /^[\u0000-\u007f]*$/; // eslint-disable-line no-control-regex -- the ASCII range

const DASH = /[\p{Pd}\u2212]/u;
const SPACE = /[\s\u00a0\u2007\u202f\u2060\ufeff]/u;

/**
 * The text with every decimal digit as 0-9, every dash as "-", every space as " " and fullwidth
 * forms as ASCII, one folded character per source code point, with the map back.
 */
export function fold(text: string): Folded {
  if (ASCII_ONLY.test(text)) return { text, start: (index) => index, end: (index) => index + 1 };
  let folded = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (let index = 0; index < text.length;) {
    const code = text.codePointAt(index) ?? 0;
    const width = code > 0xffff ? 2 : 1;
    const char = text.slice(index, index + width);
    let out: string;
    if (code >= 48 && code <= 57) out = char;
    else if (code < 128) out = char;
    else if (ANY_DIGIT.test(char)) out = String(digitValue(code));
    else if (DASH.test(char)) out = '-';
    else if (SPACE.test(char)) out = ' ';
    else if (code >= 0xff01 && code <= 0xff5e) out = String.fromCharCode(code - 0xfee0);
    else out = width === 1 ? char : '\ufffd';
    folded += out;
    starts.push(index);
    ends.push(index + width);
    index += width;
  }
  return { text: folded, start: (index) => starts[index], end: (index) => ends[index] };
}

let digitZeros: number[] | undefined;

/**
 * The value of a Unicode decimal digit. Unicode encodes each script's digits as a run of ten,
 * zero first, so the value is the distance from the run's zero; the zeros are found once.
 */
function digitValue(code: number): number {
  if (!digitZeros) {
    digitZeros = [];
    let runStart = -1;
    for (let candidate = 0x30; candidate <= 0x1fbff; candidate++) {
      const isDecimal = ANY_DIGIT.test(String.fromCodePoint(candidate));
      if (isDecimal && runStart < 0) runStart = candidate;
      if (!isDecimal && runStart >= 0) {
        for (let zero = runStart; zero < candidate; zero += 10) digitZeros.push(zero);
        runStart = -1;
      }
    }
  }
  let zero = digitZeros[0];
  for (const candidate of digitZeros) {
    if (candidate > code) break;
    zero = candidate;
  }
  return code - zero;
}
