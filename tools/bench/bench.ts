import { cpus, loadavg, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadBotContent } from '../../src/service';
import { startBenchServer, type BenchServer } from './bench-child';
import { runLoad, type LoadFigures } from './bench-load';
import { formatMatchBench, runMatchBench, type MatchBenchResult } from './bench-match';
import { formatReportBench, runReportBench } from './bench-report';
import { formatLongInputBench, runLongInputBench } from './bench-long-inputs';
import { createMatcher } from '../../src/matching/create-matcher';
import { runMemoryLoad, type MemoryFigures } from './bench-memory';
import { benchSettings, type BenchSettings } from './bench-settings';
import { mb, median, ms, table, yesNo } from './bench-stats';
import { measureStartup } from './bench-startup';
import { turnMix, type TurnMix } from './bench-turn-mix';
import { formatWelcomeBench, runWelcomeBench, welcomeSettings } from './bench-welcome';

/** Length of the one-connection run that shows a turn's latency without queueing. */
const ALONE_SECONDS = 5;

/**
 * `npm run bench`: on this machine, in one run, prints
 *   1. turn throughput and latency through POST /api/messages for our bot and for a bare echo bot
 *      on the same stack, each in its own process, and the ratio;
 *   2. matcher latency at the real knowledge base and at 1,000 and 10,000 synthetic articles;
 *      2b. the analytics report (npm run report) at 1,000 and 1,000,000 events (bench-report.ts);
 *   3. our bot's memory over 100,000 turns in 20,000 conversations (a share through the local
 *      Direct Line);
 *   4. start-up time of `node dist/src/main.js` to a ready /healthz;
 *   5. a soak at the same load, counting errors and non-2xx answers;
 *   6. hostile long inputs (250 KB of spaces or <at> tags): each text step and whole turns;
 *   7. the chat page's welcome in headless Chromium against its floor (bench-welcome.ts);
 * then a summary. Knobs are BENCH_* variables (see bench-settings.ts). Everything runs on
 * 127.0.0.1, and every loop stops by itself (by time, turn count or a deadline).
 */
async function main(): Promise<void> {
  const settings = benchSettings();
  const started = performance.now();
  const content = loadBotContent({ knowledgeDir: 'knowledge', dialogsDir: 'dialogs' });
  const mix = turnMix(content);
  console.log(`npm run bench: about ${Math.ceil(estimateSeconds(settings) / 60)} minutes (${plan(settings)})`);
  console.log(`${machine()}\n`);
  // Figures from a busy machine are not figures about the bot.
  if (loadavg()[0] > 0.5)
    console.log(`warning: the machine is busy (1-minute load ${loadavg()[0].toFixed(2)}); figures will be low\n`);

  section('1. turns through POST /api/messages (expectReplies, anonymous)');
  const { loaded: ours, alone: oursAlone } = await loadRun('ours', mix, settings);
  const { loaded: echo } = await loadRun('echo', mix, settings);
  const ratio = ours.throughput / echo.throughput;
  console.log(
    loadTable([
      ['our bot', ours],
      ['echo bot', echo],
      ['our bot, 1 connection', oursAlone],
    ]),
  );
  console.log(
    '(each connection sends its next turn when the last is answered: ' +
      `at ${settings.BENCH_CONNECTIONS} connections the server is`,
  );
  console.log(' saturated and latency is mostly waiting in line; with 1 connection it is the time of one turn alone;');
  console.log(
    ' p50/p99/max are whole milliseconds rounded down, as autocannon records them; mean = connections / throughput)',
  );
  console.log(`ratio: ${ratio.toFixed(2)} (ours/echo throughput)`);
  console.log(`ratio >= 0.6: ${yesNo(ratio >= 0.6)}`);
  console.log(`p99 <= 25 ms (our bot): ${yesNo(ours.p99 <= 25)} (${wholeMs(ours.p99)})`);
  if (ours.clicksNotOffered > 0)
    console.log(`warning: ${ours.clicksNotOffered} flow starts did not offer the button the mix clicks`);

  section('2. matcher (Matcher.rank, in this process)');
  const match = runMatchBench();
  console.log(formatMatchBench(match));

  section('2b. the analytics report (npm run report) at 1,000 and 1,000,000 events');
  console.log(formatReportBench(await runReportBench(content)));

  section(
    `3. memory: ${settings.BENCH_MEMORY_TURNS.toLocaleString('en-US')} turns ` +
      `over ${settings.BENCH_MEMORY_CONVERSATIONS.toLocaleString('en-US')} conversations`,
  );
  const memory = await memoryRun(mix, settings);
  console.log(memoryReport(memory));

  section(`4. start-up: node dist/src/main.js to a ready /healthz, ${settings.BENCH_STARTUP_RUNS} runs`);
  const startups = await measureStartup(settings.BENCH_STARTUP_RUNS);
  const startup = median(startups);
  console.log(`runs: ${startups.map((time) => ms(time)).join(', ')}`);
  console.log(`median: ${ms(startup)}`);

  section(
    `5. soak: ${settings.BENCH_SOAK_SECONDS} s at ${settings.BENCH_CONNECTIONS} connections, the same mix, our bot`,
  );
  const soak = await withServer('ours', [], (server) =>
    runLoad(server.url, mix, {
      seconds: settings.BENCH_SOAK_SECONDS,
      connections: settings.BENCH_CONNECTIONS,
      tag: 'soak',
    }),
  );
  console.log(loadTable([['soak', soak]]));
  console.log(soakLine(soak));
  if (soak.clicksNotOffered > 0)
    console.log(`warning: ${soak.clicksNotOffered} flow starts did not offer the button the mix clicks`);

  section('6. hostile long inputs: each text step at the longest text it can see, and whole Teams turns');
  const longInputs = await withServer('ours', [], (server) =>
    runLongInputBench(content, createMatcher(content), server.url),
  );
  console.log(formatLongInputBench(longInputs));

  section("7. the chat page's welcome: cold loads in headless Chromium, side by side with its floor");
  const welcome = formatWelcomeBench(await runWelcomeBench(welcomeSettings()));
  console.log(welcome);

  section('summary');
  console.log(
    summary({
      settings,
      ours,
      oursAlone,
      echo,
      ratio,
      match,
      memory,
      startup,
      soak,
      seconds: (performance.now() - started) / 1000,
    }),
  );
  console.log(welcome.split('\n').at(-1));
}

/**
 * Warm-up (JIT, caches), then the measured run, against a fresh server process; for our bot also
 * a short run with one connection, for the latency of a turn without queueing.
 */
async function loadRun(
  kind: 'ours' | 'echo',
  mix: TurnMix,
  settings: BenchSettings,
): Promise<{ loaded: LoadFigures; alone: LoadFigures }> {
  const profile =
    kind === 'ours' && settings.BENCH_CPU_PROF
      ? ['--cpu-prof', `--cpu-prof-dir=${resolve(settings.BENCH_CPU_PROF)}`]
      : [];
  return withServer(kind, profile, async (server) => {
    const connections = settings.BENCH_CONNECTIONS;
    await runLoad(server.url, mix, { seconds: settings.BENCH_WARMUP_SECONDS, connections, tag: `${kind}-warmup` });
    const loaded = await runLoad(server.url, mix, { seconds: settings.BENCH_SECONDS, connections, tag: kind });
    if (kind === 'echo') return { loaded, alone: loaded };
    const alone = await runLoad(server.url, mix, { seconds: ALONE_SECONDS, connections: 1, tag: `${kind}-alone` });
    return { loaded, alone };
  });
}

async function memoryRun(mix: TurnMix, settings: BenchSettings): Promise<MemoryFigures> {
  return withServer('ours', ['--expose-gc'], (server) =>
    runMemoryLoad(server, mix, {
      turns: settings.BENCH_MEMORY_TURNS,
      conversations: settings.BENCH_MEMORY_CONVERSATIONS,
      directLineEvery: settings.BENCH_MEMORY_DIRECT_LINE_EVERY,
      concurrency: settings.BENCH_MEMORY_CONCURRENCY,
      sampleEvery: Math.max(1, Math.round(settings.BENCH_MEMORY_TURNS / 10)),
      maxSeconds: settings.BENCH_MEMORY_MAX_SECONDS,
    }),
  );
}

/** Runs against a fresh server process, stopped afterwards whatever happens. */
async function withServer<T>(
  kind: 'ours' | 'echo',
  execArgv: readonly string[],
  run: (server: BenchServer) => Promise<T>,
): Promise<T> {
  const server = await startBenchServer(kind, { execArgv: [...benchSettings().BENCH_SERVER_NODE_FLAGS, ...execArgv] });
  try {
    return await run(server);
  } finally {
    await server.stop();
  }
}

function loadTable(rows: ReadonlyArray<readonly [string, LoadFigures]>): string {
  return table([
    ['', 'conns', 'turns', 'seconds', 'turns/s', 'mean', 'p50', 'p99', 'max', 'errors', 'timeouts', 'non-2xx', 'empty'],
    ...rows.map(([name, figures]) => [
      name,
      String(figures.connections),
      String(figures.responses),
      figures.seconds.toFixed(1),
      figures.throughput.toFixed(0),
      ms(figures.mean),
      wholeMs(figures.p50),
      wholeMs(figures.p99),
      wholeMs(figures.max),
      String(figures.errors),
      String(figures.timeouts),
      String(figures.non2xx),
      String(figures.emptyReplies),
    ]),
  ]);
}

/** autocannon's latencies are whole milliseconds rounded down: 0 means under 1 ms. */
function wholeMs(value: number): string {
  return value === 0 ? '<1 ms' : `${value} ms`;
}

/** Growth of the RSS (as-is and after a full GC) from the middle sample to the last. */
function lastHalfGrowth(memory: MemoryFigures): { rss: number; rssAfterGc: number; heapAfterGc: number } | undefined {
  const samples = memory.samples;
  const last = samples[samples.length - 1];
  const middle = samples.find((sample) => sample.turns >= last.turns / 2);
  if (!middle || middle === last) return undefined;
  return {
    rss: last.rss - middle.rss,
    rssAfterGc: last.rssAfterGc - middle.rssAfterGc,
    heapAfterGc: last.heapAfterGc - middle.heapAfterGc,
  };
}

function memoryReport(memory: MemoryFigures): string {
  const rows = [
    ['turns', 'rss', 'heap used', 'heap total', 'rss after GC', 'heap after GC', 'state keys', 'DL conversations'],
    ...memory.samples.map((sample) => [
      sample.turns.toLocaleString('en-US'),
      mb(sample.rss),
      mb(sample.heapUsed),
      mb(sample.heapTotal),
      mb(sample.rssAfterGc),
      mb(sample.heapAfterGc),
      String(sample.stateKeys ?? '-'),
      String(sample.directLineConversations ?? '-'),
    ]),
  ];
  const growth = lastHalfGrowth(memory);
  const peak = Math.max(...memory.samples.map((sample) => sample.rss));
  return [
    table(rows),
    `${memory.turns.toLocaleString('en-US')} turns ` +
      `over ${memory.conversations.toLocaleString('en-US')} conversations ` +
      `(${memory.directLineConversations.toLocaleString('en-US')} through the local Direct Line) ` +
      `in ${memory.seconds.toFixed(0)} s ` +
      `(${(memory.turns / memory.seconds).toFixed(0)} turns/s); errors ${memory.errors}, non-2xx ${memory.non2xx}` +
      `${
        memory.non2xx > 0
          ? ` (${Object.entries(memory.non2xxBy)
              .map(([key, count]) => `${count} x ${key}`)
              .join(', ')})`
          : ''
      }; ` +
      `Direct Line conversations dropped by the server's cap and restarted by the client: ${memory.restarted}; ` +
      `new Direct Line chats refused at the cap of conversations all in use (503, by design): ${memory.refused}`,
    growth
      ? `growth over the last half: rss ${signedMb(growth.rss)}, rss after GC ${signedMb(growth.rssAfterGc)}, ` +
        `heap after GC ${signedMb(growth.heapAfterGc)}`
      : 'growth over the last half: not enough samples',
    `peak rss: ${mb(peak)}; rss < 300 MB throughout: ${yesNo(peak < 300 * 1_048_576)}`,
  ].join('\n');
}

function signedMb(bytes: number): string {
  return `${bytes >= 0 ? '+' : ''}${mb(bytes)}`;
}

function soakLine(soak: LoadFigures): string {
  return `soak: ${soak.responses} requests, ${soak.errors} errors, ${soak.non2xx} non-2xx`;
}

interface Summary {
  readonly settings: BenchSettings;
  readonly ours: LoadFigures;
  readonly oursAlone: LoadFigures;
  readonly echo: LoadFigures;
  readonly ratio: number;
  readonly match: MatchBenchResult;
  readonly memory: MemoryFigures;
  readonly startup: number;
  readonly soak: LoadFigures;
  readonly seconds: number;
}

function summary(figures: Summary): string {
  const { ours, oursAlone, echo, ratio, match, memory, startup, soak } = figures;
  const lines = [
    machine(),
    `${figures.settings.BENCH_CONNECTIONS} connections, ${figures.settings.BENCH_SECONDS} s per server ` +
      `after ${figures.settings.BENCH_WARMUP_SECONDS} s warm-up`,
    `throughput: ours ${ours.throughput.toFixed(0)} turns/s, echo ${echo.throughput.toFixed(0)} turns/s`,
    `ratio: ${ratio.toFixed(2)}  (target >= 0.6: ${yesNo(ratio >= 0.6)})`,
    `latency (ours): mean ${ms(ours.mean)}, p50 ${wholeMs(ours.p50)}, p99 ${wholeMs(ours.p99)}  ` +
      `(target p99 <= 25 ms: ${yesNo(ours.p99 <= 25)}); echo p50 ${wholeMs(echo.p50)}, p99 ${wholeMs(echo.p99)}`,
    `latency (ours, 1 connection, ${oursAlone.throughput.toFixed(0)} turns/s): mean ${ms(oursAlone.mean)}, ` +
      `p50 ${wholeMs(oursAlone.p50)}, p99 ${wholeMs(oursAlone.p99)}`,
  ];
  for (const base of match.bases) {
    lines.push(
      `matcher ${base.name}: build ${ms(base.buildMs)}, p50 ${ms(base.all.p50)}, p99 ${ms(base.all.p99)} ` +
        `(warm p99 ${ms(base.warm.p99)}, cold-typo p99 ${ms(base.cold.p99)})`,
    );
  }
  const real = match.bases[0];
  const largest = match.bases.find((base) => base.documents >= 10_000);
  lines.push(`p99 <= 1 ms at the real base: ${yesNo(real.all.p99 <= 1)}`);
  if (largest) lines.push(`p99 <= 10 ms at 10,000: ${yesNo(largest.all.p99 <= 10)}`);
  lines.push(
    `dev-question ranking deterministic: ${yesNo(match.deterministic)} (fingerprint ${match.rankingFingerprint})`,
  );
  const growth = lastHalfGrowth(memory);
  const peak = Math.max(...memory.samples.map((sample) => sample.rss));
  lines.push(
    `memory: rss ${memory.samples.map((sample) => (sample.rss / 1_048_576).toFixed(0)).join(' → ')} MB ` +
      `(every ${Math.round(memory.turns / 10).toLocaleString('en-US')} turns)`,
    `memory after GC: rss ${memory.samples.map((sample) => (sample.rssAfterGc / 1_048_576).toFixed(0)).join(' → ')} MB`,
    `memory: peak ${mb(peak)} (target < 300 MB: ${yesNo(peak < 300 * 1_048_576)}); ` +
      `last-half growth ${growth ? `rss ${signedMb(growth.rss)}, after GC ${signedMb(growth.rssAfterGc)}` : 'n/a'}; ` +
      `errors ${memory.errors}, non-2xx ${memory.non2xx} (zero required: ${yesNo(memory.errors === 0 && memory.non2xx === 0)})`,
    `start-up to ready /healthz: ${ms(startup)} (median)`,
    soakLine(soak) + `  (zero required: ${yesNo(soak.errors === 0 && soak.non2xx === 0)})`,
    `bench took ${(figures.seconds / 60).toFixed(1)} min`,
  );
  return lines.join('\n');
}

function machine(): string {
  const load = loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
  return (
    `node ${process.version}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ` +
    `load average ${load}`
  );
}

function section(title: string): void {
  console.log(`\n== ${title}`);
}

/** What the run will take, from the settings (the memory run's length is measured, so a guess). */
function estimateSeconds(settings: BenchSettings): number {
  const load = 2 * (settings.BENCH_WARMUP_SECONDS + settings.BENCH_SECONDS) + ALONE_SECONDS + 6;
  const matcher = 45;
  // About 600 turns/s on the 2-core machine the defaults were set on.
  const memory = Math.min(settings.BENCH_MEMORY_MAX_SECONDS, settings.BENCH_MEMORY_TURNS / 600);
  const startup = settings.BENCH_STARTUP_RUNS * 1.5;
  const welcome = 60;
  return load + matcher + memory + startup + settings.BENCH_SOAK_SECONDS + welcome + 3;
}

function plan(settings: BenchSettings): string {
  return [
    `load 2 x (${settings.BENCH_WARMUP_SECONDS} s warm-up + ${settings.BENCH_SECONDS} s) + ${ALONE_SECONDS} s`,
    'matcher ~45 s',
    `memory ${settings.BENCH_MEMORY_TURNS.toLocaleString('en-US')} turns ` +
      `(at most ${settings.BENCH_MEMORY_MAX_SECONDS} s)`,
    `start-up ${settings.BENCH_STARTUP_RUNS} runs`,
    `soak ${settings.BENCH_SOAK_SECONDS} s`,
    'welcome ~1 min',
  ].join(', ');
}

void main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
