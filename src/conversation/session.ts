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
  /** The article answered before the topic: "tried the car loan too, still fails" may go back to it. */
  readonly earlier?: string;
}

export const newSession: Session = Object.freeze({ misses: 0 });

/** The desk is what the conversation is about: its card was the last reply, or came with the answer. */
export function onTheDesk(session: Session): boolean {
  const topic = session.topic;
  return topic?.kind === 'helpdesk' || (topic?.kind === 'article' && topic.withCard === true);
}

/** The last answer was one of `articleIds` (the answers about calling the desk, for one). */
export function onAnArticleOf(session: Session, articleIds: readonly string[]): boolean {
  return session.topic?.kind === 'article' && articleIds.includes(session.topic.id);
}

/** The conversation is about `id`, its article or its flow (the mailed code's, for one). */
export function onTopic(session: Session, id: string): boolean {
  return session.topic !== undefined && session.topic.kind !== 'helpdesk' && session.topic.id === id;
}
