import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import type { Content } from '../../src/content/load-content';
import { loadBotContent } from '../../src/service';
import { writeSyntheticStore } from './bench-report-events';
import { mb, table } from './bench-stats';

export interface ReportBenchRow {
  readonly events: number;
  readonly days: number;
  readonly files: number;
  readonly storeBytes: number;
  readonly generateSeconds: number;
  /** The whole `npm run report` process: start, content, reading, the page. */
  readonly reportSeconds: number;
  /** Reading and counting the events alone. */
  readonly readSeconds: number;
  readonly peakRss: number;
  readonly htmlBytes: number;
}

/** The sizes the issue asks about: a small firm's month and a large one's year. */
export const REPORT_SIZES: ReadonlyArray<{ readonly events: number; readonly days: number }> = [
  { events: 1_000, days: 30 },
  { events: 1_000_000, days: 365 },
];

/**
 * For each size: synthetic events written through the real analytics queue and NDJSON store
 * into a temporary folder, then the compiled report run on it in its own process (so its peak
 * RSS is its own), then the folder removed.
 */
export async function runReportBench(content: Content, sizes = REPORT_SIZES): Promise<ReportBenchRow[]> {
  const rows: ReportBenchRow[] = [];
  for (const size of sizes) {
    const root = mkdtempSync(join(tmpdir(), 'bench-report-'));
    try {
      const store = join(root, 'analytics');
      const generating = performance.now();
      await writeSyntheticStore(store, content, {
        count: size.events,
        days: size.days,
        lastDay: '2026-11-25',
        seed: 16,
        withText: true,
      });
      const generateSeconds = (performance.now() - generating) / 1000;
      const names = readdirSync(store);
      const storeBytes = names.reduce((sum, name) => sum + statSync(join(store, name)).size, 0);
      const stats = await runReport(store, root);
      rows.push({ ...size, files: names.length, storeBytes, generateSeconds, ...stats });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }
  return rows;
}

async function runReport(
  store: string,
  root: string,
): Promise<Pick<ReportBenchRow, 'reportSeconds' | 'readSeconds' | 'peakRss' | 'htmlBytes'>> {
  const script = resolve(__dirname, '../report/report.js');
  const args = [
    script,
    '--dir',
    store,
    '--out',
    join(root, 'report.html'),
    '--yaml',
    join(root, 'new.yaml'),
    '--stats',
  ];
  const { stderr } = await promisify(execFile)(process.execPath, args, { maxBuffer: 16 * 1_048_576 });
  const last = stderr.trim().split('\n').pop() ?? '';
  const stats = JSON.parse(last) as { seconds: number; readSeconds: number; peakRss: number; htmlBytes: number };
  return {
    reportSeconds: stats.seconds,
    readSeconds: stats.readSeconds,
    peakRss: stats.peakRss,
    htmlBytes: stats.htmlBytes,
  };
}

export function formatReportBench(rows: readonly ReportBenchRow[]): string {
  return [
    table([
      ['events', 'days', 'files', 'store', 'generate', 'report', 'of it reading', 'events/s', 'peak rss', 'page'],
      ...rows.map((row) => [
        row.events.toLocaleString('en-US'),
        String(row.days),
        String(row.files),
        mb(row.storeBytes),
        `${row.generateSeconds.toFixed(1)} s`,
        `${row.reportSeconds.toFixed(1)} s`,
        `${row.readSeconds.toFixed(1)} s`,
        Math.round(row.events / row.readSeconds).toLocaleString('en-US'),
        mb(row.peakRss),
        `${(row.htmlBytes / 1024).toFixed(0)} KB`,
      ]),
    ]),
    '(generate: through the analytics queue and the rotating NDJSON store; report: the whole process,',
    ' content and page included; peak rss: the report process alone)',
  ].join('\n');
}

if (require.main === module) {
  void (async () => {
    const content = loadBotContent({ knowledgeDir: 'knowledge', dialogsDir: 'dialogs' });
    console.log('npm run bench:report: the analytics report at 1,000 and 1,000,000 events');
    console.log(formatReportBench(await runReportBench(content)));
  })().catch((error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(1);
  });
}
