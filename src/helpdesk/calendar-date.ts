import { DateTime } from 'luxon';

/**
 * Calendar dates (YYYY-MM-DD, no time of day) as used by the holiday and business-day helpers.
 * They are held as midnight UTC so that adding days never meets a DST switch.
 */

/** The zone calendar-date arithmetic runs in; UTC has no DST, so a day is always 24 hours. */
export const CALENDAR_ZONE = 'UTC';

/**
 * Parses a YYYY-MM-DD calendar date.
 *
 * @throws RangeError when the text is not a real YYYY-MM-DD date (e.g. 2026-02-30).
 */
export function parseCalendarDate(isoDate: string): DateTime {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(isoDate)
    ? DateTime.fromISO(isoDate, { zone: CALENDAR_ZONE })
    : DateTime.invalid('not written as YYYY-MM-DD');
  if (!date.isValid) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${isoDate}`);
  return date;
}

/** Formats a calendar date back to YYYY-MM-DD. */
export function formatCalendarDate(date: DateTime): string {
  return date.toFormat('yyyy-MM-dd');
}
