import { z } from 'zod';

/**
 * Shapes of the content files in knowledge/. The TypeScript types are derived from these
 * schemas so the files and the code cannot drift apart.
 */

/** A calendar date written as YYYY-MM-DD (YAML may hand it over as a string or a Date). */
export const isoDate = z.preprocess(
  (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written as YYYY-MM-DD'),
);

/** Lower-case words joined by hyphens: stable ids that tests and content refer to. */
export const contentId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens');

/** How far a source can be trusted: the IRS itself, IRS text republished, others, or a lead only. */
export const TRUST_LEVELS = ['irs', 'irs-quoted', 'third-party', 'low'] as const;

/** One source in knowledge/sources.yaml, cited by its id. */
export const sourceSchema = z
  .object({
    id: contentId,
    /** The page's own title. */
    title: z.string().min(3),
    /** Who published it, as users are shown it ("IRS (irs.gov)", "CrossLink"). */
    publisher: z.string().min(2),
    trust: z.enum(TRUST_LEVELS),
    /** The name an answer must credit for a third-party or low-trust fact ("according to …"). */
    attribution: z.string().min(2).optional(),
    url: z.url({ protocol: /^https?$/ }),
    /** The source's own date as the truth allows: "2021-11-17", "undated", "c. 2016-2018". */
    date: z.preprocess(
      (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
      z.string().min(4),
    ),
  })
  .strict()
  .refine((source) => source.trust === 'irs' || source.trust === 'irs-quoted' || source.attribution !== undefined, {
    path: ['attribution'],
    message: 'is required for third-party and low sources (answers must credit them)',
  });

export const sourcesSchema = z
  .object({ version: z.number().int().positive(), sources: z.array(sourceSchema).min(1) })
  .strict();

export const articleSchema = z
  .object({
    id: contentId,
    title: z.string().min(3),
    /** Ways people ask it; the matcher searches these and the title. */
    questions: z.array(z.string().min(3)).min(3),
    /** The short answer, in the project's own words. */
    answer: z.string().min(20),
    /** A short button label (Teams cuts longer ones off). */
    label: z.string().min(3).max(40),
    /** Ids of 2-3 related articles, offered as buttons after the answer. */
    followUps: z.array(contentId).max(3).default([]),
    /** Ids from knowledge/sources.yaml, primary first: every fact the answer states. */
    sources: z.array(contentId).min(1).max(3),
    /** The date a person last checked this entry against its source. */
    reviewed: isoDate,
    /**
     * True when the entry describes the 2016-2022 Secure Access process that the IRS has since
     * replaced with ID.me; the reply then says the process has changed.
     */
    historical: z.boolean().default(true),
    /**
     * True for articles about reaching the e-Help Desk: the reply then carries the live
     * help-desk card (open now or not, hours in Eastern and the user's time, call steps).
     */
    showsHelpdesk: z.boolean().default(false),
    /** The article that says what comes after this one's step, for "what happens after that?". */
    nextStep: contentId.optional(),
    /**
     * When someone other than the e-Help Desk helps with what this article covers today (ID.me
     * with sign-in): the article saying who, answered to "who do I contact then?" after this one.
     */
    whoHelps: contentId.optional(),
    /**
     * A yes or a no that opens the answer when the user asks a yes/no question: `asked` for one
     * asked the way the label asks, `turned` for one asked the other way round (a phrase of
     * `turnedBy` in it: "is it optional?" to "Does everyone have to re-register?").
     */
    verdict: z
      .object({
        asked: z.string().min(2).max(20),
        /** When given, `asked` only for a question with one of these phrases ("still", "secure access"). */
        askedBy: z.array(z.string().min(1)).default([]),
        turned: z.string().min(2).max(20).optional(),
        turnedBy: z.array(z.string().min(1)).default([]),
      })
      .strict()
      .optional(),
  })
  .strict();

export const synonymsSchema = z
  .object({
    version: z.number().int().positive(),
    /** canonical term -> other ways people write it (words or short phrases). */
    synonyms: z.record(z.string().min(1), z.array(z.string().min(1)).min(1)),
    /** Words that carry no meaning for matching ("the", "how", "do"). */
    stopwords: z.array(z.string().min(1)),
  })
  .strict();

/**
 * Topics the bot knowingly does not cover (tax law, refunds, other IRS programs, small talk).
 * Matching one of these lets the router decline plainly instead of guessing an article.
 */
export const outOfScopeSchema = z
  .object({
    version: z.number().int().positive(),
    topics: z
      .array(
        z
          .object({
            id: contentId,
            examples: z.array(z.string().min(2)).min(2),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

export type Article = z.infer<typeof articleSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type Synonyms = z.infer<typeof synonymsSchema>;
export type OutOfScope = z.infer<typeof outOfScopeSchema>;
