import { DateTime } from 'luxon';
import type { FederalHolidayId } from '../content/holiday-ids';
import { CALENDAR_ZONE, formatCalendarDate, parseCalendarDate } from './calendar-date';

/**
 * U.S. federal holidays (5 U.S.C. 6103) for every year, with the dates federal offices observe
 * them. Everything here is calendar arithmetic on plain dates, so it runs in UTC: no time of day
 * is involved and no local DST switch can shift a date.
 */

export { FEDERAL_HOLIDAY_IDS, type FederalHolidayId } from '../content/holiday-ids';

/** One holiday in one year. Dates are ISO calendar dates (YYYY-MM-DD). */
export interface FederalHoliday {
  readonly id: FederalHolidayId;
  /** The legal date, e.g. 2026-07-04. */
  readonly date: string;
  /** The day offices close for it, e.g. 2026-07-03 when the 4th is a Saturday. */
  readonly observed: string;
}

const MONDAY = 1;
const THURSDAY = 4;
const SATURDAY = 6;
const SUNDAY = 7;

function calendarDate(year: number, month: number, day: number): DateTime {
  return DateTime.fromObject({ year, month, day }, { zone: CALENDAR_ZONE });
}

/** The nth given weekday of a month (n = 1..4), e.g. the 4th Thursday of November. */
function nthWeekday(year: number, month: number, weekday: number, n: number): DateTime {
  const first = calendarDate(year, month, 1);
  const offset = (weekday - first.weekday + 7) % 7;
  return first.plus({ days: offset + 7 * (n - 1) });
}

function lastWeekday(year: number, month: number, weekday: number): DateTime {
  const last = calendarDate(year, month, 1).endOf('month').startOf('day');
  const offset = (last.weekday - weekday + 7) % 7;
  return last.minus({ days: offset });
}

/** Saturday holidays are observed the Friday before, Sunday ones the Monday after. */
function observedDate(date: DateTime): DateTime {
  if (date.weekday === SATURDAY) return date.minus({ days: 1 });
  if (date.weekday === SUNDAY) return date.plus({ days: 1 });
  return date;
}

interface HolidayRule {
  readonly id: FederalHolidayId;
  /** The first year the holiday existed in its current form; earlier years leave it out. */
  readonly since: number;
  readonly dateIn: (year: number) => DateTime;
}

const RULES: readonly HolidayRule[] = [
  { id: 'new-years-day', since: 1870, dateIn: (y) => calendarDate(y, 1, 1) },
  { id: 'martin-luther-king-jr-day', since: 1986, dateIn: (y) => nthWeekday(y, 1, MONDAY, 3) },
  { id: 'washingtons-birthday', since: 1971, dateIn: (y) => nthWeekday(y, 2, MONDAY, 3) },
  { id: 'memorial-day', since: 1971, dateIn: (y) => lastWeekday(y, 5, MONDAY) },
  { id: 'juneteenth', since: 2021, dateIn: (y) => calendarDate(y, 6, 19) },
  { id: 'independence-day', since: 1870, dateIn: (y) => calendarDate(y, 7, 4) },
  { id: 'labor-day', since: 1894, dateIn: (y) => nthWeekday(y, 9, MONDAY, 1) },
  { id: 'columbus-day', since: 1971, dateIn: (y) => nthWeekday(y, 10, MONDAY, 2) },
  { id: 'veterans-day', since: 1978, dateIn: (y) => calendarDate(y, 11, 11) },
  { id: 'thanksgiving-day', since: 1942, dateIn: (y) => nthWeekday(y, 11, THURSDAY, 4) },
  { id: 'christmas-day', since: 1870, dateIn: (y) => calendarDate(y, 12, 25) },
];

function holidaysOfYear(year: number): FederalHoliday[] {
  return RULES.filter((rule) => year >= rule.since).map((rule) => {
    const date = rule.dateIn(year);
    const observed = observedDate(date);
    return Object.freeze({ id: rule.id, date: formatCalendarDate(date), observed: formatCalendarDate(observed) });
  });
}

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < 1 || year > 9998) {
    throw new RangeError(`Not a supported calendar year: ${year}`);
  }
}

/**
 * The federal holidays whose observed date falls in `year`, in date order.
 *
 * This is what an office calendar needs: a New Year's Day that falls on a Saturday is observed
 * on Dec 31 of the year before, so `holidaysObservedIn(2027)` ends with New Year's Day 2028
 * (observed 2027-12-31), and 2028's list has no New Year's Day at all.
 *
 * @throws RangeError when `year` is not an integer between 1 and 9998.
 */
export function holidaysObservedIn(year: number): readonly FederalHoliday[] {
  assertYear(year);
  const prefix = `${String(year).padStart(4, '0')}-`;
  return [...holidaysOfYear(year), ...holidaysOfYear(year + 1).filter((h) => h.id === 'new-years-day')]
    .filter((holiday) => holiday.observed.startsWith(prefix))
    .sort((a, b) => a.observed.localeCompare(b.observed));
}

// Every lookup for a date needs that year's list; building it takes a few dozen date operations,
// and status checks run on every message, so each year's list is built once.
const observedByYear = new Map<number, ReadonlyMap<string, FederalHoliday>>();

function observedIndex(year: number): ReadonlyMap<string, FederalHoliday> {
  let index = observedByYear.get(year);
  if (index === undefined) {
    index = new Map(holidaysObservedIn(year).map((holiday) => [holiday.observed, holiday]));
    observedByYear.set(year, index);
  }
  return index;
}

/**
 * The federal holiday observed on `isoDate` (YYYY-MM-DD), or undefined when it is an ordinary
 * day. Only observed dates count: 2026-07-03 is Independence Day (observed), 2026-07-04 is not.
 *
 * @throws RangeError when `isoDate` is not a valid YYYY-MM-DD date.
 */
export function federalHolidayOn(isoDate: string): FederalHoliday | undefined {
  const date = parseCalendarDate(isoDate);
  return observedIndex(date.year).get(formatCalendarDate(date));
}
