import { randomInt } from 'node:crypto';
import { join } from 'node:path';
import fc from 'fast-check';
import { z } from 'zod';
import { readEnvironment } from '../../src/config';
import { projectRoot as findProjectRoot } from '../../src/project-root';
import { loadBotContent } from '../../src/service';
import { setUpDirectLine, type DirectLineFixture } from './direct-line-fixture';
import { startFuzzApp, watchProcess } from './fuzz-app';
import { avoidAllKnownBugs, avoidNoKnownBugs, KNOWN_BUGS, type HttpEnv } from './oracles';
import { pureEnv } from './pure-properties';
import { httpProperties, pureProperties } from './registry';

/**
 * `npm run fuzz`: the property-based fuzz tests of test/unit/fuzz and test/http/fuzz, run longer and with a fresh seed
 * each time (printed, so a failure can be replayed). Settings, from the environment:
 *
 * - FUZZ_SEED: the seed (default: random). A failure prints the seed and path to replay it.
 * - FUZZ_SECONDS: the time budget for the whole run, shared evenly by the properties (default 60).
 * - FUZZ_RUNS: at most this many runs per property (default: as many as the time allows).
 * - FUZZ_ONLY: comma-separated property names (matcher, router, parse-date, match-choice,
 *   answer-flow, choice-value, long-inputs-edge, long-inputs-turn, messages, flow-garbage,
 *   direct-line).
 * - FUZZ_PATH: with FUZZ_SEED and a single FUZZ_ONLY property, replays exactly the failing case.
 * - FUZZ_KNOWN_BUGS=1: also generate the inputs of known bugs (KNOWN_BUGS in oracles.ts).
 *
 * Exits 1 when a property fails. Only loopback addresses are contacted.
 */

const settingsSchema = z.object({
  FUZZ_SEED: z.coerce.number().int().optional(),
  FUZZ_SECONDS: z.coerce.number().positive().default(60),
  FUZZ_RUNS: z.coerce.number().int().positive().optional(),
  FUZZ_ONLY: z
    .string()
    .default('')
    .transform((names) =>
      names
        .split(',')
        .map((name) => name.trim())
        .filter((name) => name.length > 0),
    ),
  FUZZ_PATH: z.string().optional(),
  FUZZ_KNOWN_BUGS: z
    .enum(['', '0', '1', 'true', 'false'])
    .default('')
    .transform((value) => value === '1' || value === 'true'),
});

export type FuzzSettings = z.infer<typeof settingsSchema>;

export function fuzzSettings(variables: Record<string, string | undefined> = readEnvironment()): FuzzSettings {
  return settingsSchema.parse(variables);
}

/** The project root, whether this runs compiled (dist-tools/tools/fuzz) or from source (tools/fuzz). */
const projectRoot = findProjectRoot(__dirname);

const LONG_INPUT_BUDGET_MS = 100;

interface Outcome {
  readonly name: string;
  readonly runs: number;
  readonly seconds: number;
  readonly failure?: string;
}

async function main(): Promise<number> {
  const settings = fuzzSettings();
  const seed = settings.FUZZ_SEED ?? randomInt(0, 2 ** 31 - 1);
  const known = Object.keys(KNOWN_BUGS).join(', ');
  const options = settings.FUZZ_KNOWN_BUGS ? avoidNoKnownBugs : avoidAllKnownBugs;
  const selected = (name: string) => settings.FUZZ_ONLY.length === 0 || settings.FUZZ_ONLY.includes(name);
  const pure = pureProperties.filter((definition) => selected(definition.name));
  const http = httpProperties.filter((definition) => selected(definition.name));
  const unknown = settings.FUZZ_ONLY.filter(
    (name) => ![...pureProperties, ...httpProperties].some((definition) => definition.name === name),
  );
  if (unknown.length > 0 || pure.length + http.length === 0) {
    process.stderr.write(
      `fuzz: no property named ${unknown.join(', ') || '(none selected)'}; ` +
        `there are ${[...pureProperties, ...httpProperties].map((d) => d.name).join(', ')}\n`,
    );
    return 2;
  }
  if (settings.FUZZ_PATH !== undefined && (settings.FUZZ_SEED === undefined || pure.length + http.length !== 1)) {
    process.stderr.write('fuzz: FUZZ_PATH replays one failure: give FUZZ_SEED and a single FUZZ_ONLY property too\n');
    return 2;
  }
  const budgetMs = (settings.FUZZ_SECONDS * 1000) / (pure.length + http.length);
  const plan =
    settings.FUZZ_PATH !== undefined
      ? `replaying path ${settings.FUZZ_PATH}`
      : `${pure.length + http.length} properties, ${Math.round(budgetMs / 100) / 10} s each` +
        (settings.FUZZ_RUNS ? `, at most ${settings.FUZZ_RUNS} runs each` : '');
  process.stdout.write(
    `fuzz: seed ${seed}; ${plan}\n` +
      'fuzz: known bugs ' +
      (settings.FUZZ_KNOWN_BUGS ? 'included' : `left out (FUZZ_KNOWN_BUGS=1 to include): ${known}`) +
      '\n',
  );

  const parameters = (): fc.Parameters<unknown[]> => ({
    seed,
    numRuns: settings.FUZZ_RUNS ?? 2 ** 31 - 1,
    interruptAfterTimeLimit: settings.FUZZ_PATH === undefined ? budgetMs : undefined,
    path: settings.FUZZ_PATH,
    endOnFailure: false,
  });
  const outcomes: Outcome[] = [];
  const run = async (name: string, property: fc.IRawProperty<unknown[]>): Promise<void> => {
    const started = Date.now();
    const details: fc.RunDetails<unknown[]> = await fc.check(property, parameters());
    const outcome: Outcome = {
      name,
      runs: details.numRuns,
      seconds: (Date.now() - started) / 1000,
      failure: details.failed ? failureReport(name, details, seed, settings.FUZZ_KNOWN_BUGS) : undefined,
    };
    outcomes.push(outcome);
    process.stdout.write(
      `${outcome.failure ? 'FAIL' : 'ok  '} ${name}: ${outcome.runs} runs in ${outcome.seconds.toFixed(1)} s\n`,
    );
    if (outcome.failure) process.stdout.write(`${outcome.failure}\n`);
  };

  const dirs = {
    knowledgeDir: join(projectRoot, 'knowledge'),
    dialogsDir: join(projectRoot, 'dialogs'),
    publicDir: join(projectRoot, 'public'),
  };
  if (pure.length > 0) {
    // No input may block the turn: each text step gets 100 ms for the longest text it can see.
    const env = pureEnv(
      loadBotContent({ knowledgeDir: dirs.knowledgeDir, dialogsDir: dirs.dialogsDir }),
      LONG_INPUT_BUDGET_MS,
    );
    for (const definition of pure) await run(definition.name, definition.build(env));
  }
  if (http.length > 0) {
    const failures = watchProcess(process);
    const app = await startFuzzApp(dirs);
    try {
      const env: HttpEnv = { app, failures, options };
      const fixture: DirectLineFixture = await setUpDirectLine(app);
      for (const definition of http) await run(definition.name, definition.build(env, fixture));
    } finally {
      await app.stop();
      failures.stop();
    }
  }

  const failed = outcomes.filter((outcome) => outcome.failure);
  const total = outcomes.reduce((sum, outcome) => sum + outcome.runs, 0);
  const verdict =
    failed.length === 0 ? 'all properties held' : `${failed.length} failed (${failed.map((o) => o.name).join(', ')})`;
  process.stdout.write(`fuzz: ${verdict}; ${total} runs; seed ${seed}\n`);
  return failed.length === 0 ? 0 : 1;
}

/** What failed, the (shrunk) input, and the command that replays it. */
function failureReport(name: string, details: fc.RunDetails<unknown[]>, seed: number, knownBugs: boolean): string {
  const error =
    details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance ?? 'failed');
  const input = details.counterexample ? fc.stringify(details.counterexample) : '(none)';
  return [
    `  after ${details.numRuns} runs, shrunk ${details.numShrinks} times`,
    `  input: ${input.length > 4000 ? `${input.slice(0, 4000)}…` : input}`,
    `  problem: ${error.split('\n').join('\n           ')}`,
    `  replay: FUZZ_SEED=${seed} FUZZ_ONLY=${name} FUZZ_PATH="${details.counterexamplePath ?? ''}"` +
      `${knownBugs ? ' FUZZ_KNOWN_BUGS=1' : ''} npm run fuzz`,
  ].join('\n');
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`fuzz: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
