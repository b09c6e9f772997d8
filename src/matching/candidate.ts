/** Something the matcher can find: an article, a flow or an out-of-scope topic. */
export interface MatchDocument {
  readonly id: string;
  readonly kind: DocumentKind;
  /** The ways people ask for it (questions, title, label, trigger phrases, examples). */
  readonly phrases: readonly string[];
  /** What it says (an article's answer): weaker evidence than the ways of asking. */
  readonly body?: string;
}

export type DocumentKind = 'article' | 'flow' | 'out-of-scope';

/** One ranked match, with a confidence between 0 and 1. */
export interface Candidate {
  readonly id: string;
  readonly kind: DocumentKind;
  readonly score: number;
}
