import type { Content } from '../content/load-content';
import { fillTemplate } from '../content/fill-template';
import { sourcesLine } from '../content/sources-line';
import type { Intent } from '../content/intents-schema';
import type { Article } from '../content/schemas';
import { resolveUserZone } from '../helpdesk/user-zone';
import type { Choice, HelpdeskCardSource, QuickAsk, Reply, ReplyMessage } from '../reply/reply';
import { helpdeskCardFor, type TurnFacts } from './turn-facts';

/** What building a reply needs: the content, and the live help-desk card. */
export interface ReplyDeps {
  readonly content: Content;
  readonly helpdeskCard: HelpdeskCardSource;
}

/** Related-question buttons after an answer: short, and few enough for a phone or a Teams card. */
export const MAX_RELATED = 3;

/**
 * An article's reply in one message: the answer (after its `verdict`, a yes or no for the question
 * asked), each source with its own date, and related questions as a few short buttons; the live
 * help-desk card first when the article is about it.
 */
export function articleReply(article: Article, deps: ReplyDeps, verdict?: string): Reply {
  const { texts } = deps.content;
  const related = relatedChoices(article, deps.content);
  // "No." to "is Secure Access still used?": the verdict for the question asked, before the answer.
  const answerText = verdict ? `${verdict} ${article.answer.trim()}` : article.answer.trim();
  const answer: ReplyMessage = {
    text: `${answerText}\n\n${sourcesLine(article.sources, deps.content)}`,
    ...(article.historical ? { historical: true } : {}),
    ...(related.length > 0 ? { choices: related, choicesPrompt: texts.relatedPrompt } : {}),
  };
  return article.showsHelpdesk ? [{ helpdesk: deps.helpdeskCard() }, answer] : [answer];
}

/** The article's related questions, as buttons. */
export function relatedChoices(article: Article, content: Content): Choice[] {
  return article.followUps
    .filter((id) => content.articles.has(id))
    .slice(0, MAX_RELATED)
    .map((id) => articleChoice(id, content));
}

/** Out of what we know: said plainly, with what we can answer; the help desk first after a second miss. */
export function declineReply(repeated: boolean, content: Content): Reply {
  const { texts } = content;
  const topics = texts.fallbackTopArticles.map((id) => articleChoice(id, content));
  if (repeated) return [{ text: texts.fallbackRepeated, choices: [helpdeskChoice(content), ...topics] }];
  return [
    { text: `${texts.fallback}\n\n${texts.fallbackTopicsPrompt}`, choices: [...topics, helpdeskChoice(content)] },
  ];
}

/** The welcome: what the bot does, and the top questions as buttons. */
export function welcomeReply(content: Content): Reply {
  return [{ text: content.texts.welcome, choices: topicChoices(content) }];
}

/** The welcome's top questions, as buttons. */
export function topicChoices(content: Content): Choice[] {
  return content.texts.welcomeTopArticles.map((id) => articleChoice(id, content));
}

/**
 * What to say to small talk (greetings, thanks, "are you a bot?", frustration, "that didn't
 * help"): the intent's reply and the buttons it offers. `lastArticle` gives "related" buttons.
 */
export function intentReply(intent: Intent, content: Content, lastArticle?: Article): Reply {
  const choices: Choice[] = [];
  if (intent.offer === 'topics') choices.push(...topicChoices(content).slice(0, MAX_RELATED));
  if (intent.offer === 'helpdesk') choices.push(helpdeskChoice(content));
  if (intent.offer === 'troubleshoot') choices.push(...troubleshootChoice(content), helpdeskChoice(content));
  if (intent.offer === 'related') {
    choices.push(...(lastArticle ? relatedChoices(lastArticle, content).slice(0, 2) : []), helpdeskChoice(content));
  }
  return [{ text: intent.reply, ...(choices.length > 0 ? { choices } : {}) }];
}

/** A button that starts a troubleshooting flow, labelled with its title. */
export function flowChoice(id: string, content: Content): Choice {
  const flow = content.flows.get(id);
  return {
    label: fillTemplate(content.texts.flowOffer, { title: flow?.title ?? id }),
    value: { action: 'start-flow', id },
  };
}

/** The main troubleshooting flow's button, when there is one. */
function troubleshootChoice(content: Content): Choice[] {
  const id = content.texts.troubleshootFlow;
  return content.flows.has(id) ? [flowChoice(id, content)] : [];
}

/** A button for an article, with its short label. */
export function articleChoice(id: string, content: Content): Choice {
  const article = content.articles.get(id);
  return { label: article ? article.label : id, value: { action: 'article', id } };
}

/** The button that shows the help-desk card. */
export function helpdeskChoice(content: Content): Choice {
  return { label: content.texts.helpdeskButton, value: { action: 'helpdesk' } };
}

/** "Was this helpful?" under an answer: its buttons name the article and the answer's token. */
export function feedbackAsk(articleId: string, answer: string, content: Content): QuickAsk {
  const { texts } = content;
  return {
    prompt: texts.feedbackPrompt,
    choices: [
      { label: texts.feedbackHelpful, value: { action: 'feedback', articleId, answer, helpful: true } },
      { label: texts.feedbackNotHelpful, value: { action: 'feedback', articleId, answer, helpful: false } },
    ],
  };
}

/** The satisfaction rating: 1 to 5, one tap. */
export function ratingAsk(content: Content): QuickAsk {
  const { texts } = content;
  return {
    prompt: texts.ratingPrompt,
    choices: texts.ratingLabels.map((label, index) => ({ label, value: { action: 'rating', rating: index + 1 } })),
  };
}

/** When storage is down: say so, and give the help-desk details from content in memory. */
export function storageDownReply(facts: TurnFacts, content: Content): Reply {
  return [
    { text: content.texts.storageDown },
    { helpdesk: helpdeskCardFor(resolveUserZone(facts.channelZone), facts, content) },
  ];
}
