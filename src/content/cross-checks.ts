import type { ContentProblem } from './content-error';
import type { Flow } from './flow-schema';
import type { Article, Source } from './schemas';
import type { Texts } from './texts-schema';

/**
 * The checks across content files, run at start-up after each file has passed its schema:
 * articles' references and questions, the texts' article ids, and every citation.
 */

/** Lower-case words only, so "Why?" and "why" count as the same question. */
function questionKey(question: string): string {
  return question
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function checkArticles(
  articles: ReadonlyMap<string, Article>,
  files: ReadonlyMap<string, string>,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const claimedBy = new Map<string, string>();
  for (const article of articles.values()) {
    const file = files.get(article.id) ?? article.id;
    article.followUps.forEach((id, index) => {
      if (id === article.id) {
        problems.push({ file, path: `followUps[${index}]`, message: 'an article cannot follow up to itself' });
      } else if (!articles.has(id)) {
        problems.push({ file, path: `followUps[${index}]`, message: `unknown article "${id}"` });
      }
    });
    if (article.whoHelps !== undefined && !articles.has(article.whoHelps))
      problems.push({ file, path: 'whoHelps', message: `unknown article "${article.whoHelps}"` });
    if (article.nextStep !== undefined && !articles.has(article.nextStep))
      problems.push({ file, path: 'nextStep', message: `unknown article "${article.nextStep}"` });
    article.questions.forEach((question, index) => {
      const key = questionKey(question);
      const owner = claimedBy.get(key);
      if (owner && owner !== article.id) {
        problems.push({
          file,
          path: `questions[${index}]`,
          message: `"${question}" is also a question of article "${owner}"`,
        });
      } else if (owner === article.id) {
        problems.push({ file, path: `questions[${index}]`, message: `"${question}" is listed twice` });
      }
      claimedBy.set(key, article.id);
    });
  }
  return problems;
}

export function checkTextReferences(
  texts: Texts,
  articles: ReadonlyMap<string, Article>,
  file: string,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const field of ['mailedCodeTopic', 'whoMustRegisterTopic', 'abroadTopic'] as const) {
    if (!articles.has(texts[field])) problems.push({ file, path: field, message: `unknown article "${texts[field]}"` });
  }
  for (const field of ['welcomeTopArticles', 'fallbackTopArticles'] as const) {
    texts[field].forEach((id, index) => {
      if (!articles.has(id)) problems.push({ file, path: `${field}[${index}]`, message: `unknown article "${id}"` });
    });
  }
  return problems;
}

/**
 * A text's citations: every id known; not resting on low-trust sources alone; and every
 * third-party or low source credited by name in the text itself ("according to CrossLink"),
 * so a reader can tell the IRS's word from somebody else's. `text` empty: only ids are checked.
 */
export function checkCitations(
  ids: readonly string[],
  text: string,
  sources: ReadonlyMap<string, Source>,
  file: string,
  path: string,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const cited = ids.map((id, index) => {
    const source = sources.get(id);
    if (!source)
      problems.push({
        file,
        path: `${path}[${index}]`,
        message: `unknown source "${id}" (not in knowledge/sources.yaml)`,
      });
    return source;
  });
  const known = cited.filter((source): source is Source => source !== undefined);
  if (known.length > 0 && known.every((source) => source.trust === 'low')) {
    problems.push({ file, path, message: 'rests only on low-trust sources: a lead is never stated as fact' });
  }
  if (text) {
    const lower = text.toLowerCase();
    known.forEach((source) => {
      const credited = source.attribution !== undefined && lower.includes(source.attribution.toLowerCase());
      if ((source.trust === 'third-party' || source.trust === 'low') && !credited) {
        const index = ids.indexOf(source.id);
        problems.push({
          file,
          path: `${path}[${index}]`,
          message:
            `"${source.id}" is ${source.trust}: the text must credit it ` +
            `("according to ${source.attribution ?? source.publisher}")`,
        });
      }
    });
  }
  return problems;
}

export function checkFlowCitations(flow: Flow, sources: ReadonlyMap<string, Source>, file: string): ContentProblem[] {
  return Object.entries(flow.nodes).flatMap(([id, node]) =>
    (node.kind === 'say' || node.kind === 'handoff' || node.kind === 'end') && node.sources
      ? checkCitations(node.sources, node.text ?? '', sources, file, `nodes.${id}.sources`)
      : [],
  );
}
