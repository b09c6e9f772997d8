import { DateTime } from 'luxon';

/**
 * The judge's clock: the real one, or, with EVAL_NOW=<ISO-8601 instant>, read as if the judge had
 * started at that instant (as ask.py does; only for checking the judge against a bot whose clock
 * is shifted the same way). Every check that depends on the time takes an optional `now` so unit
 * tests pin it.
 */

export const ET = 'America/New_York';
export const DEFAULT_ZONE = 'America/Chicago';

const started = Date.now();
const shift = shiftFor(process.env.EVAL_NOW);

function shiftFor(evalNow: string | undefined): number {
  if (!evalNow) return 0;
  const at = Date.parse(evalNow);
  if (Number.isNaN(at)) throw new RangeError(`EVAL_NOW is not an ISO-8601 instant: ${evalNow}`);
  return at - started;
}

/** Milliseconds since the epoch on the judge's clock. */
export function nowMillis(): number {
  return Date.now() + shift;
}

/** The judge's clock in a zone (Eastern by default). */
export function clock(zone: string = ET): DateTime {
  return inZone(DateTime.fromMillis(nowMillis()), zone);
}

/** The instant in an IANA zone; an unknown zone throws, as ZoneInfo does. */
export function inZone(instant: DateTime, zone: string): DateTime {
  const moved = instant.setZone(zone);
  if (!moved.isValid) throw new RangeError(`No time zone found with key ${zone}`);
  return moved;
}

/** `clock(datetime.timezone.utc).isoformat()`: 2026-11-26T14:40:04.123000+00:00. */
export function pythonUtcIso(millis: number = nowMillis()): string {
  const iso = new Date(millis).toISOString();
  const fraction = millis % 1000 === 0 ? '' : `.${iso.slice(20, 23)}000`;
  return `${iso.slice(0, 19)}${fraction}+00:00`;
}
