import { DateTime } from 'luxon';
import { addBusinessDays, deskDay, todayIn } from './desk-state';
import { clock, DEFAULT_ZONE, ET, inZone } from './eval-clock';

/**
 * The clock placeholders of the shared question and conversation files, filled in as ask.py's
 * expand() fills them. The results are Python regex source (see py-regex.ts), except {date:..},
 * which is plain text for `say`:
 *
 *   {local:HH:MM[@Zone]}  that Eastern wall time on the desk's current (or next) business day,
 *                         as the user's (or Zone's) wall time
 *   {et:HH:MM@Zone}       that wall time in Zone today, as Eastern wall time
 *   {due:-N}              10 (or 9) business days after the date N days ago, in common spellings
 *   {date:-N[:style]}     the date N days ago: long 'November 9', short 'Nov 9', ordinal
 *                         'November 9th', numeric '11/9'
 */

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
]; // prettier-ignore

const PLACEHOLDER = /\{(local|et|due|date):([^{}]*)\}/g;

/** A regex for the instant's wall time in `zone`: '7:30 a.m.', '7 pm', '19:00', ... */
export function localTimePattern(instant: DateTime, zone: string): string {
  const t = inZone(instant, zone);
  const h = t.hour % 12 || 12;
  const ampm = t.hour < 12 ? 'a\\.?\\s?m\\.?' : 'p\\.?\\s?m\\.?';
  const mm = String(t.minute).padStart(2, '0');
  const minute = mm === '00' ? `(:${mm})?` : `:${mm}`;
  return `(\\b${h}${minute}\\s*${ampm}|\\b${String(t.hour).padStart(2, '0')}:${mm}\\b)`;
}

/** A regex for a calendar date (YYYY-MM-DD) in the spellings people and the bot use. */
export function datePattern(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  const long = MONTHS[month - 1];
  const short = long.slice(0, 3);
  const dayPart = `${day}(st|nd|rd|th)?\\b`;
  return (
    `((${long}|${short}\\.?)\\s+${dayPart}|\\b${day}(st|nd|rd|th)?\\s+(of\\s+)?(${long}|${short})\\b` +
    `|\\b0?${month}/0?${day}\\b|${String(year).padStart(4, '0')}-${isoDate.slice(5)})`
  );
}

function ordinal(day: number): string {
  if (day % 100 >= 10 && day % 100 <= 20) return 'th';
  return { 1: 'st', 2: 'nd', 3: 'rd' }[day % 10] ?? 'th';
}

/** `HH:MM` (spaces around allowed), as _hhmm reads it. */
function hoursMinutes(text: string): { hour: number; minute: number } {
  const parts = text.trim().split(':');
  if (parts.length !== 2) throw new RangeError(`not HH:MM: ${text}`);
  const [hour, minute] = parts.map(pythonInt);
  return { hour, minute };
}

function pythonInt(text: string): number {
  if (!/^\s*[+-]?\d+(_\d+)*\s*$/.test(text)) throw new RangeError(`invalid literal for int() with base 10: '${text}'`);
  return Number(text.replace(/_/g, ''));
}

function splitZone(arg: string, zone: string): [string, string] {
  const at = arg.indexOf('@');
  return at >= 0 ? [arg.slice(0, at), arg.slice(at + 1).trim()] : [arg, zone.trim()];
}

function wallTime(isoDate: string, time: { hour: number; minute: number }, zone: string): DateTime {
  const [year, month, day] = isoDate.split('-').map(Number);
  const instant = DateTime.fromObject({ year, month, day, ...time }, { zone });
  if (!instant.isValid)
    throw new RangeError(`${isoDate} ${time.hour}:${time.minute} in ${zone}: ${instant.invalidReason}`);
  return instant;
}

function plusDays(isoDate: string, days: number): string {
  return DateTime.fromISO(isoDate, { zone: 'UTC' }).plus({ days }).toFormat('yyyy-MM-dd');
}

/** Fills the clock placeholders of a regex or a `say` text; other values come back unchanged. */
export function expand<T>(text: T, zone: string = DEFAULT_ZONE, now?: DateTime): T | string {
  if (typeof text !== 'string' || !text.includes('{')) return text;
  return text.replace(PLACEHOLDER, (_all, name: string, arg: string) => {
    const at = now ?? clock();
    if (name === 'local') {
      const [hhmm, z] = splitZone(arg, zone);
      return localTimePattern(wallTime(deskDay(at), hoursMinutes(hhmm), ET), z);
    }
    if (name === 'et') {
      const [hhmm, z] = splitZone(arg, zone);
      return localTimePattern(wallTime(todayIn(z, at), hoursMinutes(hhmm), z), ET);
    }
    const parts = arg.split(':');
    const asked = plusDays(todayIn(zone, at), pythonInt(parts[0]));
    if (name === 'due') {
      return `(${datePattern(addBusinessDays(asked, 10))}|${datePattern(addBusinessDays(asked, 9))})`;
    }
    const [, month, day] = asked.split('-').map(Number);
    const style = parts.length > 1 ? parts[1] : 'long';
    if (style === 'short') return `${MONTHS[month - 1].slice(0, 3)} ${day}`;
    if (style === 'numeric') return `${month}/${day}`;
    if (style === 'ordinal') return `${MONTHS[month - 1]} ${day}${ordinal(day)}`;
    return `${MONTHS[month - 1]} ${day}`;
  });
}
