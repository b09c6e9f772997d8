import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { parse } from 'yaml';
import { deskStatus } from '../../src/helpdesk/desk-hours';
import { evalSetSchema, gradeCase, type EvalCase, type EvalSet } from './eval-grade';
import type { Activity } from 'botbuilder';
import type { Content } from '../../src/content/load-content';
import { replyChoices, replyText, userMessage } from '../bot-client';
import { startInProcessBot } from '../in-process-bot';

/**
 * `npm run eval -- <questions.yaml>`: asks every case in a fresh conversation of the real bot
 * (in this process, over HTTP) and prints per-kind scores, each failure, and `score: P% (n/N)`.
 */
async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: npm run eval -- <questions.yaml>');
    process.exit(2);
  }
  const bot = await startInProcessBot();
  try {
    const report = await runEval(readEvalSet(file), { send: bot.send, content: bot.service!.content });
    for (const failure of report.failures) console.log(failure);
    for (const [kind, score] of report.byKind) {
      console.log(`${kind.padEnd(8)} ${percent(score.passed, score.total)}% (${score.passed}/${score.total})`);
    }
    console.log(`score: ${percent(report.passed, report.total)}% (${report.passed}/${report.total})`);
  } finally {
    await bot.stop();
  }
}

/** Reads and checks a question set in the format of the shared dev set. */
export function readEvalSet(file: string): EvalSet {
  return evalSetSchema.parse(parse(readFileSync(file, 'utf8')));
}

export interface EvalReport {
  readonly byKind: ReadonlyMap<string, { passed: number; total: number }>;
  readonly failures: readonly string[];
  readonly passed: number;
  readonly total: number;
}

/** Asks every case in a fresh conversation of the bot and grades the replies. */
export async function runEval(
  set: EvalSet,
  bot: { send(activity: Partial<Activity>): Promise<Array<Partial<Activity>>>; readonly content: Content },
): Promise<EvalReport> {
  const byKind = new Map<string, { passed: number; total: number }>();
  const failures: string[] = [];
  for (const [index, testCase] of set.cases.entries()) {
    const activities = await bot.send(
      userMessage(`eval-${index}`, testCase.say, { localTimezone: 'America/New_York' }),
    );
    const problems = gradeCase(
      testCase,
      { text: replyText(activities), choiceCount: replyChoices(activities).length },
      {
        texts: bot.content.texts,
        helpdeskNumber: bot.content.helpdesk.number,
        deskOpen: deskStatus(DateTime.now(), undefined, bot.content.helpdesk).open,
      },
    );
    tally(byKind, testCase, problems.length === 0);
    if (problems.length > 0) {
      failures.push(
        `FAIL [${testCase.kind}] "${testCase.say}": ${problems.join('; ')}\n` +
          `    reply: ${replyText(activities).replace(/\s+/g, ' ').slice(0, 300)}`,
      );
    }
  }
  const passed = [...byKind.values()].reduce((sum, score) => sum + score.passed, 0);
  return { byKind, failures, passed, total: set.cases.length };
}

function tally(byKind: Map<string, { passed: number; total: number }>, testCase: EvalCase, passed: boolean): void {
  const score = byKind.get(testCase.kind) ?? { passed: 0, total: 0 };
  byKind.set(testCase.kind, { passed: score.passed + (passed ? 1 : 0), total: score.total + 1 });
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '0' : ((100 * part) / whole).toFixed(1).replace(/\.0$/, '');
}

if (require.main === module)
  void main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
