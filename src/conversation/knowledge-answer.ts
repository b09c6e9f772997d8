import type { EventBody } from '../analytics/analytics-event';
import type { Article } from '../content/schemas';
import type { Choice } from '../reply/reply';
import type { Candidate } from '../matching/candidate';
import { defaultRoutePolicy } from '../matching/router';
import type { Outcome, ResponderDeps } from './outcome';
import { rankAndRoute } from './ranking';
import { articleChoice, articleReply, declineReply, flowChoice, MAX_RELATED } from './replies';
import { CLAUSE_BREAK } from '../matching/clause-break';
import type { Session, Topic } from './session';
import { unclearFollowUp } from './unclear-follow-up';
import { verdictFor } from './verdict';

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

export function answerFromKnowledge(text: string, session: Session, deps: ResponderDeps, whole = false): Outcome {
  const routed = rankAndRoute(text, session, deps, whole);
  if (routed.kind === 'two') {
    const reply = routed.articleIds.flatMap((id, index) => {
      const article = deps.content.articles.get(id)!;
      const parts = articleReply(article, deps, verdictFor(article, routed.parts[index], deps.language));
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
  if (routed.kind === 'answer-and-flow') {
    const score = (deps.policy ?? defaultRoutePolicy).twoAnswersAbove;
    const { id, part } = routed.flow;
    const answer = articleAnswer(
      routed.articleId,
      score,
      [],
      { kind: 'answer', articleId: routed.articleId, score },
      deps,
    );
    return {
      // Its related buttons would stand between the answer and the flow's own.
      reply: answer.reply.map((reply) => ({ ...reply, choices: undefined })),
      session: { misses: 0, topic: { kind: 'flow', id } },
      decision: { kind: 'flow', flowId: id, score },
      startFlow: id,
      startFlowWith: part,
      events: answer.events,
    };
  }
  if (routed.kind === 'one-outside') {
    const [top] = deps.matcher.rank(routed.outside, 1);
    const declined = declineEvents(routed.outside, top, false, deps);
    const note = { text: deps.content.texts.otherHalfOutside };
    const { id } = routed.answered;
    // "Phone wont validate, also whats the status of my client's refund": the troubleshooting.
    if (routed.answered.kind === 'flow') {
      return {
        reply: [note],
        session: { misses: 0, topic: { kind: 'flow', id } },
        decision: { kind: 'flow', flowId: id, score: (deps.policy ?? defaultRoutePolicy).twoAnswersAbove },
        startFlow: id,
        startFlowWith: routed.answered.part,
        events: declined,
      };
    }
    const score = (deps.policy ?? defaultRoutePolicy).twoAnswersAbove;
    const answer = articleAnswer(id, score, [], { kind: 'answer', articleId: id, score }, deps);
    return { ...answer, reply: [note, ...answer.reply], events: [...declined, ...(answer.events ?? [])] };
  }
  const decision = routed.decision;
  switch (decision.kind) {
    case 'answer': {
      const offer = decision.offerFlow ? [flowChoice(decision.offerFlow, deps.content)] : [];
      return articleAnswer(decision.articleId, decision.score, offer, decision, deps, text);
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
      // Read two ways, the best an article: it is answered and the others are its first buttons,
      // one click away as on a menu. A menu first costs everyone a click, the best reading's askers
      // too, and the best reading is the right one more often than the others together. The
      // decision stays a near tie: no clear answer to beat small talk, the card or a second half.
      const [best] = decision.options;
      if ((deps.policy ?? defaultRoutePolicy).answerNearTies && best?.kind === 'article')
        return articleAnswer(best.id, best.score, choices.slice(1), decision, deps, text);
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
      if (troubleshootsInstead(text, deps)) {
        const flowId = deps.content.texts.troubleshootFlow;
        return {
          reply: [],
          session: { misses: 0, topic: { kind: 'flow', id: flowId } },
          decision: { kind: 'flow', flowId, score: top?.score ?? 0 },
          startFlow: flowId,
        };
      }
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
 * "Secure access keeps failing for my mom, she runs a small tax office and I'm helping her with
 * the computer stuff": a problem told with the registration named is the registration's
 * to troubleshoot (the flow asks where it stops), not a question to decline because the words
 * around it ("the computer stuff") read as something outside the subject. The clause telling the
 * problem decides; not when the message asks something or names a matter outside the subject.
 */
function troubleshootsInstead(text: string, deps: ResponderDeps): boolean {
  const { language } = deps;
  if (!deps.content.flows.has(deps.content.texts.troubleshootFlow)) return false;
  if (language.isQuestion(text) || language.namesOutsideMatter(text)) return false;
  const declineBelow = (deps.policy ?? defaultRoutePolicy).declineBelow;
  return text
    .split(CLAUSE_BREAK)
    .filter((clause) => language.namesTheRegistration(clause) && language.describesProblem(clause))
    .some((clause) => {
      const [top] = deps.matcher.rank(clause, 1);
      return !(top?.kind === 'out-of-scope' && top.score >= declineBelow);
    });
}

/**
 * An article's answer, with `offer` as its first buttons (the related questions after them, up to
 * the usual count); opened with its yes or no when `asked` is a yes/no question.
 */
function articleAnswer(
  articleId: string,
  score: number,
  offer: readonly Choice[],
  decision: Outcome['decision'],
  deps: ResponderDeps,
  asked?: string,
): Outcome {
  const article = deps.content.articles.get(articleId)!;
  const reply = articleReply(article, deps, verdictFor(article, asked, deps.language));
  const last = reply.length - 1;
  return {
    reply:
      offer.length === 0
        ? reply
        : reply.map((part, index) =>
            index === last ? { ...part, choices: [...offer, ...(part.choices ?? [])].slice(0, MAX_RELATED) } : part,
          ),
    session: { misses: 0, topic: articleTopic(article) },
    decision,
    events: [{ type: 'answered', articleId: article.id, score }],
  };
}

/**
 * Not answered: the question (already redacted by the turn policy; analytics keep it only if the
 * firm says so), and the out-of-scope topic it is about, if the best match is one. After a second
 * miss the help desk comes first: a handoff.
 */
export function declineEvents(
  text: string,
  top: Candidate | undefined,
  repeated: boolean,
  deps: ResponderDeps,
): EventBody[] {
  const outOfScope = top?.kind === 'out-of-scope' && top.score >= (deps.policy ?? defaultRoutePolicy).declineBelow;
  return [
    { type: 'declined', text, ...(outOfScope ? { topic: top.id } : {}) },
    ...(repeated ? [{ type: 'handoff', reason: 'repeated-miss' } as const] : []),
  ];
}
