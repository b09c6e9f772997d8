import { readFileSync } from 'node:fs';
import { parse, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import type { ContentProblem } from './content-error';

/** The outcome of reading one content file: its data, or the problems that stop it. */
export type ReadResult<T> =
  | { readonly ok: true; readonly data: T; readonly raw: string }
  | { readonly ok: false; readonly problems: ContentProblem[] };

/** Renders a zod issue path the way people read YAML: `questions[2]`, `source.url`. */
function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

/**
 * Reads a YAML file and checks it against a schema. `displayName` is how messages name the
 * file (a path relative to the project), so an author can find it.
 */
export function readYaml<S extends z.ZodType>(file: string, displayName: string, schema: S): ReadResult<z.infer<S>> {
  let raw: string;
  let parsed: unknown;
  try {
    raw = readFileSync(file, 'utf8');
    parsed = parse(raw);
  } catch (error) {
    const message =
      error instanceof YAMLParseError
        ? `not valid YAML: ${error.message.split('\n')[0]}`
        : `cannot be read: ${(error as Error).message}`;
    return { ok: false, problems: [{ file: displayName, path: '', message }] };
  }
  const result = schema.safeParse(parsed);
  if (!result.success) {
    return {
      ok: false,
      problems: result.error.issues.map((issue) => ({
        file: displayName,
        path: formatPath(issue.path),
        message: issue.message,
      })),
    };
  }
  return { ok: true, data: result.data, raw };
}
