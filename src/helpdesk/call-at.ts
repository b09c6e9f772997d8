import type { DateTime } from 'luxon';
import { fillTemplate } from '../content/fill-template';
import type { Helpdesk } from '../content/helpdesk-schema';
import type { Texts } from '../content/texts-schema';
import { deskStatus } from './desk-hours';
import { federalHolidayOn } from './federal-holidays';
import { formatDay, formatTimeOfDay } from './describe-status';
import { resolveUserZone } from './user-zone';
import type { TimeReference } from './time-reference';

/**
 * The answer to "can I call at 7:45 tonight / tomorrow at 6 my time / on Saturday?": yes or no
 * by the desk's hours at that moment (or on that day), in Eastern and the user's time, with the
 * closing time or the next opening. Wording from texts.yaml; days and holidays stay hedged there.
 */
export function callAtAnswer(
  reference: TimeReference,
  userZone: string | undefined,
  helpdesk: Helpdesk,
  texts: Texts,
): string {
  const zone = resolveUserZone(userZone) ?? helpdesk.zone;
  const et = (instant: DateTime) => formatTimeOfDay(instant.setZone(helpdesk.zone));
  const sameClock = (instant: DateTime) => instant.setZone(zone).offset === instant.setZone(helpdesk.zone).offset;
  const yours = (instant: DateTime) => {
    if (sameClock(instant)) return '';
    const local = instant.setZone(zone);
    const dayDiffers = local.toFormat('yyyy-MM-dd') !== instant.setZone(helpdesk.zone).toFormat('yyyy-MM-dd');
    return fillTemplate(texts.yourTime, {
      time: dayDiffers ? `${formatDay(local)}, ${formatTimeOfDay(local)}` : formatTimeOfDay(local),
    });
  };

  if (reference.kind === 'instant') {
    const status = deskStatus(reference.at, zone, helpdesk);
    const when = {
      whenEt: et(reference.at),
      whenDayEt: formatDay(reference.at.setZone(helpdesk.zone)),
      whenLocal: yours(reference.at),
    };
    return status.open
      ? fillTemplate(texts.callAtOpen, { ...when, closesEt: et(status.closesAt), closesLocal: yours(status.closesAt) })
      : fillTemplate(texts.callAtClosed, {
          ...when,
          opensDayEt: formatDay(status.opensAt),
          opensEt: et(status.opensAt),
          opensLocal: yours(status.opensAt),
        });
  }

  // A whole day: open at some point that day, by the desk's (assumed) days and holidays?
  const asked = deskDay(reference.day, helpdesk);
  const opening = asked.set({ hour: 12, minute: 0 });
  const status = deskStatus(opening, zone, helpdesk);
  const day = formatDay(asked);
  if (status.open) {
    const [opensHour, opensMinute] = helpdesk.hours.opens.split(':').map(Number);
    const opensAt = opening.set({ hour: opensHour, minute: opensMinute });
    return fillTemplate(texts.callOnDayOpen, {
      day,
      opensEt: et(opensAt),
      opensLocal: yours(opensAt),
      closesEt: et(status.closesAt),
      closesLocal: yours(status.closesAt),
    });
  }
  // "Do they work MLK day?": the holiday is named, with the assumption it rests on.
  const holiday = federalHolidayOn(asked.toISODate() ?? '');
  return fillTemplate(holiday ? texts.callOnHoliday : texts.callOnDayClosed, {
    day,
    holiday: holiday ? helpdesk.holidays[holiday.id] : '',
    opensDayEt: formatDay(status.opensAt),
    opensEt: et(status.opensAt),
    opensLocal: yours(status.opensAt),
  });
}

/**
 * The desk's day that a day asked about means. The date named, on the desk's calendar: Friday in
 * Tokyo starts on Thursday in New York, but "are they open Fridays?" asks about the desk's Friday.
 * But when the desk is closed that day and its hours the day before still reach into the user's
 * day ("can I call today?" early on a Tokyo Saturday, Friday afternoon in New York), the day
 * before: the user can still call then.
 */
function deskDay(day: DateTime, helpdesk: Helpdesk): DateTime {
  const named = day.setZone(helpdesk.zone, { keepLocalTime: true });
  const atNoon = (date: DateTime) => deskStatus(date.set({ hour: 12, minute: 0 }), undefined, helpdesk);
  if (atNoon(named).open) return named;
  const before = named.minus({ days: 1 });
  const earlier = atNoon(before);
  return earlier.open && earlier.closesAt > day ? before : named;
}
