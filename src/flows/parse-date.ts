import { DateTime } from 'luxon';
import { addBusinessDays } from '../helpdesk/business-days';
import { COUNT_PATTERN, countOf } from '../helpdesk/count-words';

/** "3 days ago", "two weeks ago", "12 business days ago". */
const AGO = new RegExp(`\\b(${COUNT_PATTERN}) ((?:business |working )?day|week|month)s? ago\\b`);

/** "over", "about": a wait's length said roughly. */
const ROUGHLY = '(?:over |more than |almost |nearly |about |around |roughly |like |at least |close to |just over )?';
/** A wait's unit: "12 business days" counts weekdays that are not federal holidays. */
const UNIT = '((?:business |working )?day|week|wk|month|mo)';

/** "It's been 3 weeks", "been waiting over 12 days": a wait told as its length. */
const WAITED = new RegExp(`\\b(?:been|waited|waiting)(?: waiting)?(?: for)? ${ROUGHLY}(${COUNT_PATTERN}) ${UNIT}s?\\b`);

/** "Three weeks", "about 12 days now": a wait's length said alone, as the answer to how long. */
const WAIT_ALONE = new RegExp(`^${ROUGHLY}(${COUNT_PATTERN}) ${UNIT}s?(?: now| so far| already)?$`);

/** Business days counted back one by one: a wait longer than a year of them is no request date. */
const MOST_BUSINESS_DAYS = 260;

/** A unit of business days ("business day", "working day"). */
const BUSINESS = /^(business|working) /;

/** The day `count` business days before `today`, or undefined past a year of them. */
function businessDaysBefore(today: string, count: number): string | undefined {
  return count <= MOST_BUSINESS_DAYS ? addBusinessDays(today, -count) : undefined;
}

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
/**
 * "On the 10th", "around the 18th", "requested the 20th" at the end of a clause: its end, a comma,
 * "or so", "i think", or "and"/"but" going on to another ("on the 10th and its not here").
 */
const DAY_ENDING_A_CLAUSE =
  /\b(?:on|since|around|about|requested(?: it)?|asked for it|ordered(?: it)?) the (\d{1,2})(?:st|nd|rd|th)\s*(?:$|[.,;!?)]|(?:or so|i think|i believe|and|but)\b)/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * Reads a calendar date the way people type it in a chat, relative to `today` (YYYY-MM-DD in
 * the user's zone): "11/20", "11/20/2026", "2026-11-20", "Nov 20", "November 20th", "20 Nov",
 * "today", "yesterday", "last Tuesday", "on Monday", "3 days ago", "a week ago", and in a sentence
 * "on the 10th" or "around the 18th". A date written without a year is the latest such date not
 * after today. Returns YYYY-MM-DD or undefined.
 */
export function parseUserDate(text: string, today: string): string | undefined {
  const base = DateTime.fromISO(today, { zone: 'utc' });
  if (!base.isValid) return undefined;
  const lower = text.toLowerCase();
  const input = lower
    .replace(/(\d)(st|nd|rd|th)\b/g, '$1')
    .replace(/[,.]/g, ' ')
    .replace(/\b(\d{1,2}) of ([a-z]{3,9})\b/g, '$1 $2')
    .replace(/\s+/g, ' ')
    .trim();

  // "Two weeks ago today": the span counts back from today.
  const ago = input.match(AGO);
  if (ago && BUSINESS.test(ago[2])) return businessDaysBefore(today, countOf(ago[1]));
  if (ago) {
    const count = countOf(ago[1]);
    const unit = ago[2] === 'month' ? 'months' : ago[2] === 'week' ? 'weeks' : 'days';
    return iso(base.minus({ [unit]: count }));
  }
  if (/\btoday\b/.test(input)) return iso(base);
  if (/\byesterday\b/.test(input)) return iso(base.minus({ days: 1 }));
  if (/\b(the )?day before yesterday\b/.test(input)) return iso(base.minus({ days: 2 }));
  if (/\blast week\b/.test(input)) return iso(base.minus({ weeks: 1 }));

  const isoMatch = input.match(/\b(\d{4})-(\d{1,2})-(\d{1,2})\b/);
  if (isoMatch) return valid(Number(isoMatch[1]), Number(isoMatch[2]), Number(isoMatch[3]));

  const numeric = input.match(/\b(\d{1,2})[/-](\d{1,2})(?:[/-](\d{2,4}))?\b/);
  if (numeric) return withYear(Number(numeric[1]), Number(numeric[2]), numeric[3], base);

  // "Early October", "mid-nov", "end of october": a part of a month, read as a day in it.
  const part = input.match(/\b(early|beginning of|start of|mid|middle of|late|end of) ?-?([a-z]{3,9})\b/);
  const partMonth = part ? monthNamed(part[2]) : 0;
  if (part && partMonth > 0) return withYear(partMonth, PART_DAYS[part[1]], undefined, base);

  const monthFirst = input.match(/\b([a-z]{3,9}) (\d{1,2})(?: (\d{4}))?\b/);
  const dayFirst = input.match(/\b(\d{1,2}) ([a-z]{3,9})(?: (\d{4}))?\b/);
  for (const [monthWord, day, year] of [
    monthFirst ? [monthFirst[1], monthFirst[2], monthFirst[3]] : undefined,
    dayFirst ? [dayFirst[2], dayFirst[1], dayFirst[3]] : undefined,
  ].filter((match): match is string[] => match !== undefined)) {
    const month = monthNamed(monthWord);
    if (month > 0) {
      const result = withYear(month, Number(day), year, base);
      if (result) return result;
    }
  }

  // "on the 20th": that day this month, or last month if it is still to come.
  const dayOnly = input.match(/^(?:on )?(?:the )?(\d{1,2})$/);
  if (dayOnly) return dayOfMonth(Number(dayOnly[1]), base);

  const weekday = input.match(
    /\b(?:(last|this past|past|on) )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/,
  );
  if (weekday) {
    const target = WEEKDAYS.indexOf(weekday[2]) + 1;
    // The most recent such day before today: "last Tuesday" said on a Tuesday means a week ago.
    let back = (base.weekday - target + 7) % 7;
    if (back === 0) back = 7;
    return iso(base.minus({ days: back }));
  }
  // Inside a sentence, an ordinal day that ends its clause ("I asked for it on the 10th", "around
  // the 18th, I think"); one naming something ("on the 8th business day", "the 3rd try") is no date.
  const inSentence = lower.match(DAY_ENDING_A_CLAUSE);
  if (inSentence) return dayOfMonth(Number(inSentence[1]), base);
  return undefined;
}

/** The month a word names ("oct", "October"), 1-12, or 0. */
function monthNamed(word: string): number {
  const month = MONTHS.indexOf(word.slice(0, 3)) + 1;
  return month > 0 && (word.length === 3 || word.startsWith(MONTHS[month - 1])) ? month : 0;
}

/** The day a part of a month is read as: roughly its middle. */
const PART_DAYS: Record<string, number> = {
  early: 5,
  'beginning of': 5,
  'start of': 5,
  mid: 15,
  'middle of': 15,
  late: 25,
  'end of': 25,
};

/** That day this month, or last month's when it is still to come this month. */
function dayOfMonth(day: number, base: DateTime): string | undefined {
  const thisMonth = valid(base.year, base.month, day);
  if (thisMonth && thisMonth <= iso(base)) return thisMonth;
  const previous = base.minus({ months: 1 });
  return valid(previous.year, previous.month, day);
}

function withYear(month: number, day: number, year: string | undefined, base: DateTime): string | undefined {
  if (year !== undefined) return valid(year.length === 2 ? 2000 + Number(year) : Number(year), month, day);
  const thisYear = valid(base.year, month, day);
  if (thisYear && thisYear <= iso(base)) return thisYear;
  return valid(base.year - 1, month, day);
}

function valid(year: number, month: number, day: number): string | undefined {
  const date = DateTime.fromObject({ year, month, day }, { zone: 'utc' });
  return date.isValid ? iso(date) : undefined;
}

function iso(date: DateTime): string {
  return date.toFormat('yyyy-MM-dd');
}

/**
 * The day a wait began, from its length told ("it's been 3 weeks", "been 12 days now", "12
 * business days"), relative to `today` (YYYY-MM-DD). Returns YYYY-MM-DD or undefined.
 */
export function parseWaitStart(text: string, today: string): string | undefined {
  const base = DateTime.fromISO(today, { zone: 'utc' });
  const lower = text.toLowerCase().replace(/\s+/g, ' ');
  const waited = lower.match(WAITED) ?? lower.replace(/[.!,]/g, '').trim().match(WAIT_ALONE);
  if (!base.isValid || !waited) return undefined;
  const count = countOf(waited[1]);
  if (BUSINESS.test(waited[2])) return businessDaysBefore(today, count);
  const unit = /^mo/.test(waited[2]) ? 'months' : /^w/.test(waited[2]) ? 'weeks' : 'days';
  return iso(base.minus({ [unit]: count }));
}
