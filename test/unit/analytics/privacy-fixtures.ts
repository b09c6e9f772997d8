import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PASTED_NUMBERS } from '../../support/pasted-numbers';
import { PROJECT_ROOT } from '../../support/paths';

/**
 * The number formats the privacy tests know, so that a format added there is checked here too:
 * PASTED_NUMBERS ([format, as pasted, digits], test/support/pasted-numbers.ts, which the HTTP
 * privacy test uses) and the unit test's table of texts the guard must find. That one is read from
 * its file rather than imported because importing a test file registers its tests.
 */
export interface PastedNumber {
  readonly format: string;
  readonly pasted: string;
  /** The digits that must never be kept, in order. */
  readonly digits: string;
}

const QUOTED = String.raw`'((?:[^'\\]|\\.)*)'`;

/** A single-quoted TypeScript string literal's value (the tables use \t and \uXXXX escapes only). */
function literal(source: string): string {
  return JSON.parse(`"${source.replace(/"/g, '\\"')}"`) as string;
}

function rows(file: string, pattern: RegExp): string[][] {
  const source = readFileSync(join(PROJECT_ROOT, file), 'utf8');
  return [...source.matchAll(pattern)].map((match) => match.slice(1).map(literal));
}

export function pastedNumbers(): PastedNumber[] {
  const fromHttp = PASTED_NUMBERS.map(([format, pasted, digits]) => ({ format, pasted, digits }));
  const fromUnit = rows(
    'test/unit/privacy/sensitive-numbers.test.ts',
    new RegExp(String.raw`^\s*\[${QUOTED}, '(ssn|itin|ein|ptin|card)'\],$`, 'gm'),
  ).map(([pasted, kind]) => ({ format: `${kind} in "${pasted}"`, pasted, digits: digitsOf(pasted, kind) }));
  return [...fromHttp, ...fromUnit];
}

/** The number's own digits (a PTIN's eight; the label's digits are none). */
function digitsOf(text: string, kind: string): string {
  const digits = text.replace(/\D/g, '');
  return kind === 'ptin' ? digits.slice(-8) : digits;
}

/** Whether the text still holds the digits in order, at most a few other characters apart. */
export function keepsDigits(text: string, digits: string): boolean {
  const folded = text.normalize('NFKC').replace(/[\u0660-\u0669]/g, (digit) => String(digit.charCodeAt(0) - 0x660));
  return new RegExp(digits.split('').join('[^0-9]{0,3}')).test(folded);
}
