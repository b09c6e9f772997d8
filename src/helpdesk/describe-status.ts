import type { DateTime } from 'luxon';
import { fillTemplate } from '../content/fill-template';
import type { Helpdesk, HelpdeskTemplates } from '../content/helpdesk-schema';
import type { ClosedDeskStatus, DeskStatus } from './desk-hours';

/**
 * Turns a desk status into the sentences the bot says, using the templates in
 * knowledge/helpdesk.yaml. Code supplies only the formatted times and days.
 */

// The bot writes in U.S. English whatever the user's locale, so the days match the wording.
const LOCALE = 'en-US';

/**
 * A clock time in the instant's own zone, AP style as the IRS writes it: "7:00 p.m.",
 * "7:30 a.m.", "12:00 p.m." for noon.
 */
export function formatTimeOfDay(instant: DateTime): string {
  return `${instant.toFormat('h:mm', { locale: LOCALE })} ${instant.hour < 12 ? 'a.m.' : 'p.m.'}`;
}

/** The calendar day of an instant in its own zone, e.g. "Monday, Dec 1". */
export function formatDay(instant: DateTime): string {
  return instant.toFormat('cccc, LLL d', { locale: LOCALE });
}

/**
 * The user's local time for an event; when the user's calendar day differs from the desk's
 * (Pacific/Chatham is a day ahead), the local day too, or "4:30 a.m." would be ambiguous.
 */
function localTime(event: DateTime, status: DeskStatus, helpdesk: Pick<Helpdesk, 'zone' | 'templates'>): string {
  const local = event.setZone(status.userZone);
  const desk = event.setZone(helpdesk.zone);
  const time = formatTimeOfDay(local);
  const sameDay = local.toFormat('yyyy-MM-dd') === desk.toFormat('yyyy-MM-dd');
  return sameDay ? time : fillTemplate(helpdesk.templates.localDayAndTime, { day: formatDay(local), time });
}

function closedTemplate(status: ClosedDeskStatus, templates: HelpdeskTemplates): string {
  if (status.closedForHoliday !== undefined) {
    return status.userZoneIsDeskZone ? templates.closedHolidaySameZone : templates.closedHoliday;
  }
  return status.userZoneIsDeskZone ? templates.closedNowSameZone : templates.closedNow;
}

/**
 * What the bot says about calling now, e.g. "Open now until 7:00 p.m. ET (4:00 p.m. your
 * time)." plus the closing-soon warning in the last minutes, or "Closed now; opens Monday,
 * Dec 1 at 7:30 a.m. ET (4:30 a.m. your time)." naming the holiday when that is the reason.
 * The "your time" part is left out when the user's clock reads the same as Eastern.
 */
export function describeStatus(status: DeskStatus, helpdesk: Pick<Helpdesk, 'zone' | 'templates'>): string {
  const { templates } = helpdesk;

  if (status.open) {
    const values = {
      closesEt: formatTimeOfDay(status.closesAt.setZone(helpdesk.zone)),
      closesLocal: localTime(status.closesAt, status, helpdesk),
    };
    const sentences = [fillTemplate(status.userZoneIsDeskZone ? templates.openNowSameZone : templates.openNow, values)];
    if (status.closingSoon) sentences.push(fillTemplate(templates.closingSoon, values));
    return sentences.join(' ');
  }

  const opensEt = status.opensAt.setZone(helpdesk.zone);
  return fillTemplate(closedTemplate(status, templates), {
    holiday: status.closedForHoliday?.name ?? '',
    opensDayEt: formatDay(opensEt),
    opensEt: formatTimeOfDay(opensEt),
    opensLocal: localTime(status.opensAt, status, helpdesk),
  });
}
