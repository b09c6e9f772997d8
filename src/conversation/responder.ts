import type { Content } from '../content/load-content';
import { fillTemplate } from '../content/fill-template';
import { sourcesLine } from '../content/sources-line';
import type { Article } from '../content/schemas';
import type { CommandName } from '../content/routing-schema';
import type { Language } from '../matching/language';
import type { Matcher } from '../matching/matcher';
import { route, type RouteDecision, type RoutePolicy } from '../matching/router';
import type { Choice, ChoiceValue, HelpdeskCard, Reply, ReplyMessage } from '../reply/reply';

/** What the responder remembers between turns of one conversation. */
export interface Session {
  /** Misses (declined questions) in a row. */
  readonly misses: number;
}

export const newSession: Session = Object.freeze({ misses: 0 });

/** One user message, as the responder sees it. */
export interface TurnInput {
  readonly text: string;
  /** A clicked button's value, if the message came from a button. */
  readonly value?: ChoiceValue;
}

/** What the responder decided: the reply, the next session, and anything the bot must start. */
export interface Outcome {
  readonly reply: Reply;
  readonly session: Session;
  readonly decision:
    RouteDecision | { readonly kind: 'command'; readonly command: CommandName } | { readonly kind: 'button' };
  /** A troubleshooting flow to start. */
  readonly startFlow?: string;
  /** The user asked for the help desk: the bot may signal a handoff. */
  readonly handoff?: boolean;
}

export interface ResponderDeps {
  readonly content: Content;
  readonly matcher: Matcher;
  readonly language: Language;
  /** The live help-desk card for this moment and the user's zone. */
  readonly helpdeskCard: () => HelpdeskCard;
  readonly policy?: RoutePolicy;
}

/**
 * Decides the reply to a message outside any flow. Pure over its inputs: the matcher, the
 * content and the session; the clock reaches it only through `helpdeskCard`.
 */
export function respond(input: TurnInput, session: Session, deps: ResponderDeps): Outcome {
  const { texts, articles } = deps.content;
  if (input.value) return respondToButton(input.value, session, deps);

  const command = deps.language.detectCommand(input.text);
  if (command) return respondToCommand(command, session, deps);

  // A flow decision is only taken for a flow that can run.
  const candidates = deps.matcher
    .rank(input.text, 5)
    .filter((candidate) => candidate.kind !== 'flow' || deps.content.flows.has(candidate.id));
  const decision = route(
    {
      candidates,
      describesProblem: deps.language.describesProblem(input.text),
      isQuestion: deps.language.isQuestion(input.text),
      previousMisses: session.misses,
    },
    deps.policy,
  );
  switch (decision.kind) {
    case 'answer':
      return { reply: articleReply(articles.get(decision.articleId)!, deps), session: { misses: 0 }, decision };
    case 'flow':
      return { reply: [], session: { misses: 0 }, decision, startFlow: decision.flowId };
    case 'did-you-mean': {
      const choices: Choice[] = decision.options.map((option) =>
        option.kind === 'flow' ? flowChoice(option.id, deps) : articleChoice(option.id, deps),
      );
      choices.push({ label: texts.noneOfThese, value: { action: 'none-of-these' } });
      return { reply: [{ text: texts.didYouMean, choices }], session: { misses: 0 }, decision };
    }
    case 'decline':
      return { reply: declineReply(decision.repeated, deps), session: { misses: session.misses + 1 }, decision };
  }
}

function respondToButton(value: ChoiceValue, session: Session, deps: ResponderDeps): Outcome {
  const decision = { kind: 'button' } as const;
  switch (value.action) {
    case 'article': {
      const article = deps.content.articles.get(value.id);
      if (article) return { reply: articleReply(article, deps), session: { misses: 0 }, decision };
      return { reply: declineReply(false, deps), session, decision };
    }
    case 'start-flow':
      if (deps.content.flows.has(value.id)) return { reply: [], session: { misses: 0 }, decision, startFlow: value.id };
      return { reply: declineReply(false, deps), session, decision };
    case 'none-of-these':
      return {
        reply: [{ text: deps.content.texts.noneOfTheseReply }],
        session: { misses: session.misses + 1 },
        decision,
      };
    case 'helpdesk':
      return { reply: [{ helpdesk: deps.helpdeskCard() }], session: { misses: 0 }, decision, handoff: true };
    case 'flow-answer':
      // A flow button clicked after its flow ended: treat its label as nothing to act on.
      return { reply: [{ text: deps.content.texts.help }], session, decision };
  }
}

function respondToCommand(command: CommandName, session: Session, deps: ResponderDeps): Outcome {
  const { texts } = deps.content;
  const decision = { kind: 'command', command } as const;
  const topics = (): Choice[] => texts.welcomeTopArticles.map((id) => articleChoice(id, deps));
  switch (command) {
    case 'help':
      return { reply: [{ text: texts.help, choices: topics() }], session, decision };
    case 'greeting':
      return { reply: [{ text: texts.greeting, choices: topics() }], session, decision };
    case 'thanks':
      return { reply: [{ text: texts.thanks }], session: { misses: 0 }, decision };
    case 'helpdesk':
      return { reply: [{ helpdesk: deps.helpdeskCard() }], session: { misses: 0 }, decision, handoff: true };
    case 'restart':
    case 'cancel':
    case 'reset':
      return { reply: welcomeReply(deps), session: newSession, decision };
  }
}

/** An article's reply: the answer, where it comes from and as of when, and related questions. */
export function articleReply(article: Article, deps: Pick<ResponderDeps, 'content' | 'helpdeskCard'>): Reply {
  const { texts, articles } = deps.content;
  const parts = [article.answer.trim(), sourcesLine(article.sources, deps.content)];
  const related = article.followUps
    .map((id) => articles.get(id))
    .filter((candidate): candidate is Article => candidate !== undefined)
    .map((candidate) => articleChoice(candidate.id, deps));
  const answer: ReplyMessage = {
    text: parts.join('\n\n'),
    ...(article.historical ? { historical: true } : {}),
    ...(related.length > 0 ? { choices: related, choicesPrompt: texts.relatedPrompt } : {}),
  };
  return article.showsHelpdesk ? [{ helpdesk: deps.helpdeskCard() }, answer] : [answer];
}

function declineReply(repeated: boolean, deps: ResponderDeps): Reply {
  const { texts } = deps.content;
  const topics = texts.fallbackTopArticles.map((id) => articleChoice(id, deps));
  if (repeated) {
    return [
      {
        text: texts.fallbackRepeated,
        choices: [{ label: texts.helpdeskButton, value: { action: 'helpdesk' } }, ...topics],
      },
    ];
  }
  return [
    {
      text: `${texts.fallback}\n\n${texts.fallbackTopicsPrompt}`,
      choices: [...topics, { label: texts.helpdeskButton, value: { action: 'helpdesk' } }],
    },
  ];
}

/** The welcome: what the bot does, and the top questions as buttons. */
export function welcomeReply(deps: Pick<ResponderDeps, 'content'>): Reply {
  const { texts } = deps.content;
  return [{ text: texts.welcome, choices: texts.welcomeTopArticles.map((id) => articleChoice(id, deps)) }];
}

/** A button that starts a troubleshooting flow, labelled with its title. */
function flowChoice(id: string, deps: Pick<ResponderDeps, 'content'>): Choice {
  const flow = deps.content.flows.get(id);
  return {
    label: fillTemplate(deps.content.texts.flowOffer, { title: flow?.title ?? id }),
    value: { action: 'start-flow', id },
  };
}

/** A button for an article, with its short label. */
export function articleChoice(id: string, deps: Pick<ResponderDeps, 'content'>): Choice {
  const article = deps.content.articles.get(id);
  return { label: article ? article.label : id, value: { action: 'article', id } };
}
