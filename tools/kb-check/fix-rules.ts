import type { ContentProblem } from '../../src/content/content-error';
import type { Content } from '../../src/content/load-content';
import { sourcesLine } from '../../src/content/sources-line';
import { GAP, regex, type ContentFixes, type FixCheck } from './content-fixes';
import type { ContentText } from './content-texts';
import { articleBody, cardBody, namedText, nodeBody } from './rendered';

/**
 * The content review's points stay fixed: what it flagged never comes back anywhere the bot
 * speaks, and each check's must / must_not holds for the content it names. The HTTP tests ask
 * the running bot the same checks.
 */

/** Every flagged statement of every point is absent from every text and source line. */
export function flaggedStatementsStayGone(
  fixes: ContentFixes,
  texts: readonly ContentText[],
  content: Content,
  knowledgeDir: string,
): ContentProblem[] {
  const sourceLines: ContentText[] = [...content.sources.values()].map((source, index) => ({
    file: `${knowledgeDir}/sources.yaml`,
    path: `sources[${index}]`,
    text: sourcesLine([source.id], content),
    kind: 'texts',
    saysWhatChanged: false,
  }));
  const problems: ContentProblem[] = [];
  for (const point of fixes.points) {
    for (const flagged of point.flagged) {
      const pattern = regex(flagged);
      for (const text of [...texts, ...sourceLines]) {
        if (text.kind !== 'helpdesk-card' && pattern.test(text.text))
          problems.push({
            file: text.file,
            path: text.path,
            message: `says what review point ${point.id} flagged (/${flagged}/): ${point.title}`,
          });
      }
    }
  }
  return problems;
}

/** The fixes file names real content, every point has a check, and each check holds for the content. */
export function checksHoldForContent(fixes: ContentFixes, content: Content, fixesFile: string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const points = new Set(fixes.points.map((point) => point.id));
  fixes.points.forEach((point, index) => {
    if (!fixes.checks.some((check) => check.fix === point.id))
      problems.push({ file: fixesFile, path: `points[${index}]`, message: `review point ${point.id} has no check` });
  });
  fixes.checks.forEach((check, index) => {
    const at = `checks[${index}]`;
    const fail = (message: string) => problems.push({ file: fixesFile, path: at, message });
    if (check.fix !== GAP && !points.has(check.fix)) fail(`fix "${check.fix}" is not a review point (or "${GAP}")`);
    const body = bodyOf(check, content, fail);
    if (body === undefined) return;
    for (const must of check.must) {
      if (!regex(must).test(body)) fail(`${describe(check)}: must /${must}/ is not in the content`);
    }
    for (const mustNot of check.must_not) {
      if (regex(mustNot).test(body)) fail(`${describe(check)}: must_not /${mustNot}/ is in the content`);
    }
  });
  return problems;
}

/** What the check's reply says, from the content alone; undefined (after a problem) when it names nothing real. */
function bodyOf(check: FixCheck, content: Content, fail: (message: string) => void): string | undefined {
  const parts: string[] = [];
  if (check.article !== undefined) {
    const article = content.articles.get(check.article);
    if (!article) return void fail(`unknown article "${check.article}"`);
    parts.push(articleBody(article, content));
  }
  if (check.flow !== undefined) {
    const flow = content.flows.get(check.flow);
    if (!flow) return void fail(`unknown flow "${check.flow}"`);
    const choiceIds = new Set(
      Object.values(flow.nodes).flatMap((node) => (node.kind === 'ask' ? node.choices.map((choice) => choice.id) : [])),
    );
    for (const answer of check.answers ?? []) {
      if (typeof answer === 'string' && !choiceIds.has(answer))
        return void fail(`flow ${flow.id} has no choice "${answer}"`);
    }
    if (check.node !== undefined) {
      const body = nodeBody(content, flow.id, check.node);
      if (body === undefined) return void fail(`flow ${flow.id} has no node "${check.node}" that says something`);
      parts.push(body);
    }
  }
  if (check.helpdesk) parts.push(cardBody(content));
  if (check.text !== undefined) {
    const text = namedText(content, check.text);
    if (text === undefined) return void fail(`unknown text "${check.text}"`);
    if (!check.helpdesk) parts.push(text);
  }
  if (parts.length === 0) return void fail('names no article, node or text to hold the patterns to');
  return parts.join('\n\n');
}

function describe(check: FixCheck): string {
  const what = check.article ?? (check.node ? `${check.flow}/${check.node}` : (check.text ?? check.flow));
  return `${check.fix} (${what})`;
}
