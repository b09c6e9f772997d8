import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';

/**
 * The content review's points and the checks that keep them fixed (test/fixtures/content-fixes.yaml):
 * kb:check holds the content to them, the HTTP tests ask the running bot, and the review page
 * lists them. The format is described at the top of that file.
 */

export const DEFAULT_FIXES_FILE = 'test/fixtures/content-fixes.yaml';

/** A regex as the file writes it: case-insensitive, and `.` matches newlines too. */
const pattern = z.string().refine((source) => {
  try {
    new RegExp(source, 'is');
    return true;
  } catch {
    return false;
  }
}, 'is not a valid regular expression');

const pointSchema = z
  .object({
    id: z.string().regex(/^[A-Z]\d+$/, 'must be a review point id such as B1'),
    severity: z.enum(['high', 'medium', 'low']),
    class: z.enum(['unsupported', 'contradicted', 'low-as-fact', 'source', 'stale', 'inconsistent']),
    title: z.string().min(3),
    before: z.string().min(3),
    after: z.string().min(3),
    /** The statements the review flagged: they must appear nowhere the bot speaks. */
    flagged: z.array(pattern),
  })
  .strict();

const answerSchema = z.union([z.string().min(1), z.object({ type: z.string().min(1) }).strict()]);

/** `2026-11-25T10:00`, read in the help desk's zone. */
const localTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'must be written like 2026-11-25T10:00');

const checkSchema = z
  .object({
    fix: z.string().min(1),
    ask: z.string().min(1),
    now: localTime.optional(),
    article: z.string().optional(),
    flow: z.string().optional(),
    answers: z.array(answerSchema).optional(),
    node: z.string().optional(),
    helpdesk: z.literal(true).optional(),
    say: z.array(z.string().min(1)).optional(),
    returnAt: localTime.optional(),
    text: z.string().optional(),
    must: z.array(pattern).min(1),
    must_not: z.array(pattern).default([]),
  })
  .strict()
  .refine((check) => [check.article, check.flow, check.helpdesk, check.say].filter(Boolean).length === 1, {
    message: 'needs exactly one way to reach the reply: article, flow, helpdesk or say',
  })
  .refine((check) => (check.flow === undefined) === (check.answers === undefined), {
    message: 'flow and answers go together',
  })
  .refine((check) => check.node === undefined || check.flow !== undefined, { message: 'node needs a flow' });

export const contentFixesSchema = z
  .object({
    version: z.literal(1),
    review: z.string().min(3),
    points: z.array(pointSchema).min(1),
    checks: z.array(checkSchema).min(1),
  })
  .strict();

export type ContentFixes = z.infer<typeof contentFixesSchema>;
export type ReviewPoint = ContentFixes['points'][number];
export type FixCheck = ContentFixes['checks'][number];
export type FlowAnswer = z.infer<typeof answerSchema>;

/** `fix:` values that are not review points: questions the review found unanswered. */
export const GAP = 'gap';

/** Reads and checks the fixes file; throws naming the file and each problem. */
export function readContentFixes(file: string): ContentFixes {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`${file}: cannot be read (${error instanceof Error ? error.message : String(error)})`, {
      cause: error,
    });
  }
  return parseContentFixes(raw, file);
}

/** Checks the text of a fixes file; throws naming the file and each problem. */
export function parseContentFixes(raw: string, file: string): ContentFixes {
  const parsed = contentFixesSchema.safeParse(parse(raw));
  if (!parsed.success) throw new Error(`${file}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** A file pattern as a RegExp: case-insensitive, `.` across lines. */
export function regex(source: string): RegExp {
  return new RegExp(source, 'is');
}
