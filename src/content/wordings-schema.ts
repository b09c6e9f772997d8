import { z } from 'zod';

/**
 * knowledge/wordings.yaml: how tax professionals have asked for each article, in their own words
 * (written by `npm run kb:wordings` from the read paraphrase banks). The matcher learns from them
 * which words point to which article (matching/word-classifier.ts).
 */
export const wordingsSchema = z
  .object({
    version: z.number().int().positive(),
    /** article id -> messages it answers; a message under several articles counts a share in each. */
    wordings: z.record(z.string().min(1), z.array(z.string().min(1).max(1_000)).min(1)),
    /** Messages about something else (tax law, other IRS programs): what no article answers. */
    outOfScope: z.array(z.string().min(1).max(1_000)).default([]),
  })
  .strict();

export type WordingsFile = z.infer<typeof wordingsSchema>;

/** A way someone asked, and the articles that answer it (none: a question about something else). */
export interface Wording {
  readonly text: string;
  readonly articles: readonly string[];
}
