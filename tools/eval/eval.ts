import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { conversationLines, runConversations, type ConversationsReport } from './converse';
import { questionLines, runQuestions, type QuestionsReport } from './ask';
import { nowMillis } from './eval-clock';
import { readEvalFile, type EvalFile } from './eval-files';
import { pyFixed } from './py-format';
import { poster, type PostActivity } from './transport';

/**
 * `npm run eval -- FILE [FILE...] [--url http://host:port] [--json FILE] [--show-fail] [--min 0.9]`
 *
 * Judges the bot exactly as ../shared/eval/ask.py (question sets, `cases:`) and converse.py
 * (conversation sets, `conversations:`) do, and prints their lines for each file, then one
 * summary line per file. Without --url the bot runs in this process on a free loopback port.
 * --json FILE writes the per-case results: for one file, ask.py's or converse.py's JSON object;
 * for several, {"files": [...]} of those. Exits 1 when --min (a fraction, e.g. 0.9) is given
 * and a file scores below it.
 */

export type FileReport =
  | { readonly kind: 'questions'; readonly report: QuestionsReport }
  | { readonly kind: 'conversations'; readonly report: ConversationsReport };

/** Runs one file's cases or conversations against the bot. */
export async function judgeFile(evalFile: EvalFile, post: PostActivity): Promise<FileReport> {
  if (evalFile.kind === 'questions') {
    return { kind: 'questions', report: await runQuestions(evalFile.file, evalFile.set, post) };
  }
  return { kind: 'conversations', report: await runConversations(evalFile.file, evalFile.set, post) };
}

/** The share of passes, as the score the judges print and --min compares. */
export function scoreOf(result: FileReport): number {
  if (result.kind === 'questions')
    return result.report.summary.total ? result.report.summary.passed / result.report.summary.total : 0;
  const { summary } = result.report;
  return summary.conversations ? summary.passed / summary.conversations : 0;
}

/** The share of replies that were did-you-mean menus. */
export function menuRate(result: FileReport): number {
  const { summary } = result.report;
  const replies = result.kind === 'questions' ? result.report.summary.total : result.report.summary.replies;
  return replies ? summary.did_you_mean / replies : 0;
}

/** `FILE: single P% (n/N), menus P%` or `FILE: conversations P% (n/N), menus P%`. */
export function summaryLine(file: string, result: FileReport): string {
  const percent = (x: number) => `${pyFixed(100 * x, 1)}%`;
  const menus = `menus ${percent(menuRate(result))}`;
  if (result.kind === 'questions') {
    const { passed, total } = result.report.summary;
    return `${file}: single ${percent(scoreOf(result))} (${passed}/${total}), ${menus}`;
  }
  const { passed, conversations } = result.report.summary;
  return `${file}: conversations ${percent(scoreOf(result))} (${passed}/${conversations}), ${menus}`;
}

/**
 * The bot in this process. With EVAL_NOW its clock is shifted as the judge's is, so checks of
 * the desk's hours can be tried at any instant.
 */
async function startBot(): Promise<{ readonly url: string; stop(): Promise<void> }> {
  // Loaded only here: a run against --url need not load the service.
  const { startInProcessBot } = await import('../in-process-bot');
  if (!process.env.EVAL_NOW) return startInProcessBot();
  const { parseConfig, readEnvironment } = await import('../../src/config');
  const { startService } = await import('../../src/service');
  const config = parseConfig({ ...readEnvironment(), LOG_LEVEL: 'silent', STORAGE: 'memory' });
  return startService({ config, clock: nowMillis, port: 0, host: '127.0.0.1' });
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      url: { type: 'string' },
      json: { type: 'string' },
      'show-fail': { type: 'boolean', default: false },
      min: { type: 'string' },
    },
  });
  if (positionals.length === 0) {
    console.error(
      'usage: npm run eval -- FILE [FILE...] [--url http://host:port] [--json FILE] [--show-fail] [--min 0.9]',
    );
    return 2;
  }
  const files = positionals.map(readEvalFile);
  const min = values.min === undefined ? undefined : Number(values.min);
  const bot = values.url ? undefined : await startBot();
  const post = poster(values.url ?? bot!.url);
  const results: FileReport[] = [];
  try {
    for (const evalFile of files) {
      const result = await judgeFile(evalFile, post);
      results.push(result);
      console.log(`== ${evalFile.file}`);
      const lines =
        result.kind === 'questions'
          ? questionLines(
              result.report,
              evalFile.set as Extract<EvalFile, { kind: 'questions' }>['set'],
              values['show-fail'],
            )
          : conversationLines(result.report, values['show-fail']);
      for (const line of lines) console.log(line);
    }
  } finally {
    await bot?.stop();
  }
  for (const [index, result] of results.entries()) console.log(summaryLine(files[index].file, result));
  if (values.json) {
    const reports = results.map((result) => result.report);
    const blob = reports.length === 1 ? reports[0] : { files: reports };
    writeFileSync(values.json, `${JSON.stringify(blob, null, 1)}\n`);
  }
  return min !== undefined && results.some((result) => scoreOf(result) < min) ? 1 : 0;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
