import type { CommandName } from '../content/routing-schema';
import type { ChoiceValue } from '../reply/reply';
import { handoff } from './handoff-reply';
import { articleTopic } from './knowledge-answer';
import type { Outcome, ResponderDeps } from './outcome';
import { articleReply, declineReply, helpdeskChoice, topicChoices, welcomeReply } from './replies';
import { newSession, type Session } from './session';
import { smallTalk } from './small-talk-reply';
import { verdictFor } from './verdict';
import { NOT_HELPFUL } from './unhelpful';

/** A button clicked (a related question, a flow, "none of these", the help desk) or a command typed. */

export function respondToButton(value: ChoiceValue, session: Session, deps: ResponderDeps): Outcome {
  const decision = { kind: 'button' } as const;
  switch (value.action) {
    case 'article': {
      const article = deps.content.articles.get(value.id);
      // Chosen, not matched: a score of 1.
      if (article)
        return {
          // The button's label is the question asked ("Can I use a landline or Google Voice?").
          reply: articleReply(article, deps, verdictFor(article, article.label, deps.language)),
          session: { misses: 0, topic: articleTopic(article) },
          decision,
          events: [{ type: 'answered', articleId: article.id, score: 1 }],
        };
      return { reply: declineReply(false, deps.content), session, decision };
    }
    case 'start-flow':
      if (deps.content.flows.has(value.id))
        return {
          reply: [],
          session: { misses: 0, topic: { kind: 'flow', id: value.id } },
          decision,
          startFlow: value.id,
        };
      return { reply: declineReply(false, deps.content), session, decision };
    case 'none-of-these':
      return {
        reply: [{ text: deps.content.texts.noneOfTheseReply }],
        session: { ...session, misses: session.misses + 1 },
        decision,
      };
    case 'helpdesk':
      return { ...handoff('', session, deps), decision };
    case 'stop-flow':
    case 'flow-answer':
      // A flow's button clicked after the flow ended: nothing to act on.
      return { reply: [{ text: deps.content.texts.help }], session, decision };
    case 'feedback':
    case 'rating':
      // The turn policy takes these before the responder (they need the conversation's answers).
      return { reply: [], session, decision };
  }
}

/**
 * "Not helpful" clicked under an answer: as if "that didn't help" were said about that article,
 * so the reply offers the next step (put it another way, its related questions, the help desk),
 * and a second time in a row hands off. "That helped": the count starts again.
 */
export function reactToAnswer(helpful: boolean, articleId: string, session: Session, deps: ResponderDeps): Outcome {
  if (helpful) {
    const { unhelpful: _forgotten, ...rest } = session;
    return { reply: [], session: rest, decision: { kind: 'button' } };
  }
  const about: Session = { ...session, topic: { kind: 'article', id: articleId } };
  const intent = deps.content.intents.find((candidate) => candidate.id === NOT_HELPFUL);
  if (intent) return smallTalk(intent, about, deps);
  // Content without the intent: the help desk, which is always a next step.
  return { ...handoff('', about, deps, 'unhelpful'), decision: { kind: 'button' } };
}

export function respondToCommand(command: CommandName, session: Session, deps: ResponderDeps): Outcome {
  const decision = { kind: 'command', command } as const;
  switch (command) {
    case 'help':
      return {
        reply: [
          { text: deps.content.texts.help, choices: [...topicChoices(deps.content), helpdeskChoice(deps.content)] },
        ],
        session,
        decision,
      };
    case 'helpdesk':
      return { ...handoff('', session, deps), decision };
    case 'cancel':
      // "Never mind" with nothing under way: acknowledged, not a welcome as if starting over.
      return { reply: [{ text: deps.content.texts.cancelledNothing }], session: newSession, decision };
    case 'restart':
    case 'reset':
      return { reply: welcomeReply(deps.content), session: newSession, decision };
  }
}
