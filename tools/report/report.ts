import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseConfig, readEnvironment } from '../../src/config';
import { loadContent, type Content } from '../../src/content/load-content';
import { computations } from '../../src/flows/computations';
import { createMatcher } from '../../src/matching/create-matcher';
import type { Matcher } from '../../src/matching/matcher';
import { createNormalizer } from '../../src/matching/normalizer';
import { ReportAggregator } from './aggregate';
import { eventFiles, readEvents } from './read-events';
import { reportHtml } from './report-html';
import { reportModel, type ContentLookup, type ReportModel } from './report-model';
import { yamlSnippets } from './yaml-snippets';

const USAGE = `usage: npm run report -- --out FILE.html [--yaml FILE.yaml] [--dir DIR | FILE...] [--title TEXT]
  reads the analytics store (ANALYTICS_DIR, default ./analytics) or the NDJSON files named
  (the local store's records, or Application Insights customEvents rows: docs/analytics.md),
  writes one self-contained HTML page, and prints the unanswered questions as YAML for knowledge/
  (or writes them to --yaml FILE).
  --knowledge DIR, --dialogs DIR   the content to name articles and flows by (default knowledge, dialogs)
  --stats                          print events, seconds and peak memory to stderr`;

/** A match at least this good makes an article "the closest" to an unanswered question. */
const CLOSE_ENOUGH = 0.3;

export interface ReportRun {
  readonly model: ReportModel;
  readonly html: string;
  readonly yaml: string;
  readonly files: number;
  /** Time spent reading and counting the events. */
  readonly readSeconds: number;
}

/** Reads the events, builds the page and the snippets (the CLI below writes them; tests call this). */
export async function buildReport(options: {
  readonly inputs: readonly string[];
  readonly content: Content;
  readonly title?: string;
  /** How the page names where the events came from (default: the inputs). */
  readonly source?: string;
}): Promise<ReportRun> {
  const matcher = createMatcher(options.content);
  const normalizer = createNormalizer(options.content.synonyms);
  const files = await eventFiles(options.inputs);
  const aggregator = new ReportAggregator(normalizer);
  const reading = performance.now();
  const counts = await readEvents(files, (record) => aggregator.add(record));
  const readSeconds = (performance.now() - reading) / 1000;
  const lookup = contentLookup(options.content, matcher);
  const source = `${files.length} file${files.length === 1 ? '' : 's'} in ${options.source ?? options.inputs.join(', ')}`;
  const model = reportModel(aggregator, lookup, {
    title: options.title ?? 'Support bot report',
    source,
    skipped: counts.skipped + counts.overlong,
  });
  return {
    model,
    html: reportHtml(model),
    yaml: yamlSnippets(model.unanswered, lookup, normalizer),
    files: files.length,
    readSeconds,
  };
}

export function contentLookup(content: Content, matcher: Matcher): ContentLookup {
  return {
    articleTitle: (id) => content.articles.get(id)?.title,
    flowTitle: (id) => content.flows.get(id)?.title,
    closestArticle: (question) => {
      const best = question
        .split(/(?<=[.?!])\s+/)
        .flatMap((sentence) => matcher.rank(sentence, 5).filter((candidate) => candidate.kind === 'article'))
        .sort((a, b) => b.score - a.score)[0];
      if (!best || best.score < CLOSE_ENOUGH) return undefined;
      return { id: best.id, title: content.articles.get(best.id)?.title ?? best.id, score: best.score };
    },
  };
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      yaml: { type: 'string' },
      dir: { type: 'string' },
      title: { type: 'string' },
      knowledge: { type: 'string', default: 'knowledge' },
      dialogs: { type: 'string', default: 'dialogs' },
      stats: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help || !values.out) {
    console.error(USAGE);
    process.exit(values.help ? 0 : 2);
  }
  const started = performance.now();
  const inputs = positionals.length > 0 ? positionals : [values.dir ?? analyticsDir()];
  for (const input of inputs) {
    if (!(await stat(input).catch(() => undefined))) {
      console.error(`report: ${input} does not exist (set ANALYTICS_DIR, or name the store or files)\n\n${USAGE}`);
      process.exit(2);
    }
  }
  // The content loader alone, not the service: the report needs no bot, server or SDK.
  const content = loadContent({
    knowledgeDir: resolve(values.knowledge),
    dialogsDir: resolve(values.dialogs),
    computations: new Set(Object.keys(computations)),
  });
  const run = await buildReport({ inputs, content, title: values.title });
  const out = resolve(values.out);
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, run.html);
  if (values.yaml) await writeFile(resolve(values.yaml), run.yaml);
  else process.stdout.write(run.yaml);
  console.error(`report: ${run.model.events.toLocaleString('en-US')} events from ${run.files} files → ${out}`);
  if (values.stats) {
    const seconds = (performance.now() - started) / 1000;
    const peakRss = process.resourceUsage().maxRSS * 1024;
    console.error(
      JSON.stringify({
        events: run.model.events,
        seconds,
        readSeconds: run.readSeconds,
        peakRss,
        htmlBytes: Buffer.byteLength(run.html),
      }),
    );
  }
}

/** ANALYTICS_DIR as the bot reads it (the same default). */
function analyticsDir(): string {
  return parseConfig({ ANALYTICS_DIR: readEnvironment().ANALYTICS_DIR }).ANALYTICS_DIR;
}

if (require.main === module) {
  void main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
