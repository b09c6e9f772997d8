import { IANAZone } from 'luxon';
import { z } from 'zod';

/**
 * Shape of knowledge/time-zones.yaml: the words people use for where they are ("Phoenix",
 * "PST", "Pacific time") and the IANA zone each one means.
 */

/**
 * A phrase as matched: lower-case letters and digits, words separated by single spaces, no
 * punctuation ("st johns", not "St. John's"). The matcher reduces messages to the same form,
 * so the file never needs spelling variants for case or punctuation.
 */
const phrase = z
  .string()
  .regex(/^[a-z0-9]+(?: [a-z0-9]+)*$/, 'must be lower-case words without punctuation, e.g. "st johns"');

const zoneEntry = z
  .object({
    zone: z.string().refine((zone) => IANAZone.isValidZone(zone), 'must be an IANA time zone such as America/Chicago'),
    /** Places and abbreviations that mean this zone wherever they appear ("phoenix", "pst"). */
    names: z.array(phrase).default([]),
    /**
     * Region words that are also ordinary words ("central", "pacific"): they count only when
     * the message mentions a cue such as "time", or is nothing but the word.
     */
    regions: z.array(phrase).default([]),
    /**
     * Abbreviations that name this zone only right after a clock time ("6pm ct", "5:30 pt"), for
     * reading that clock (never as where the user is): alone they are ordinary words or state
     * codes ("CT" is Connecticut).
     */
    afterClock: z.array(phrase).default([]),
    /** Every place of this zone is outside the U.S.: the toll-free line may not reach the desk from there. */
    abroad: z.boolean().default(false),
  })
  .strict();

export const timeZonesSchema = z
  .object({
    version: z.number().int().positive(),
    /** Words that show a region word is about time ("time", "zone"). */
    cues: z.array(phrase).min(1),
    /** Words that may come before a region word that is the whole message ("in mountain?", "and pacific"). */
    leadIns: z.array(phrase).default([]),
    zones: z.array(zoneEntry).min(1),
  })
  .strict()
  .superRefine(({ zones }, ctx) => {
    // A phrase listed under two zones would make the answer depend on file order.
    const seen = new Map<string, string>();
    zones.forEach((entry, index) => {
      for (const word of [...entry.names, ...entry.regions, ...entry.afterClock]) {
        const earlier = seen.get(word);
        if (earlier !== undefined) {
          const message = `"${word}" is listed for both ${earlier} and ${entry.zone}`;
          ctx.addIssue({ code: 'custom', path: ['zones', index], message });
        }
        seen.set(word, entry.zone);
      }
    });
  });

export type TimeZones = z.infer<typeof timeZonesSchema>;
