import type { Intent } from '../content/intents-schema';
import { handoff } from './handoff-reply';
import type { Outcome, ResponderDeps } from './outcome';
import { intentReply } from './replies';
import type { Session } from './session';
import { NOT_HELPFUL } from './unhelpful';

/** Small talk answered: its intent's reply; a second "that didn't help" in a row gets the help desk. */
export function smallTalk(intent: Intent, session: Session, deps: ResponderDeps): Outcome {
  const decision = { kind: 'intent', intent: intent.id } as const;
  if (intent.id === NOT_HELPFUL) {
    // A second "that didn't help" gets the people who can.
    const unhelpful = (session.unhelpful ?? 0) + 1;
    if (unhelpful >= 2)
      return {
        ...handoff('', session, deps, 'unhelpful'),
        session: { misses: 0, topic: { kind: 'helpdesk' } },
        decision,
      };
    const last = session.topic?.kind === 'article' ? deps.content.articles.get(session.topic.id) : undefined;
    return { reply: intentReply(intent, deps.content, last), session: { ...session, unhelpful }, decision };
  }
  return { reply: intentReply(intent, deps.content), session: { ...session, misses: 0 }, decision };
}
