/** What the conversation is about: what the last reply answered or showed. */
export type Topic =
  | { readonly kind: 'article'; readonly id: string; readonly withCard?: boolean }
  | { readonly kind: 'helpdesk' }
  | { readonly kind: 'flow'; readonly id: string };

/** What the responder remembers between turns of one conversation. */
export interface Session {
  /** Misses (declined questions) in a row. */
  readonly misses: number;
  /** "That didn't help" since the last thing that did. */
  readonly unhelpful?: number;
  readonly topic?: Topic;
}

export const newSession: Session = Object.freeze({ misses: 0 });
