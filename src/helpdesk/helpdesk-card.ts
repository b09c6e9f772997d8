import { DateTime } from 'luxon';
import type { Helpdesk } from '../content/helpdesk-schema';
import { fillTemplate } from '../content/fill-template';
import type { Content } from '../content/load-content';
import { sourcesLine } from '../content/sources-line';
import { deskStatus } from './desk-hours';
import { describeStatus, formatTimeOfDay } from './describe-status';
import { resolveUserZone } from './user-zone';
import type { HelpdeskCard } from '../reply/reply';

/** "7:30 a.m." and "7:00 p.m." for the desk's opening and closing times. */
export function deskHours(helpdesk: Helpdesk): { opens: string; closes: string } {
  const at = (time: string) => formatTimeOfDay(DateTime.fromISO(`2000-01-03T${time}`, { zone: helpdesk.zone }));
  return { opens: at(helpdesk.hours.opens), closes: at(helpdesk.hours.closes) };
}

/** "Monday to Friday" from the desk's days (a run of days reads as a range). */
function daysText(days: readonly string[]): string {
  return days.length > 2 ? `${days[0]} to ${days[days.length - 1]}` : days.join(' and ');
}

/** " (6:30 a.m. to 5:00 p.m. your time)" when the user's clock differs from the desk's; else "". */
function hoursInZone(
  now: DateTime,
  userZone: string | undefined,
  content: Pick<Content, 'helpdesk' | 'texts'>,
): string {
  const { helpdesk, texts } = content;
  const zone = resolveUserZone(userZone);
  const day = now.setZone(helpdesk.zone).toFormat('yyyy-MM-dd');
  const at = (time: string) => DateTime.fromISO(`${day}T${time}`, { zone: helpdesk.zone });
  const [opens, closes] = [at(helpdesk.hours.opens), at(helpdesk.hours.closes)];
  if (!zone || opens.setZone(zone).offset === opens.offset) return '';
  return fillTemplate(texts.helpdeskHoursLocal, {
    opens: formatTimeOfDay(opens.setZone(zone)),
    closes: formatTimeOfDay(closes.setZone(zone)),
  });
}

export interface HelpdeskCardOptions {
  /** Leave out the "try online first" reminder (the user already tried). */
  readonly triedOnline?: boolean;
}

/**
 * The handoff card for this instant and the user's zone: open or closed (and until or from
 * when, in Eastern and the user's time), the call steps, what to have ready.
 */
export function buildHelpdeskCard(
  now: DateTime,
  userZone: string | undefined,
  content: Pick<Content, 'helpdesk' | 'texts' | 'sources'>,
  options: HelpdeskCardOptions = {},
): HelpdeskCard {
  const { helpdesk, texts } = content;
  const status = deskStatus(now, userZone, helpdesk);
  const hours = deskHours(helpdesk);
  return {
    title: texts.helpdeskTitle,
    status: describeStatus(status, helpdesk),
    number: helpdesk.number,
    telLink: helpdesk.telLink,
    callLabel: fillTemplate(texts.helpdeskCallLabel, { number: helpdesk.number }),
    hours:
      fillTemplate(texts.helpdeskHours, { ...hours, days: daysText(helpdesk.days) }) +
      hoursInZone(now, userZone, content),
    stepsTitle: texts.helpdeskStepsTitle,
    steps: helpdesk.menuSteps,
    haveReadyTitle: texts.helpdeskHaveReadyTitle,
    haveReady: helpdesk.haveReady,
    ...(options.triedOnline ? {} : { tryOnlineFirst: helpdesk.tryOnlineFirst }),
    source: sourcesLine(helpdesk.sources, content),
    note: texts.helpdeskNote,
  };
}
