import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { createMatcher } from '../../src/matching/create-matcher';
import { parseConfig } from '../../src/config';
import type { Content } from '../../src/content/load-content';
import { loadBotContent } from '../../src/service';
import { knowledgeDocuments } from '../../src/matching/knowledge-documents';
import { Matcher } from '../../src/matching/matcher';
import type { MatchDocument } from '../../src/matching/candidate';
import { createNormalizer, rawWords } from '../../src/matching/normalizer';
import { devQuestions, realQueries } from './bench-queries';
import { seededRandom, type Random } from './bench-random';
import { median, ms, percentile, table, yesNo } from './bench-stats';
import { syntheticBase, typoOneWord } from './bench-synthetic-kb';

/** Figures for one knowledge base. */
export interface MatchFigures {
  readonly name: string;
  readonly documents: number;
  readonly phrases: number;
  readonly vocabulary: number;
  /** Median time to build the matcher (index and spelling vocabulary). */
  readonly buildMs: number;
  /** Repeated queries: the spelling cache is warm. */
  readonly warm: Latency;
  /** Queries each with a typo or unknown word never seen before: fuse.js runs every time. */
  readonly cold: Latency;
  /** Both together, as the target checks count them. */
  readonly all: Latency;
}

export interface Latency {
  readonly runs: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

export interface MatchBenchResult {
  readonly bases: readonly MatchFigures[];
  /** The dev questions' top ids are the same from a fresh matcher and from one used thousands of times. */
  readonly deterministic: boolean;
  /** A short hash of the dev questions' top ids, to compare with other commits. */
  readonly rankingFingerprint: string;
  readonly devQuestions: number;
}

export interface MatchBenchOptions {
  /** Timed queries per base after warm-up. */
  readonly runs?: number;
  /** Queries per base that each carry a never-seen word. */
  readonly coldRuns?: number;
  readonly seed?: number;
  readonly sizes?: readonly number[];
}

const TOP_K = 5;

/**
 * Times Matcher.rank at the real knowledge base and at synthetic bases of the given sizes, and
 * checks that the real base ranks the dev questions the same way every time.
 */
export function runMatchBench(options: MatchBenchOptions = {}): MatchBenchResult {
  const runs = options.runs ?? 5_000;
  const coldRuns = options.coldRuns ?? 500;
  const random = seededRandom(options.seed ?? 20261125);
  const content = loadRealContent();
  const realDocuments = knowledgeDocuments(content.articles.values(), content.outOfScope, content.flows.values());
  const normalizer = createNormalizer(content.synonyms);
  const build = (documents: readonly MatchDocument[]) => new Matcher(documents, normalizer);

  const questions = devQuestions();
  const before = topIds(createMatcher(content), questions);

  const bases: MatchFigures[] = [];
  const realPhrases = realDocuments.flatMap((document) => document.phrases);
  const real = realQueries();
  const realMatcher = createMatcher(content);
  bases.push(
    measure(
      'real',
      realDocuments,
      () => createMatcher(content),
      realMatcher,
      real,
      coldQueries(real, coldRuns, random),
      runs,
      7,
    ),
  );
  const after = topIds(realMatcher, questions);

  for (const size of options.sizes ?? [1_000, 10_000]) {
    const base = syntheticBase(size, realPhrases, random, 1_000);
    const matcher = build(base.documents);
    const cold = coldQueries(base.queries, coldRuns, random);
    bases.push(
      measure(
        `${size.toLocaleString('en-US')} synthetic`,
        base.documents,
        () => build(base.documents),
        matcher,
        base.queries,
        cold,
        runs,
        3,
      ),
    );
  }

  return {
    bases,
    deterministic: before.join('\n') === after.join('\n'),
    rankingFingerprint: createHash('sha256').update(before.join('\n')).digest('hex').slice(0, 12),
    devQuestions: questions.length,
  };
}

/** Loads the knowledge base the bot runs on (knowledge/ and dialogs/ by default). */
function loadRealContent(): Content {
  const config = parseConfig({});
  return loadBotContent({ knowledgeDir: config.KNOWLEDGE_DIR, dialogsDir: config.DIALOGS_DIR });
}

function measure(
  name: string,
  documents: readonly MatchDocument[],
  rebuild: () => Matcher,
  matcher: Matcher,
  queries: readonly string[],
  cold: readonly string[],
  runs: number,
  builds: number,
): MatchFigures {
  const buildTimes: number[] = [];
  for (let index = 0; index < builds; index++) {
    const started = performance.now();
    rebuild();
    buildTimes.push(performance.now() - started);
  }

  // Warm-up: the JIT compiles the hot paths and the spelling cache learns the repeated queries.
  for (let index = 0; index < Math.max(1_000, queries.length); index++)
    matcher.rank(queries[index % queries.length], TOP_K);

  const warm: number[] = [];
  for (let index = 0; index < runs; index++) warm.push(timeRank(matcher, queries[index % queries.length]));
  const coldTimes = cold.map((query) => timeRank(matcher, query));

  return {
    name,
    documents: documents.length,
    phrases: documents.reduce((sum, document) => sum + document.phrases.length, 0),
    vocabulary: new Set(documents.flatMap((document) => document.phrases.flatMap(rawWords))).size,
    buildMs: median(buildTimes),
    warm: latency(warm),
    cold: latency(coldTimes),
    all: latency([...warm, ...coldTimes]),
  };
}

function timeRank(matcher: Matcher, query: string): number {
  const started = performance.now();
  matcher.rank(query, TOP_K);
  return performance.now() - started;
}

function latency(times: readonly number[]): Latency {
  return { runs: times.length, p50: percentile(times, 50), p99: percentile(times, 99), max: Math.max(...times) };
}

/**
 * Queries with a fresh typo each: the misspelled word is new to the spelling cache, so every one
 * of them pays for a fuse.js lookup. Duplicates (the same typo twice) are skipped.
 */
function coldQueries(queries: readonly string[], count: number, random: Random): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (let attempt = 0; out.length < count && attempt < count * 20; attempt++) {
    const words = [...rawWords(random.pick(queries))];
    const before = new Set(words);
    typoOneWord(words, random);
    const misspelled = words.find((word) => !before.has(word));
    if (!misspelled || seen.has(misspelled)) continue;
    seen.add(misspelled);
    out.push(words.join(' '));
  }
  return out;
}

/** "question -> top id" for each question, the matcher's answer in a comparable form. */
function topIds(matcher: Matcher, questions: readonly string[]): string[] {
  return questions.map((question) => `${question}\t${matcher.rank(question, TOP_K)[0]?.id ?? '(none)'}`);
}

/** The matcher section of the report: a table and the target checks. */
export function formatMatchBench(result: MatchBenchResult): string {
  // prettier-ignore
  const rows: string[][] = [
    ['base', 'docs', 'phrases', 'words', 'build', 'warm p50', 'warm p99', 'cold p50', 'cold p99', 'all p50', 'all p99',
      'max'],
  ];
  for (const base of result.bases) {
    rows.push([
      base.name,
      String(base.documents),
      String(base.phrases),
      String(base.vocabulary),
      ms(base.buildMs),
      ms(base.warm.p50),
      ms(base.warm.p99),
      ms(base.cold.p50),
      ms(base.cold.p99),
      ms(base.all.p50),
      ms(base.all.p99),
      ms(base.all.max),
    ]);
  }
  const real = result.bases[0];
  const largest = result.bases.find((base) => base.documents >= 10_000);
  const runs = result.bases.map((base) => `${base.warm.runs} warm + ${base.cold.runs} cold`).join(', ');
  return [
    table(rows),
    `(timed rank() calls per base: ${runs}; "cold" = a never-seen typo in every query)`,
    `p99 <= 1 ms at the real base: ${yesNo(real.all.p99 <= 1)} (${ms(real.all.p99)})`,
    largest
      ? `p99 <= 10 ms at 10,000: ${yesNo(largest.all.p99 <= 10)} (${ms(largest.all.p99)})`
      : 'p99 <= 10 ms at 10,000: not run',
    `real-base ranking of the ${result.devQuestions} dev questions deterministic: ${yesNo(result.deterministic)} ` +
      `(top ids fingerprint ${result.rankingFingerprint}; answers are judged by npm run eval)`,
  ].join('\n');
}

if (require.main === module) {
  const started = performance.now();
  console.log('matcher benchmark: real knowledge base, synthetic 1,000 and 10,000 articles');
  console.log(formatMatchBench(runMatchBench()));
  console.log(`took ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
