import type { DateTime } from 'luxon';
import { expand, localTimePattern } from './clock-patterns';
import { deskState, nextBoundary } from './desk-state';
import { DEFAULT_ZONE } from './eval-clock';
import { pyTruthy } from './py-format';
import { pySearch } from './py-regex';
import { isMenu } from './reply-view';

/**
 * ask.py's judge(): whether a reply does what a case (or a judged conversation turn) asks, and
 * if not, why, in the same words. Regexes are Python's, searched case-insensitively.
 */

/** What a question-set case or a judged turn says about the reply. */
export interface JudgedCase {
  readonly kind: string;
  readonly facts?: readonly string[] | null;
  readonly not_facts?: readonly string[] | null;
  readonly open_now?: unknown;
  readonly local_time?: unknown;
  readonly allow_menu?: unknown;
  readonly localTimezone?: string | null;
}

export interface JudgeOptions {
  /** The user's zone; by default the case's localTimezone, else America/Chicago. */
  readonly zone?: string;
  /** A did-you-mean menu fails answer and handoff (version 2 files, every conversation turn). */
  readonly menuFails?: boolean;
  /** The clock's reading (tests); the judge's live clock otherwise. */
  readonly now?: () => DateTime;
}

export interface Verdict {
  readonly ok: boolean;
  readonly why: string[];
}

const DECLINE =
  '(couldn.?t find|could not find|can.?t find|cannot find|no answer|not sure|don.?t (have|know)|' +
  'can.?t (help|answer)|cannot (help|answer)|outside|only (help|answer)|not something|rephrase|' +
  'didn.?t (understand|catch)|don.?t understand|not able to|unable to)';

export const HANDOFF_NEEDS = [
  '888.?841.?4648',
  '7:30',
  '(7(:00)?\\s*(p\\.?m\\.?|pm)|19:00)',
  '(eastern|\\bET\\b|\\bEST\\b|\\bEDT\\b)',
];

const SAYS_OPEN = '(\\bopen (now|right now)|currently open|is open|are open|we.?re open|it.?s open)';
const SAYS_CLOSED_NOW = '(currently closed|is closed now|are closed now)';
const SAYS_REOPENS = '(opens|reopen|open again|next open|will open)';

/** open_now / local_time: what the reply misses about the desk at this moment. */
export function clockChecks(
  testCase: JudgedCase,
  text: string,
  zone: string,
  now: (() => DateTime) | undefined = undefined,
): string[] {
  const at = () => (now ? now() : undefined);
  const miss: string[] = [];
  if (testCase.open_now === 'check') {
    const state = deskState(at());
    if (state === 'open') {
      if (!pySearch(SAYS_OPEN, text) || pySearch(SAYS_CLOSED_NOW, text)) miss.push('should say open');
    } else if (state === 'closed') {
      if (!pySearch('closed', text) || !pySearch(SAYS_REOPENS, text)) miss.push('should say closed + when it opens');
    }
  }
  const localTime = testCase.local_time;
  if (pyTruthy(localTime) && deskState(at()) !== undefined) {
    const pattern = localTimePattern(nextBoundary(at()), localTime === 'check' ? zone : String(localTime));
    if (!pySearch(pattern, text)) miss.push(`user-local time ${pattern}`);
  }
  return miss;
}

/** The verdict on one reply (`text` as judged: visible and without the user's words). */
export function judge(testCase: JudgedCase, text: string, choices: number, options: JudgeOptions = {}): Verdict {
  const kind = testCase.kind;
  const zone = options.zone || testCase.localTimezone || DEFAULT_ZONE;
  const now = options.now;
  const facts = (testCase.facts ?? []).map((fact) => expand(fact, zone, now?.()));
  const missing = facts.filter((fact) => !pySearch(fact, text));
  const present = (testCase.not_facts ?? [])
    .map((pattern) => expand(pattern, zone, now?.()))
    .filter((pattern) => pySearch(pattern, text))
    .map((pattern) => `must not say /${pattern}/`);
  const extra = [...clockChecks(testCase, text, zone, now), ...present];
  if (
    options.menuFails &&
    (kind === 'answer' || kind === 'handoff') &&
    !pyTruthy(testCase.allow_menu) &&
    isMenu(text)
  ) {
    extra.push('did-you-mean menu instead of an answer');
  }
  const verdict = (why: string[]): Verdict => ({ ok: why.length === 0, why });
  switch (kind) {
    case 'answer':
    case 'any':
      return verdict([...missing, ...extra]);
    case 'flow':
      return verdict([...missing, ...(choices >= 2 ? [] : [`choices=${choices}`]), ...extra]);
    case 'handoff':
      return verdict([...HANDOFF_NEEDS.filter((need) => !pySearch(need, text)), ...missing, ...extra]);
    case 'decline':
      return verdict([...(pySearch(DECLINE, text) ? [] : ['no plain decline']), ...missing, ...extra]);
    default:
      throw new Error(String(kind));
  }
}
