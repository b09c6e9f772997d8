import type { EventBody } from '../analytics/analytics-event';
import type { Article } from '../content/schemas';
import type { Candidate } from '../matching/matcher';
import { defaultRoutePolicy } from '../matching/router';
import type { Outcome, ResponderDeps } from './outcome';
import { rankAndRoute } from './ranking';
import { articleChoice, articleReply, declineReply, flowChoice } from './replies';
import type { Session, Topic } from './session';
import { unclearFollowUp } from './unclear-follow-up';

export function articleTopic(article: Article): Topic {
  return { kind: 'article', id: article.id, ...(article.showsHelpdesk ? { withCard: true } : {}) };
}

/** How clear the rest of a "who do I call about…" question must be to be answered instead of the card. */
export function aboutAbove(deps: ResponderDeps): number {
  return (deps.policy ?? defaultRoutePolicy).specificAbove;
}

/** How good an answer must be to be suggested at all (beside small talk, or for the rest of "that didn't help"). */
export function suggestAbove(deps: ResponderDeps): number {
  return (deps.policy ?? defaultRoutePolicy).suggestAbove;
}

/** How clear an answer must be to beat small talk that is said, not asked, or a topic's helper. */
export function certainAbove(deps: ResponderDeps): number {
  return (deps.policy ?? defaultRoutePolicy).certainAbove;
}

export function answerFromKnowledge(text: string, session: Session, deps: ResponderDeps): Outcome {
  const routed = rankAndRoute(text, session, deps);
  if (routed.kind === 'two') {
    const reply = routed.articleIds.flatMap((id, index) => {
      const parts = articleReply(deps.content.articles.get(id)!, deps);
      // Related buttons only after the last answer.
      return index < routed.articleIds.length - 1 ? parts.map((part) => ({ ...part, choices: undefined })) : parts;
    });
    const last = routed.articleIds[routed.articleIds.length - 1];
    // The router gives no score for each half; each cleared the bar for two answers.
    const score = (deps.policy ?? defaultRoutePolicy).twoAnswersAbove;
    return {
      reply,
      session: { misses: 0, topic: { kind: 'article', id: last } },
      decision: { kind: 'two-answers' },
      events: routed.articleIds.map((articleId) => ({ type: 'answered', articleId, score })),
    };
  }
  const decision = routed.decision;
  switch (decision.kind) {
    case 'answer': {
      const article = deps.content.articles.get(decision.articleId)!;
      const reply = articleReply(article, deps);
      const offer = [
        ...(decision.offerFlow ? [flowChoice(decision.offerFlow, deps.content)] : []),
        ...(decision.alternatives ?? []).map((option) =>
          option.kind === 'flow' ? flowChoice(option.id, deps.content) : articleChoice(option.id, deps.content),
        ),
      ];
      const withOffer =
        offer.length > 0
          ? reply.map((part, index) =>
              index === reply.length - 1
                ? { ...part, choices: [...offer, ...(part.choices ?? [])].slice(0, Math.max(3, offer.length)) }
                : part,
            )
          : reply;
      return {
        reply: withOffer,
        session: { misses: 0, topic: articleTopic(article) },
        decision,
        events: [{ type: 'answered', articleId: article.id, score: decision.score }],
      };
    }
    case 'flow':
      return {
        reply: [],
        session: { misses: 0, topic: { kind: 'flow', id: decision.flowId } },
        decision,
        startFlow: decision.flowId,
      };
    case 'did-you-mean': {
      const choices = decision.options.map((option) =>
        option.kind === 'flow' ? flowChoice(option.id, deps.content) : articleChoice(option.id, deps.content),
      );
      choices.push({ label: deps.content.texts.noneOfThese, value: { action: 'none-of-these' } });
      return {
        reply: [{ text: deps.content.texts.didYouMean, choices }],
        session: { ...session, misses: 0 },
        decision,
        events: [{ type: 'menu', options: decision.options.map((option) => option.id) }],
      };
    }
    case 'decline': {
      const [top] = deps.matcher.rank(text, 1);
      return {
        reply:
          (!decision.repeated ? unclearFollowUp(text, top, session, deps) : undefined) ??
          declineReply(decision.repeated, deps.content),
        session: { ...session, misses: session.misses + 1 },
        decision,
        events: declineEvents(text, top, decision.repeated, deps),
      };
    }
  }
}

/**
 * Not answered: the question (already redacted by the turn policy; analytics keep it only if the
 * firm says so), and the out-of-scope topic it is about, if the best match is one. After a second
 * miss the help desk comes first: a handoff.
 */
function declineEvents(text: string, top: Candidate | undefined, repeated: boolean, deps: ResponderDeps): EventBody[] {
  const outOfScope = top?.kind === 'out-of-scope' && top.score >= (deps.policy ?? defaultRoutePolicy).declineBelow;
  return [
    { type: 'declined', text, ...(outOfScope ? { topic: top.id } : {}) },
    ...(repeated ? [{ type: 'handoff', reason: 'repeated-miss' } as const] : []),
  ];
}
