import { DateTime } from 'luxon';
import type { Content } from '../../src/content/load-content';
import { emptyConversation, emptyUser } from '../../src/conversation/conversation-data';
import { rankAndRoute, type Routed } from '../../src/conversation/ranking';
import { flowChoice } from '../../src/conversation/replies';
import { respond } from '../../src/conversation/responder';
import { turnDeps } from '../../src/conversation/turn-deps';
import { decideTurn } from '../../src/conversation/turn-policy';
import type { PolicyDeps, TurnState } from '../../src/conversation/turn-plan';
import { createLanguage } from '../../src/matching/create-language';
import type { Matcher } from '../../src/matching/matcher';
import type { TextStep } from './long-inputs';

/** A fixed moment (the suite reads no clock): a Tuesday, the desk open. */
const FACTS = { now: DateTime.fromISO('2026-11-24T15:00:00Z', { zone: 'utc' }) };

/**
 * The responder and the whole turn, which call the text steps of long-inputs.ts and more of
 * their own: the ranking (a story's sentences, two questions in one), small talk, times to call,
 * a mailed code's date, "who do I call", a flow's answers. Every message gets a reply.
 */
export function wholeTurnSteps(content: Content, matcher: Matcher): TextStep[] {
  const language = createLanguage(content.routing, content.intents, content.synonyms);
  // The length check is the step before these; the longest text it lets through is what they see.
  const deps: PolicyDeps = {
    content,
    matcher,
    language,
    maxMessageLength: Number.MAX_SAFE_INTEGER,
    keepTranscript: true,
  };
  const { responder } = turnDeps(emptyUser, FACTS, deps);
  // After an answer, so a short text is also read as a follow-up to it.
  const [article] = content.articles.keys();
  const session = { misses: 0, ...(article ? { topic: { kind: 'article' as const, id: article } } : {}) };
  const fresh: TurnState = { conversation: emptyConversation, user: emptyUser };
  const turn = (state: TurnState) => (text: string) => {
    const plan = decideTurn({ kind: 'message', text }, FACTS, state, deps);
    return plan.replies.length > 0 ? [] : [`no reply (${plan.decision})`];
  };
  return [
    { name: 'rankAndRoute', run: (text) => unknownIds(rankAndRoute(text, session, responder), content) },
    {
      name: 'respond',
      run: (text) => {
        const outcome = respond({ text }, session, responder);
        return outcome.reply.length > 0 || outcome.startFlow !== undefined
          ? []
          : [`no reply (${outcome.decision.kind})`];
      },
    },
    { name: 'decideTurn', run: turn(fresh) },
    { name: 'decideTurn in a flow', run: turn(waitingInFlow(fresh, deps)) },
  ];
}

/** A conversation whose first flow waits for its first answer, as after a click on its button. */
function waitingInFlow(fresh: TurnState, deps: PolicyDeps): TurnState {
  const [flowId] = deps.content.flows.keys();
  if (flowId === undefined) return fresh;
  const start = flowChoice(flowId, deps.content);
  const plan = decideTurn({ kind: 'message', text: start.label, value: start.value }, FACTS, fresh, deps);
  if (!plan.conversation.flow) throw new Error(`the flow ${flowId} did not start (${plan.decision})`);
  return { conversation: plan.conversation, user: plan.user };
}

/** What a ranking names that the content does not have. */
function unknownIds(routed: Routed, content: Content): string[] {
  const articles =
    routed.kind === 'two'
      ? routed.articleIds
      : routed.kind === 'answer-and-flow'
        ? [routed.articleId]
        : routed.kind === 'one-outside'
          ? routed.answered.kind === 'article'
            ? [routed.answered.id]
            : []
          : routed.decision.kind === 'answer'
            ? [routed.decision.articleId]
            : routed.decision.kind === 'did-you-mean'
              ? routed.decision.options.filter((option) => option.kind === 'article').map((option) => option.id)
              : [];
  const flows =
    routed.kind === 'one' && routed.decision.kind === 'flow'
      ? [routed.decision.flowId]
      : routed.kind === 'one-outside' && routed.answered.kind === 'flow'
        ? [routed.answered.id]
        : routed.kind === 'answer-and-flow'
          ? [routed.flow.id]
          : [];
  return [
    ...articles.filter((id) => !content.articles.has(id)).map((id) => `unknown article ${id}`),
    ...flows.filter((id) => !content.flows.has(id)).map((id) => `unknown flow ${id}`),
  ];
}
