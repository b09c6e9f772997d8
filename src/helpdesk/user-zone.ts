import { IANAZone } from 'luxon';
import type { TimeZones } from '../content/time-zones-schema';

/**
 * Working out the user's time zone, so the bot can show the desk's hours in the user's time
 * as well as Eastern. A wrong guess is worse than none: anything uncertain comes back
 * undefined, and the caller then shows Eastern only.
 */

// Longer than every real zone name; stops absurd channel data from reaching Intl.
const MAX_ZONE_NAME_LENGTH = 64;

/**
 * The candidate if it is a valid IANA zone name (e.g. "America/Phoenix", as Web Chat and Teams
 * report it), trimmed; otherwise undefined. Never throws, whatever the channel sent.
 */
export function resolveUserZone(candidate: string | undefined): string | undefined {
  // Channel data is untyped at run time, so the declared type is not trusted.
  if (typeof candidate !== 'string') return undefined;
  const name = candidate.trim();
  if (name === '' || name.length > MAX_ZONE_NAME_LENGTH) return undefined;
  try {
    return IANAZone.isValidZone(name) ? name : undefined;
  } catch {
    return undefined;
  }
}

/** Lower case, apostrophes dropped ("john's" -> "johns"), other punctuation as spaces. */
function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/['\u2018\u2019]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Where `phrase` first appears in `padded` as whole words, or -1. */
function wordPosition(padded: string, phrase: string): number {
  return padded.indexOf(` ${phrase} `);
}

interface Mention {
  readonly zone: string;
  readonly position: number;
  readonly length: number;
}

/** The earliest mention (longest phrase first at the same spot: "new york" over "york"). */
function earliest(mentions: readonly Mention[]): Mention | undefined {
  return [...mentions].sort((a, b) => a.position - b.position || b.length - a.length)[0];
}

/** An IANA name typed as is ("America/Chicago"), which the word table cannot list. */
function ianaNameIn(text: string): string | undefined {
  // Bounded and anchored at a word's start, so a long run of letters costs one pass, not one per letter.
  for (const token of text.match(/(?<![A-Za-z_])[A-Za-z_]{1,32}(?:\/[A-Za-z0-9_+-]{1,32}){1,3}/g) ?? []) {
    const zone = resolveUserZone(token);
    if (zone !== undefined) return zone;
  }
  return undefined;
}

/**
 * The IANA zone a message names, using the word table from knowledge/time-zones.yaml:
 * "I'm in Phoenix" -> America/Phoenix, "I am on Central time" -> America/Chicago,
 * "PST" -> America/Los_Angeles. Undefined when the message names no zone.
 *
 * Place names and abbreviations beat region words, because "Mountain time, in Arizona" means
 * Arizona's no-DST time; among equals the first mention wins. Region words ("pacific") count
 * only with a cue word ("time", "zone") or as the whole message, so "Central Authorization
 * File" is not read as a time zone.
 */
export function zoneFromText(text: string, table: TimeZones): string | undefined {
  const typed = ianaNameIn(text);
  if (typed !== undefined) return typed;

  const normalised = normalise(text);
  const padded = ` ${normalised} `;
  const hasCue = table.cues.some((cue) => wordPosition(padded, cue) >= 0);

  const mentionsOf = (words: (entry: TimeZones['zones'][number]) => readonly string[]): Mention[] =>
    table.zones.flatMap((entry) =>
      words(entry)
        .map((phrase) => ({ zone: entry.zone, position: wordPosition(padded, phrase), length: phrase.length }))
        .filter((mention) => mention.position >= 0),
    );

  const named = earliest(mentionsOf((entry) => entry.names));
  if (named !== undefined) return named.zone;

  // "Pacific", or "in mountain?" after the hours: the region word is all the message says.
  const bare = withoutLeadIns(normalised, table.leadIns);
  const regions = mentionsOf((entry) => entry.regions).filter((mention) => hasCue || mention.length === bare.length);
  return earliest(regions)?.zone;
}

/**
 * A clock time as people write it, ending where a zone word starts (punctuation already spaces):
 * "6pm", "6 p m", "6 30" (from "6:30"), "noon", or an hour after "at", "by", "until" ("at 6").
 */
const CLOCK = [
  '\\d{1,2}(?: \\d{2})? ?(?:am|pm|a m|p m)',
  '\\d{1,2} \\d{2}',
  'noon',
  '(?:at|by|after|before|around|until|till|til) \\d{1,2}',
].join('|');

/**
 * The zone a clock time in the message is written in, named right after it: "can I call at 6pm
 * central?", "at 5:30 PT". That names the clock's zone, not where the user is ("I'll call at 9
 * ET" from Denver): it is never remembered. A bare count is no clock ("3 PT preparers").
 */
export function clockZoneIn(text: string, table: TimeZones): string | undefined {
  const padded = ` ${normalise(text)} `;
  let first: { zone: string; position: number } | undefined;
  for (const { zone, pattern } of clockPatterns(table)) {
    const found = pattern.exec(padded);
    if (found && (first === undefined || found.index < first.position)) first = { zone, position: found.index };
  }
  return first?.zone;
}

const patternsByTable = new WeakMap<TimeZones, ReadonlyArray<{ zone: string; pattern: RegExp }>>();

/** Each zone word after a clock, as a pattern, built once per table. */
function clockPatterns(table: TimeZones): ReadonlyArray<{ zone: string; pattern: RegExp }> {
  const known = patternsByTable.get(table);
  if (known) return known;
  // Phrases are lower-case words and digits (the schema's rule): nothing to escape.
  const built = table.zones.flatMap((entry) =>
    [...entry.regions, ...entry.afterClock].map((phrase) => ({
      zone: entry.zone,
      pattern: new RegExp(`(?:^| )(?:${CLOCK}) ${phrase} `),
    })),
  );
  patternsByTable.set(table, built);
  return built;
}

/** The message without the lead-in words before it ("and in pacific" -> "pacific"). */
function withoutLeadIns(normalised: string, leadIns: readonly string[]): string {
  let rest = normalised;
  for (let shortened = true; shortened;) {
    const lead = leadIns.find((word) => rest.startsWith(`${word} `));
    shortened = lead !== undefined;
    if (lead !== undefined) rest = rest.slice(lead.length + 1);
  }
  return rest;
}
