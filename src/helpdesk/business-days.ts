import { formatCalendarDate, parseCalendarDate } from './calendar-date';
import { federalHolidayOn } from './federal-holidays';

/**
 * Federal business days: Monday to Friday, except observed federal holidays. The IRS states
 * mail timings this way ("up to 10 business days" for an activation code).
 *
 * Every function takes and returns calendar dates written as YYYY-MM-DD. A date has no time
 * of day and no zone, so the caller decides which zone's "today" it means, e.g.
 * `instant.setZone('America/New_York').toISODate()`.
 */

const SATURDAY = 6;

/**
 * True when `isoDate` is a weekday that is not an observed federal holiday.
 *
 * @throws RangeError when `isoDate` is not a valid YYYY-MM-DD date.
 */
export function isBusinessDay(isoDate: string): boolean {
  const date = parseCalendarDate(isoDate);
  return date.weekday < SATURDAY && federalHolidayOn(isoDate) === undefined;
}

/**
 * The date `n` business days after `isoDate` (before it when `n` is negative). The start date
 * itself is not counted, so it need not be a business day: 1 business day after a Saturday is
 * the following Monday (or Tuesday after a Monday holiday). `n = 0` returns `isoDate` unchanged.
 *
 * @throws RangeError when `isoDate` is invalid or `n` is not an integer.
 */
export function addBusinessDays(isoDate: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`Business days must be a whole number: ${n}`);
  const step = Math.sign(n);
  let date = parseCalendarDate(isoDate);
  let remaining = Math.abs(n);
  while (remaining > 0) {
    date = date.plus({ days: step });
    if (isBusinessDay(formatCalendarDate(date))) remaining -= 1;
  }
  return formatCalendarDate(date);
}
