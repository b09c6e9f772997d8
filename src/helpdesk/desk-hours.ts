import { DateTime } from 'luxon';
import { type Helpdesk, WEEKDAY_NAMES, minutesOfDay } from '../content/helpdesk-schema';
import { formatCalendarDate } from './calendar-date';
import { type FederalHoliday, type FederalHolidayId, federalHolidayOn } from './federal-holidays';
import { resolveUserZone } from './user-zone';

/**
 * When the e-Help Desk is open, from the facts in knowledge/helpdesk.yaml. Every function
 * takes the instant to judge rather than reading the clock, so callers pass their clock's
 * reading and tests pin exact instants. Instants may be in whichever zone; the desk's own zone
 * decides which day it is and what the hours mean.
 */

/** The parts of the help-desk facts that decide opening hours. */
export type DeskSchedule = Pick<Helpdesk, 'zone' | 'hours' | 'days' | 'closedOnFederalHolidays'>;

// No desk worth describing is shut for a whole year; past this, the content must be wrong.
const MAX_DAYS_TO_SEARCH = 366;

function inDeskZone(instant: DateTime, schedule: DeskSchedule): DateTime {
  if (!instant.isValid) {
    throw new RangeError(`Invalid instant: ${instant.invalidExplanation ?? 'unknown reason'}`);
  }
  return instant.setZone(schedule.zone);
}

/** The given HH:MM on the desk-zone calendar day of `day`. */
function timeOn(day: DateTime, time: string, schedule: DeskSchedule): DateTime {
  const minutes = minutesOfDay(time);
  return DateTime.fromObject(
    { year: day.year, month: day.month, day: day.day, hour: Math.floor(minutes / 60), minute: minutes % 60 },
    { zone: schedule.zone },
  );
}

/** The observed federal holiday that shuts the desk on this desk-zone day, when there is one. */
function holidayClosing(day: DateTime, schedule: DeskSchedule): FederalHoliday | undefined {
  return schedule.closedOnFederalHolidays ? federalHolidayOn(formatCalendarDate(day)) : undefined;
}

/** A weekday the desk works, before holidays are considered. */
function isDeskWeekday(day: DateTime, schedule: DeskSchedule): boolean {
  const weekdayName = WEEKDAY_NAMES[day.weekday - 1];
  return weekdayName !== undefined && schedule.days.includes(weekdayName);
}

function isDeskDay(day: DateTime, schedule: DeskSchedule): boolean {
  return isDeskWeekday(day, schedule) && holidayClosing(day, schedule) === undefined;
}

/**
 * When the current open period ends (in the desk's zone), or null when the desk is closed at
 * `instant`. The opening minute counts as open and the closing minute as closed: 07:30:00 is
 * open, 19:00:00 is closed.
 *
 * @throws RangeError when `instant` is invalid.
 */
export function closesAt(instant: DateTime, schedule: DeskSchedule): DateTime | null {
  const local = inDeskZone(instant, schedule);
  if (!isDeskDay(local, schedule)) return null;
  const opens = timeOn(local, schedule.hours.opens, schedule);
  const closes = timeOn(local, schedule.hours.closes, schedule);
  return local >= opens && local < closes ? closes : null;
}

/**
 * The first opening strictly after `instant`, in the desk's zone, skipping days the desk is
 * shut. While the desk is open this is the next day's opening, not the current one.
 *
 * @throws RangeError when `instant` is invalid; Error when no opening falls within a year.
 */
export function nextOpeningAfter(instant: DateTime, schedule: DeskSchedule): DateTime {
  const local = inDeskZone(instant, schedule);
  for (let offset = 0; offset <= MAX_DAYS_TO_SEARCH; offset += 1) {
    const day = local.plus({ days: offset });
    if (!isDeskDay(day, schedule)) continue;
    const opens = timeOn(day, schedule.hours.opens, schedule);
    if (opens > local) return opens;
  }
  throw new Error(`The help desk has no opening within ${MAX_DAYS_TO_SEARCH} days of ${local.toISO() ?? ''}`);
}

interface StatusCommon {
  /** The user's IANA zone, or the desk's zone when the user's is unknown or invalid. */
  readonly userZone: string;
  /**
   * True when the user's clock reads the same as the desk's for the times in this status: the
   * desk's zone itself, an unknown zone (shown as Eastern), or a zone such as America/Toronto
   * with the same offsets. The bot then leaves out the "your time" part.
   */
  readonly userZoneIsDeskZone: boolean;
}

/** The desk is open now. */
export interface OpenDeskStatus extends StatusCommon {
  readonly open: true;
  /** At most `closingSoonMinutes` left: hold times may run past closing. */
  readonly closingSoon: boolean;
  /** The end of the current open period, in the desk's zone. */
  readonly closesAt: DateTime;
}

/** The desk is closed now. */
export interface ClosedDeskStatus extends StatusCommon {
  readonly open: false;
  readonly closingSoon: false;
  /** The next opening, in the desk's zone. */
  readonly opensAt: DateTime;
  /** Set when the desk is shut because today (in the desk's zone) is an observed federal holiday. */
  readonly closedForHoliday?: { readonly id: FederalHolidayId; readonly name: string };
}

/** Everything the bot needs to say whether it is worth calling now; `open` tells which kind. */
export type DeskStatus = OpenDeskStatus | ClosedDeskStatus;

function sameClock(zoneA: string, zoneB: string, instants: readonly DateTime[]): boolean {
  return (
    zoneA === zoneB || instants.every((instant) => instant.setZone(zoneA).offset === instant.setZone(zoneB).offset)
  );
}

/**
 * Whether the desk is open at `instant` and what to tell a user in `userZone` (an IANA name
 * from the channel or the conversation; anything invalid or missing means Eastern only).
 * Returns a frozen plain object.
 *
 * @throws RangeError when `instant` is invalid.
 */
export function deskStatus(instant: DateTime, userZone: string | undefined, helpdesk: Helpdesk): DeskStatus {
  const local = inDeskZone(instant, helpdesk);
  const zone = resolveUserZone(userZone) ?? helpdesk.zone;
  const closes = closesAt(local, helpdesk);

  if (closes !== null) {
    const closingSoon = closes.diff(local, 'minutes').minutes <= helpdesk.closingSoonMinutes;
    return Object.freeze<OpenDeskStatus>({
      open: true,
      closingSoon,
      closesAt: closes,
      userZone: zone,
      userZoneIsDeskZone: sameClock(zone, helpdesk.zone, [local, closes]),
    });
  }

  const opens = nextOpeningAfter(local, helpdesk);
  const holiday = holidayClosing(local, helpdesk);
  // Only a holiday on a day the desk would otherwise open explains the closure.
  const closedForHoliday =
    holiday !== undefined && isDeskWeekday(local, helpdesk)
      ? Object.freeze({ id: holiday.id, name: helpdesk.holidays[holiday.id] })
      : undefined;
  return Object.freeze<ClosedDeskStatus>({
    open: false,
    closingSoon: false,
    opensAt: opens,
    ...(closedForHoliday === undefined ? {} : { closedForHoliday }),
    userZone: zone,
    userZoneIsDeskZone: sameClock(zone, helpdesk.zone, [local, opens]),
  });
}
