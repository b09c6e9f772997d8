import { fillTemplate } from '../content/fill-template';
import type { Candidate } from '../matching/candidate';
import { rawWords } from '../matching/normalizer';
import { defaultRoutePolicy } from '../matching/router';
import type { Outcome, ResponderDeps } from './outcome';
import { helpdeskChoice, relatedChoices } from './replies';
import type { Session } from './session';

/** Longer than this, a message is a question of its own, not a reply about the topic. */
const REPLY_WORDS = 15;

/**
 * "Don't have it, shredded it during an office cleanout" after the answer about suspended
 * accounts: a short reply pointing back at the topic that nothing answers. Said about that
 * topic, with its related questions and the desk, not as if nothing had been said before. A
 * message about something out of scope is still declined. `top`: the message's best match.
 */
export function unclearFollowUp(
  text: string,
  top: Candidate | undefined,
  session: Session,
  deps: ResponderDeps,
): Outcome['reply'] | undefined {
  const topic = session.topic?.kind === 'article' ? deps.content.articles.get(session.topic.id) : undefined;
  if (!topic) return undefined;
  const words = rawWords(text);
  const pointers = new Set(deps.content.routing.pointerWords);
  if (words.length > REPLY_WORDS || !words.some((word) => pointers.has(word))) return undefined;
  // A weak out-of-scope reading of a few odd words is no reason to decline; a clear one is.
  const outOfScope =
    deps.matcher.namesOutOfScopeOnly(text) ||
    (top?.kind === 'out-of-scope' && top.score >= (deps.policy ?? defaultRoutePolicy).suggestAbove);
  if (outOfScope) return undefined;
  const said = fillTemplate(deps.content.texts.unclearFollowUp, { title: topic.title });
  return [{ text: said, choices: [...relatedChoices(topic, deps.content).slice(0, 2), helpdeskChoice(deps.content)] }];
}
