import { performance } from 'node:perf_hooks';
import type { Content } from '../../src/content/load-content';
import type { Matcher } from '../../src/matching/matcher';
import {
  cpuMilliseconds,
  edgeTextSteps,
  LONGEST_BODY_TEXT,
  LONGEST_TURN_TEXT,
  turnTextSteps,
  type TextStep,
} from '../fuzz/long-inputs';
import { ms, table, yesNo } from './bench-stats';

/** Hostile long texts: runs of one unit each, the shapes that break backtracking patterns. */
const UNITS = [' ', 'a ', '. ', '?', '<at>', '<at>Bot</at>', '&amp;', '1 ', '12-', '<a', "n't ", 'a'];
/** Growth is read against the same unit at this share of the length: linear code takes about as much less. */
const SHORTER = 1 / 8;
/** Short calls are timed more often: a stall weighs more in a fraction of a millisecond. */
const SHORTER_CALLS = 9;
/** Whole turns over HTTP are timed this many times each. */
const TURN_RUNS = 3;

/** A step at its slowest: ms, the unit that made it slowest, text length, and ms at an eighth of that length. */
type Slowest = readonly [step: string, ms: number, unit: string, length: number, shorterMs: number];

export interface LongInputFigures {
  readonly steps: readonly Slowest[];
  /** One Teams message of 250 KB of spaces / of <at> tags through POST /api/messages, ms. */
  readonly http: ReadonlyArray<readonly [string, number, number]>;
}

/**
 * The fastest of a few calls, in CPU time (what the step costs, however busy the machine is):
 * one stall is noise, every call slow is the code.
 */
function timeStep(step: TextStep, text: string, calls = 3): number {
  let best = Number.POSITIVE_INFINITY;
  for (let run = 0; run < calls; run++) {
    const started = cpuMilliseconds();
    step.run(text);
    best = Math.min(best, cpuMilliseconds() - started);
  }
  return best;
}

function slowest(steps: readonly TextStep[], length: number): Slowest[] {
  const textOf = (unit: string, chars: number) => unit.repeat(Math.max(1, Math.floor(chars / unit.length)));
  return steps.map((step) => {
    let worst: Slowest = [step.name, 0, '', length, 0];
    for (const unit of UNITS) {
      const text = textOf(unit, length);
      const took = timeStep(step, text);
      if (took > worst[1]) worst = [step.name, took, unit, text.length, 0];
    }
    const [name, took, unit, textLength] = worst;
    return [name, took, unit, textLength, unit ? timeStep(step, textOf(unit, length * SHORTER), SHORTER_CALLS) : 0];
  });
}

/** One Teams turn through POST /api/messages, with a /healthz request in flight meanwhile. */
async function timeTeamsTurn(
  botUrl: string,
  conversationId: string,
  text: string,
): Promise<{ readonly status: number; readonly turn: number; readonly health: number }> {
  const started = performance.now();
  const health = fetch(`${botUrl}/healthz`).then(() => performance.now() - started);
  const response = await fetch(`${botUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message',
      channelId: 'msteams',
      deliveryMode: 'expectReplies',
      conversation: { id: conversationId, conversationType: 'personal' },
      from: { id: 'user' },
      recipient: { id: 'bot', name: 'Bot' },
      entities: [{ type: 'mention', text: '<at>Bot</at>', mentioned: { id: 'bot', name: 'Bot' } }],
      text,
    }),
  });
  await response.arrayBuffer();
  return { status: response.status, turn: performance.now() - started, health: await health };
}

/** In this process: every text step at the longest text it can see; over HTTP: a whole turn. */
export async function runLongInputBench(content: Content, matcher: Matcher, botUrl: string): Promise<LongInputFigures> {
  const steps = [
    ...slowest(edgeTextSteps(), LONGEST_BODY_TEXT),
    ...slowest(turnTextSteps(content, matcher), LONGEST_TURN_TEXT),
  ];
  const http: Array<readonly [string, number, number]> = [];
  // The first turn of a fresh server and client pays for loading and compiling the turn path;
  // an ordinary message pays it first, and is shown beside the long ones for comparison.
  const longRun = (unit: string) => unit.repeat(Math.floor(LONGEST_BODY_TEXT / unit.length));
  for (const [name, body] of [
    ['an ordinary message', 'hello'],
    ['250 KB of spaces', longRun(' ')],
    ['250 KB of <at> tags', longRun('<at>Bot</at>')],
  ] as const) {
    const text = `<at>Bot</at> ${body}`;
    let best: readonly [string, number, number] | undefined;
    // The best of a few turns: one stall is the machine's, every turn slow is the code's.
    for (let run = 0; run < TURN_RUNS; run++) {
      const took = await timeTeamsTurn(botUrl, `long-${http.length}-${run}`, text);
      if (!best || took.turn < best[1]) best = [`${name} (HTTP ${took.status})`, took.turn, took.health];
    }
    http.push(best!);
  }
  return { steps, http };
}

export function formatLongInputBench(figures: LongInputFigures): string {
  const rows = figures.steps.map(([name, took, unit, length, shorter]) => [
    name,
    `${(length / 1000).toFixed(0)} K`,
    JSON.stringify(unit),
    ms(took),
    // Linear code takes about 8 times as long on 8 times the text; backtracking about 64.
    shorter > 0 ? `${(took / shorter).toFixed(1)}x` : '-',
  ]);
  const worst = Math.max(...figures.steps.map(([, took]) => took), ...figures.http.map(([, took]) => took));
  return [
    table([['text step', 'chars', 'slowest unit', 'CPU ms', 'time for 8x the text'], ...rows]),
    '',
    table([
      ['one Teams turn', 'turn ms', '/healthz meanwhile ms'],
      ...figures.http.map(([name, took, health]) => [name, ms(took), ms(health)]),
    ]),
    `every long input under 100 ms: ${yesNo(worst < 100)} (slowest ${ms(worst)})`,
  ].join('\n');
}
