import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { pyInt } from './py-format';

/**
 * The two kinds of file the judges read (formats in ../shared/eval/ask.py and converse.py): a
 * question set (`cases`, one message each in a fresh conversation) and a conversation set
 * (`conversations` of `turns`). Read as PyYAML's safe_load reads them (YAML 1.1), checked only
 * as far as the judges rely on them; other fields pass through.
 */

const patterns = z.array(z.string()).nullish();

const judgedFields = {
  kind: z.string(),
  facts: patterns,
  not_facts: patterns,
  open_now: z.unknown().optional(),
  local_time: z.unknown().optional(),
  allow_menu: z.unknown().optional(),
};

export const questionCaseSchema = z.looseObject({
  ...judgedFields,
  say: z.string(),
  id: z.unknown().optional(),
  audit_id: z.unknown().optional(),
  channel: z.string().nullish(),
  localTimezone: z.string().nullish(),
});

/** A question set. tools/bench reads the `say` of each case. */
export const evalSetSchema = z.looseObject({
  version: z.unknown().optional(),
  cases: z.array(questionCaseSchema),
});

export const turnSchema = z.looseObject({
  ...judgedFields,
  kind: z.string().optional(),
  say: z.unknown().optional(),
  click: z.unknown().optional(),
  new_conversation: z.unknown().optional(),
});

export const conversationSchema = z.looseObject({
  id: z.unknown().optional(),
  title: z.unknown().optional(),
  channel: z.string().nullish(),
  localTimezone: z.string().nullish(),
  turns: z.array(turnSchema).nullish(),
});

export const conversationSetSchema = z.looseObject({
  version: z.unknown().optional(),
  conversations: z.array(conversationSchema),
});

export type EvalSet = z.infer<typeof evalSetSchema>;
export type QuestionCase = z.infer<typeof questionCaseSchema>;
export type ConversationSet = z.infer<typeof conversationSetSchema>;
export type Conversation = z.infer<typeof conversationSchema>;
export type Turn = z.infer<typeof turnSchema>;

export type EvalFile =
  | { readonly kind: 'questions'; readonly file: string; readonly set: EvalSet }
  | { readonly kind: 'conversations'; readonly file: string; readonly set: ConversationSet };

/** YAML 1.1, as PyYAML reads it (yes/no are booleans, 1:30 is 90). */
export function parseYaml11(text: string): unknown {
  return parse(text, { version: '1.1' });
}

/** Reads a question set or a conversation set, whichever the file is. */
export function readEvalFile(file: string): EvalFile {
  const doc = parseYaml11(readFileSync(file, 'utf8')) as Record<string, unknown> | null;
  if (doc && 'cases' in doc) return { kind: 'questions', file, set: evalSetSchema.parse(doc) };
  if (doc && 'conversations' in doc) return { kind: 'conversations', file, set: conversationSetSchema.parse(doc) };
  throw new Error(`${file}: neither a question set (cases:) nor a conversation set (conversations:)`);
}

/** Reads a question set. */
export function readQuestionSet(file: string): EvalSet {
  return evalSetSchema.parse(parseYaml11(readFileSync(file, 'utf8')));
}

/** A file's `version`, 1 when absent or not a whole number (ask.py file_version). */
export function fileVersion(doc: { readonly version?: unknown }): number {
  return (doc.version ? pyInt(doc.version) : undefined) || 1;
}
