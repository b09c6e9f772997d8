import type { Content } from '../../src/content/load-content';
import type { Article } from '../../src/content/schemas';
import { sourcesLine } from '../../src/content/sources-line';
import { CARD_TEXT_KEYS } from './content-texts';

/**
 * What a reply says, read from the content alone (no clock, no state): the text kb:check holds
 * the review's patterns to, in the same order and pieces the bot sends.
 */

/**
 * An article as answered: the answer, its sources each with its date, and the then-and-now note;
 * an article about the desk comes after the help-desk card, whose own note stands for it.
 */
export function articleBody(article: Article, content: Content): string {
  const parts = [article.answer.trim(), sourcesLine(article.sources, content)];
  if (article.showsHelpdesk) return [cardBody(content), ...parts].join('\n\n');
  if (article.historical) parts.push(content.texts.thenAndNow);
  return parts.join('\n\n');
}

/** The help-desk card: every sentence it can show (open or closed), its source and its note. */
export function cardBody(content: Content): string {
  const { helpdesk, texts } = content;
  return [
    ...CARD_TEXT_KEYS.map((key) => texts[key]),
    ...Object.values(helpdesk.templates),
    helpdesk.number,
    ...helpdesk.menuSteps,
    ...helpdesk.haveReady,
    helpdesk.tryOnlineFirst,
    sourcesLine(helpdesk.sources, content),
  ].join('\n');
}

/** A flow node as shown; undefined for a node that says nothing (compute, branch) or does not exist. */
export function nodeBody(content: Content, flowId: string, nodeId: string): string | undefined {
  const node = content.flows.get(flowId)?.nodes[nodeId];
  if (!node) return undefined;
  switch (node.kind) {
    case 'ask':
      return [node.text, ...node.choices.map((choice) => choice.label)].join('\n');
    case 'date':
      return node.text;
    case 'say': {
      if (node.article) {
        const article = content.articles.get(node.article);
        return article ? articleBody(article, content) : undefined;
      }
      return withNote(node.text ?? '', node.historical, content);
    }
    case 'end':
      return withNote(node.text ?? '', node.historical, content);
    case 'handoff':
      // The card says what has changed itself, so the note is not added (as the bot does).
      return [node.text ?? '', cardBody(content)].join('\n\n');
    default:
      return undefined;
  }
}

function withNote(text: string, historical: boolean, content: Content): string {
  return historical ? `${text}\n\n${content.texts.thenAndNow}` : text;
}

/** A texts.yaml key, or `helpdesk.templates.<key>`; undefined when there is no such sentence. */
export function namedText(content: Content, key: string): string | undefined {
  const template = /^helpdesk\.templates\.(\w+)$/.exec(key)?.[1];
  if (template) return (content.helpdesk.templates as Record<string, string>)[template];
  const value = (content.texts as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : undefined;
}
