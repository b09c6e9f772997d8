import type { ContentProblem } from '../../src/content/content-error';

/**
 * Problems kb:check finds in content whose owner has the fix in hand: printed on every run but
 * not failing it, like a known-bug test. When one is fixed, kb:check fails until its row is
 * removed, so the list never outlives the problems.
 */
export interface KnownProblem {
  readonly file: string;
  readonly path: string;
  /** A piece of the problem's message. */
  readonly says: string;
  /** Why it is still there and what fixes it. */
  readonly reason: string;
}

export const KNOWN_PROBLEMS: readonly KnownProblem[] = [];

/** Splits problems into the new ones and the known ones, and lists known rows that no longer match. */
export function sortProblems(
  problems: readonly ContentProblem[],
  known: readonly KnownProblem[] = KNOWN_PROBLEMS,
): { fresh: ContentProblem[]; known: Array<ContentProblem & { reason: string }>; gone: KnownProblem[] } {
  const matches = (row: KnownProblem, problem: ContentProblem) =>
    problem.file === row.file && problem.path === row.path && problem.message.includes(row.says);
  return {
    fresh: problems.filter((problem) => !known.some((row) => matches(row, problem))),
    known: problems.flatMap((problem) => {
      const row = known.find((candidate) => matches(candidate, problem));
      return row ? [{ ...problem, reason: row.reason }] : [];
    }),
    gone: known.filter((row) => !problems.some((problem) => matches(row, problem))),
  };
}
