import { basename, join } from 'node:path';
import type { Content } from '../../src/content/load-content';
import { projectRoot } from '../../src/project-root';
import { loadBotContent } from '../../src/service';
import { readQuestionSet } from './eval-files';
import { pyFixed } from './py-format';
import { deriveLabels, type LabelledCase, type Labels } from './ranking-labels';
import { rankers, type NamedRanker } from './ranking-rankers';

/**
 * `npm run eval:ranking [-- FILE...]`: top-1 and top-3 article accuracy of the project's matcher
 * against a BM25 baseline (MiniSearch, exact terms; then fuzzy 0.2 with prefixes) on the
 * single-message `answer` cases of question sets, with labels derived from the cases' facts
 * (ranking-labels.ts). Without files: the bank's two halves and the shared dev sets.
 *
 * The matcher's misses are listed for every file but a test half (*-test.yaml): that half is only
 * measured, never read for tuning (test/fixtures/bank/README.md).
 */

export interface Accuracy {
  readonly name: string;
  readonly top1: number;
  readonly top3: number;
}

export interface Miss {
  readonly testCase: LabelledCase;
  readonly top3: readonly string[];
}

export interface RankingReport {
  readonly labels: Labels;
  readonly accuracy: readonly Accuracy[];
  /** The first ranker's (the matcher's) top-1 misses. */
  readonly misses: readonly Miss[];
}

/** Measures every ranker on the labelled cases. */
export function measureRanking(labels: Labels, named: readonly NamedRanker[]): RankingReport {
  const accuracy: Accuracy[] = [];
  const misses: Miss[] = [];
  named.forEach((ranker, rankerIndex) => {
    let top1 = 0;
    let top3 = 0;
    for (const testCase of labels.used) {
      const ranked = ranker.rank(testCase.say).slice(0, 3);
      const ok = ranked.map((id) => testCase.expected.includes(id));
      if (ok[0]) top1 += 1;
      if (ok.some(Boolean)) top3 += 1;
      if (rankerIndex === 0 && !ok[0]) misses.push({ testCase, top3: ranked });
    }
    accuracy.push({ name: ranker.name, top1, top3 });
  });
  return { labels, accuracy, misses };
}

/** The report as printed: counts, accuracies and (unless a test half) the matcher's misses. */
export function rankingLines(file: string, report: RankingReport, articleCount: number, showMisses: boolean): string[] {
  const { labels } = report;
  const n = labels.used.length;
  const percent = (k: number) => `${pyFixed(n ? (100 * k) / n : 0, 1)}% (${k}/${n})`;
  const lines = [
    `== ${file}`,
    `answer cases used: ${n}; left out (no article satisfies the facts): ${labels.leftOut.length}; other kinds: ${labels.otherKinds}`,
  ];
  const sizes = labels.used.map((testCase) => testCase.expected.length).sort((a, b) => a - b);
  if (n) {
    const loose = sizes.filter((size) => size > articleCount / 2).length;
    lines.push(
      `acceptable articles per case: median ${sizes[Math.floor(n / 2)]}, one for ${sizes.filter((s) => s === 1).length} cases, ` +
        `more than half of all ${articleCount} for ${loose} (those any ranking gets right)`,
    );
  }
  for (const accuracy of report.accuracy) {
    lines.push(
      `${accuracy.name.padEnd(24)} top-1 ${percent(accuracy.top1).padEnd(16)} top-3 ${percent(accuracy.top3)}`,
    );
  }
  if (showMisses) {
    for (const miss of report.misses) {
      const id = miss.testCase.id ? `${String(miss.testCase.id)} ` : '';
      lines.push(`  miss ${id}${JSON.stringify(miss.testCase.say)}`);
      lines.push(
        `    expected ${miss.testCase.expected.join(' | ')}; matcher top 3: ${miss.top3.join(', ') || '(none)'}`,
      );
    }
  } else {
    lines.push(`  (a test half: misses are not shown)`);
  }
  return lines;
}

/** A test half is only measured: its misses are not printed. */
export function isTestHalf(file: string): boolean {
  return /-test\.ya?ml$/.test(basename(file));
}

function defaultFiles(root: string): string[] {
  const fixtures = join(root, 'test', 'fixtures');
  return [
    join(fixtures, 'bank', 'questions-tuning.yaml'),
    join(fixtures, 'bank', 'questions-test.yaml'),
    join(fixtures, 'bank', 'questions-held-test.yaml'),
    join(fixtures, 'bank', 'questions-held-2-test.yaml'),
    join(fixtures, 'bank', 'questions-held-3-test.yaml'),
    join(fixtures, 'shared-eval', 'dev-questions.yaml'),
    join(fixtures, 'shared-eval', 'dev-questions-2.yaml'),
  ];
}

function main(): void {
  const root = projectRoot(__dirname);
  const files = process.argv.slice(2);
  const content: Content = loadBotContent({ knowledgeDir: join(root, 'knowledge'), dialogsDir: join(root, 'dialogs') });
  const named = rankers(content);
  for (const file of files.length ? files : defaultFiles(root)) {
    const report = measureRanking(deriveLabels(readQuestionSet(file), content), named);
    for (const line of rankingLines(file, report, content.articles.size, !isTestHalf(file))) console.log(line);
  }
}

if (require.main === module) main();
