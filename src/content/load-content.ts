import { createHash } from 'node:crypto';
import { readdirSync, existsSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { z } from 'zod';
import { ContentError, type ContentProblem } from './content-error';
import { readYaml } from './read-yaml';
import {
  articleSchema,
  outOfScopeSchema,
  sourcesSchema,
  synonymsSchema,
  type Article,
  type OutOfScope,
  type Source,
  type Synonyms,
} from './schemas';
import { textsSchema, type Texts } from './texts-schema';
import { routingSchema, type Routing } from './routing-schema';
import { intentsSchema, type Intent } from './intents-schema';
import { helpdeskSchema, type Helpdesk } from './helpdesk-schema';
import { timeZonesSchema, type TimeZones } from './time-zones-schema';
import { flowSchema, type Flow } from './flow-schema';
import { checkFlow } from './check-flow';
import { checkArticles, checkCitations, checkFlowCitations, checkTextReferences } from './cross-checks';
import { checkNumberWithHours } from './number-with-hours';
import { readWordings } from './read-wordings';
import { wordingsSchema, type Wording } from './wordings-schema';

/** All content the bot runs on, checked and cross-referenced. */
export interface Content {
  readonly articles: ReadonlyMap<string, Article>;
  /** Every cited source, by id (knowledge/sources.yaml). */
  readonly sources: ReadonlyMap<string, Source>;
  readonly synonyms: Synonyms;
  readonly outOfScope: OutOfScope;
  readonly texts: Texts;
  readonly routing: Routing;
  /** What people say around their questions, and the replies (knowledge/intents.yaml). */
  readonly intents: readonly Intent[];
  readonly helpdesk: Helpdesk;
  readonly timeZones: TimeZones;
  readonly flows: ReadonlyMap<string, Flow>;
  /** How people have asked for articles, in their own words (knowledge/wordings.yaml). */
  readonly wordings: readonly Wording[];
  /** Per flow, a hash of its file: saved flow state from another version is restarted. */
  readonly flowVersions: ReadonlyMap<string, string>;
  /** A short hash of every content file: changes whenever a content file changes. */
  readonly version: string;
}

export interface ContentLocation {
  readonly knowledgeDir: string;
  readonly dialogsDir: string;
  /** Names flows may use in compute nodes (the flow engine's computations). */
  readonly computations: ReadonlySet<string>;
  /** Where messages say the files are relative to (the project root). */
  readonly baseDir?: string;
}

/**
 * Loads and checks all content. Throws ContentError naming every file and field at fault,
 * so start-up and `kb:check` stop with the same messages.
 */
export function loadContent(location: ContentLocation): Content {
  const problems: ContentProblem[] = [];
  const hash = createHash('sha256');
  const base = location.baseDir ?? process.cwd();
  const display = (file: string) => relative(base, file) || file;

  function read<S extends z.ZodType>(file: string, schema: S): z.infer<S> | undefined {
    const result = readYaml(file, display(file), schema);
    if (!result.ok) {
      problems.push(...result.problems);
      return undefined;
    }
    hash.update(display(file)).update(result.raw);
    return result.data;
  }

  const articleDir = join(location.knowledgeDir, 'articles');
  const articles = new Map<string, Article>();
  const articleFiles = new Map<string, string>();
  for (const file of yamlFiles(articleDir, problems, display)) {
    const article = read(file, articleSchema);
    if (!article) continue;
    const expectedId = basename(file).replace(/\.ya?ml$/, '');
    if (article.id !== expectedId) {
      problems.push({
        file: display(file),
        path: 'id',
        message: `is "${article.id}" but the file is named "${expectedId}"`,
      });
    }
    const earlier = articleFiles.get(article.id);
    if (earlier) {
      problems.push({ file: display(file), path: 'id', message: `duplicate id "${article.id}" (also in ${earlier})` });
      continue;
    }
    articles.set(article.id, article);
    articleFiles.set(article.id, display(file));
  }

  const sourcesFile = join(location.knowledgeDir, 'sources.yaml');
  const sourceList = read(sourcesFile, sourcesSchema);
  const sources = new Map<string, Source>();
  for (const [index, source] of (sourceList?.sources ?? []).entries()) {
    if (sources.has(source.id))
      problems.push({
        file: display(sourcesFile),
        path: `sources[${index}].id`,
        message: `duplicate id "${source.id}"`,
      });
    sources.set(source.id, source);
  }
  const synonyms = read(join(location.knowledgeDir, 'synonyms.yaml'), synonymsSchema);
  const outOfScope = read(join(location.knowledgeDir, 'out-of-scope.yaml'), outOfScopeSchema);
  const textsFile = join(location.knowledgeDir, 'texts.yaml');
  const texts = read(textsFile, textsSchema);
  const routing = read(join(location.knowledgeDir, 'routing.yaml'), routingSchema);
  const intents = read(join(location.knowledgeDir, 'intents.yaml'), intentsSchema);
  const helpdesk = read(join(location.knowledgeDir, 'helpdesk.yaml'), helpdeskSchema);
  const timeZones = read(join(location.knowledgeDir, 'time-zones.yaml'), timeZonesSchema);
  const wordingsFile = join(location.knowledgeDir, 'wordings.yaml');
  const wordingList = read(wordingsFile, wordingsSchema);
  const learned = wordingList
    ? readWordings(wordingList, new Set(articles.keys()), display(wordingsFile))
    : { problems: [], wordings: [] };
  problems.push(...learned.problems);

  const flows = new Map<string, Flow>();
  const flowVersions = new Map<string, string>();
  for (const file of yamlFiles(location.dialogsDir, problems, display)) {
    const result = readYaml(file, display(file), flowSchema);
    if (!result.ok) {
      problems.push(...result.problems);
      continue;
    }
    hash.update(display(file)).update(result.raw);
    const flow = result.data;
    const expectedId = basename(file).replace(/\.ya?ml$/, '');
    if (flow.id !== expectedId) {
      problems.push({
        file: display(file),
        path: 'id',
        message: `is "${flow.id}" but the file is named "${expectedId}"`,
      });
    }
    if (flows.has(flow.id)) {
      problems.push({ file: display(file), path: 'id', message: `duplicate id "${flow.id}"` });
      continue;
    }
    problems.push(
      ...checkFlow(flow, display(file), {
        articleIds: new Set(articles.keys()),
        computations: location.computations,
      }),
    );
    if (sourceList) problems.push(...checkFlowCitations(flow, sources, display(file)));
    flows.set(flow.id, flow);
    flowVersions.set(flow.id, createHash('sha256').update(result.raw).digest('hex').slice(0, 12));
  }

  problems.push(...checkArticles(articles, articleFiles));
  if (helpdesk) problems.push(...checkNumberWithHours(articles, helpdesk, articleFiles));
  if (sourceList) {
    for (const article of articles.values()) {
      problems.push(
        ...checkCitations(
          article.sources,
          article.answer,
          sources,
          articleFiles.get(article.id) ?? article.id,
          'sources',
        ),
      );
    }
    if (helpdesk)
      problems.push(
        ...checkCitations(
          helpdesk.sources,
          '',
          sources,
          display(join(location.knowledgeDir, 'helpdesk.yaml')),
          'sources',
        ),
      );
  }
  if (texts) problems.push(...checkTextReferences(texts, articles, display(textsFile)));
  const routingFile = display(join(location.knowledgeDir, 'routing.yaml'));
  (routing?.questionKinds ?? []).forEach(({ article }, index) => {
    if (!articles.has(article)) {
      problems.push({
        file: routingFile,
        path: `questionKinds[${index}].article`,
        message: `unknown article "${article}"`,
      });
    }
  });
  (routing?.callingTopics ?? []).forEach((id, index) => {
    if (!articles.has(id) && !flows.has(id)) {
      problems.push({ file: routingFile, path: `callingTopics[${index}]`, message: `unknown article or flow "${id}"` });
    }
  });
  for (const list of ['deskTopics', 'nothingToTry', 'cardTopics', 'lineTopics'] as const) {
    (routing?.[list] ?? []).forEach((id, index) => {
      if (!articles.has(id)) {
        problems.push({ file: routingFile, path: `${list}[${index}]`, message: `unknown article "${id}"` });
      }
    });
  }
  for (const path of ['troubleshootFlow', 'beforeCallingFlow'] as const) {
    if (texts && !flows.has(texts[path])) {
      problems.push({ file: display(textsFile), path, message: `unknown flow "${texts[path]}"` });
    }
  }

  if (
    problems.length > 0 ||
    !sourceList ||
    !synonyms ||
    !outOfScope ||
    !texts ||
    !routing ||
    !intents ||
    !helpdesk ||
    !timeZones ||
    !wordingList
  ) {
    throw new ContentError(problems);
  }
  return Object.freeze({
    articles,
    sources,
    synonyms,
    outOfScope,
    texts,
    routing,
    intents: intents.intents,
    helpdesk,
    timeZones,
    flows,
    wordings: learned.wordings,
    flowVersions,
    version: hash.digest('hex').slice(0, 12),
  });
}

function yamlFiles(dir: string, problems: ContentProblem[], display: (file: string) => string): string[] {
  if (!existsSync(dir)) {
    problems.push({ file: display(dir), path: '', message: 'folder is missing' });
    return [];
  }
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => join(dir, name));
}
