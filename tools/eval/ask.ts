import { performance } from 'node:perf_hooks';
import type { DateTime } from 'luxon';
import { buildActivity, hexId, isTeams } from './channel-activity';
import { expand } from './clock-patterns';
import { DEFAULT_ZONE } from './eval-clock';
import { fileVersion, type EvalSet } from './eval-files';
import { judge } from './judge';
import { pyFixed, pyRepr } from './py-format';
import { isMenu, replyView, stripSaid, visible } from './reply-view';
import type { PostActivity } from './transport';

/**
 * ask.py: every case of a question set sent in a fresh conversation, the reply judged. The
 * per-case results and the summary have ask.py's --json shape, field for field.
 */

export interface CaseResult {
  index: number;
  id: unknown;
  say: string;
  kind: string;
  channel: string;
  localTimezone: string;
  ok: boolean;
  why: string[];
  did_you_mean: boolean;
  ms: number;
  reply: string;
}

export interface QuestionsSummary {
  file: string;
  score: number;
  passed: number;
  total: number;
  did_you_mean: number;
  by_kind: Record<string, { passed: number; total: number }>;
  median_ms: number;
  menu_fails: boolean;
}

export interface QuestionsReport {
  summary: QuestionsSummary;
  cases: CaseResult[];
}

export interface RunOptions {
  /** The clock's reading for placeholders and desk checks (tests); the judge's clock otherwise. */
  readonly now?: () => DateTime;
}

function round(value: number, digits: number): number {
  return Number(pyFixed(value, digits));
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Asks every case of the set and judges the replies. */
export async function runQuestions(
  file: string,
  set: EvalSet,
  post: PostActivity,
  options: RunOptions = {},
): Promise<QuestionsReport> {
  const menuFails = fileVersion(set) >= 2;
  const byKind: Record<string, { passed: number; total: number }> = {};
  const latencies: number[] = [];
  const cases: CaseResult[] = [];
  let menus = 0;
  for (const [index, testCase] of set.cases.entries()) {
    const zone = testCase.localTimezone || DEFAULT_ZONE;
    const channel = testCase.channel;
    const said = expand(testCase.say, zone, options.now?.());
    const started = performance.now();
    let text = '';
    let menu = false;
    let verdict: { ok: boolean; why: string[] };
    try {
      const conversation = `eval-${hexId(12)}`;
      const activity = buildActivity(said, conversation, `user-${conversation}`, { channel, zone });
      const view = replyView(await post(activity));
      text = menuFails ? stripSaid(visible(view.text), said, true) : stripSaid(view.text, said);
      menu = isMenu(text);
      verdict = judge(testCase, text, view.choices, { zone, menuFails, now: options.now });
    } catch (error) {
      verdict = { ok: false, why: [`error: ${errorText(error)}`] };
    }
    const ms = performance.now() - started;
    latencies.push(ms / 1000);
    if (menu) menus += 1;
    const tally = (byKind[testCase.kind] ??= { passed: 0, total: 0 });
    tally.total += 1;
    if (verdict.ok) tally.passed += 1;
    cases.push({
      index,
      id: testCase.id || testCase.audit_id || null,
      say: said,
      kind: testCase.kind,
      channel: channel || (isTeams(said) ? 'msteams' : 'webchat'),
      localTimezone: zone,
      ok: verdict.ok,
      why: verdict.why,
      did_you_mean: menu,
      ms: round(ms, 1),
      reply: text,
    });
  }
  const kinds = Object.keys(byKind).sort();
  const passed = kinds.reduce((sum, kind) => sum + byKind[kind].passed, 0);
  const total = kinds.reduce((sum, kind) => sum + byKind[kind].total, 0);
  latencies.sort((a, b) => a - b);
  const score = total ? passed / total : 0;
  const median = latencies.length ? 1000 * latencies[Math.floor(latencies.length / 2)] : 0;
  return {
    summary: {
      file,
      score: round(score, 4),
      passed,
      total,
      did_you_mean: menus,
      by_kind: Object.fromEntries(kinds.map((kind) => [kind, byKind[kind]])),
      median_ms: round(median, 1),
      menu_fails: menuFails,
    },
    cases,
  };
}

/** The lines ask.py prints: per kind, the failures (with showFail), median, did-you-mean, score. */
export function questionLines(report: QuestionsReport, set: EvalSet, showFail = false): string[] {
  const { summary } = report;
  const lines = Object.entries(summary.by_kind).map(([kind, tally]) => `${kind}: ${tally.passed}/${tally.total}`);
  if (showFail) {
    for (const result of report.cases.filter((c) => !c.ok)) {
      const testCase = set.cases[result.index];
      lines.push(
        `FAIL [${testCase.kind}] ${pyRepr(testCase.say)} missing=${pyRepr(result.why)}\n` +
          `    reply: ${pyRepr([...result.reply].slice(0, 300).join(''))}`,
      );
    }
  }
  lines.push(`median turn ${pyFixed(summary.median_ms, 1)} ms`);
  lines.push(`did-you-mean: ${summary.did_you_mean}/${summary.total}`);
  lines.push(
    `score: ${pyFixed(100 * (summary.total ? summary.passed / summary.total : 0), 1)}% (${summary.passed}/${summary.total})`,
  );
  return lines;
}
