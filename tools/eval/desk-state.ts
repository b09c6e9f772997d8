import { type DateTime } from 'luxon';
import { addBusinessDays, isBusinessDay } from '../../src/helpdesk/business-days';
import { clock, ET, inZone } from './eval-clock';

/**
 * The e-Help Desk as the shared judges see it: open 7:30 a.m. to 7 p.m. Eastern on federal
 * business days (weekdays that are not observed federal holidays). The holiday and
 * business-day arithmetic is the service's own (src/helpdesk), which gives the same days as
 * ask.py's federal_holidays() for every year from 2021 (Juneteenth's first) to 2060 at least.
 */

export type DeskState = 'open' | 'closed';

const OPENS = 7 * 60 + 30;
const CLOSES = 19 * 60;
/** Minutes either side of opening and closing where the judge does not decide. */
const MARGIN = 2;

function isoDate(day: DateTime): string {
  return day.toFormat('yyyy-MM-dd');
}

/** 'open', 'closed', or undefined when too close to a boundary to judge. */
export function deskState(now: DateTime = clock()): DeskState | undefined {
  const et = inZone(now, ET);
  if (!isBusinessDay(isoDate(et))) return 'closed';
  const minutes = et.hour * 60 + et.minute;
  if (Math.abs(minutes - OPENS) <= MARGIN || Math.abs(minutes - CLOSES) <= MARGIN) return undefined;
  return minutes >= OPENS && minutes < CLOSES ? 'open' : 'closed';
}

/** The next opening (when closed) or today's closing (when open), in Eastern time. */
export function nextBoundary(now: DateTime = clock()): DateTime {
  const et = inZone(now, ET);
  if (deskState(et) === 'open') return et.set({ hour: 19, minute: 0, second: 0, millisecond: 0 });
  let day = et;
  for (;;) {
    const start = day.set({ hour: 7, minute: 30, second: 0, millisecond: 0 });
    if (start > et && isBusinessDay(isoDate(day))) return start;
    day = day.plus({ days: 1 }).set({ hour: 0, minute: 0 });
  }
}

/** Today in Eastern time when it is a business day, else the next business day (YYYY-MM-DD). */
export function deskDay(now: DateTime = clock()): string {
  let day = isoDate(inZone(now, ET));
  while (!isBusinessDay(day)) day = addBusinessDays(day, 1);
  return day;
}

/** The calendar date in a zone at this instant (YYYY-MM-DD). */
export function todayIn(zone: string, now: DateTime = clock()): string {
  return isoDate(inZone(now, zone));
}

export { addBusinessDays };
