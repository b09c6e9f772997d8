/** One thing wrong with a content file: which file, where inside it, and what. */
export interface ContentProblem {
  readonly file: string;
  readonly path: string;
  readonly message: string;
}

/** Raised when content files are invalid; the message names every file and field at fault. */
export class ContentError extends Error {
  constructor(readonly problems: readonly ContentProblem[]) {
    super(
      `Invalid content:\n${problems
        .map((problem) => `  - ${problem.file}: ${problem.path || '(file)'}: ${problem.message}`)
        .join('\n')}`,
    );
    this.name = 'ContentError';
  }
}
