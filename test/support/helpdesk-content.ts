import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { parse } from 'yaml';
import { helpdeskSchema, type Helpdesk } from '../../src/content/helpdesk-schema';
import { timeZonesSchema, type TimeZones } from '../../src/content/time-zones-schema';
import { PROJECT_ROOT } from './paths';

/** Shared by the help-desk tests: the real content files, and pinned instants. */

const knowledge = join(PROJECT_ROOT, 'knowledge');

/** knowledge/helpdesk.yaml as raw YAML data (before the schema), for schema tests. */
export function rawHelpdesk(): Record<string, unknown> {
  return parse(readFileSync(join(knowledge, 'helpdesk.yaml'), 'utf8')) as Record<string, unknown>;
}

export function loadHelpdesk(): Helpdesk {
  return helpdeskSchema.parse(rawHelpdesk());
}

export function rawTimeZones(): Record<string, unknown> {
  return parse(readFileSync(join(knowledge, 'time-zones.yaml'), 'utf8')) as Record<string, unknown>;
}

export function loadTimeZones(): TimeZones {
  return timeZonesSchema.parse(rawTimeZones());
}

/**
 * The expected sentence: the content's template with the values a test worked out by hand.
 * Written here rather than imported so a bug in the bot's filling cannot hide in both.
 */
export function expectedSentence(template: string, values: Record<string, string>): string {
  let sentence = template;
  for (const [name, value] of Object.entries(values)) sentence = sentence.split(`{${name}}`).join(value);
  if (/\{\w+\}/.test(sentence)) throw new Error(`test left a placeholder unfilled: ${sentence}`);
  return sentence;
}

export const EASTERN = 'America/New_York';

/** A wall-clock time in New York (an ISO string with an offset is taken as that instant). */
export function eastern(iso: string): DateTime {
  return at(iso, EASTERN);
}

export function at(iso: string, zone: string): DateTime {
  const instant = DateTime.fromISO(iso, { zone });
  if (!instant.isValid) throw new Error(`bad test instant ${iso} in ${zone}`);
  return instant;
}
