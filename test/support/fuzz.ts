import { join } from 'node:path';
import { runInThisContext } from 'node:vm';
import fc from 'fast-check';
import { startFuzzApp, watchProcess, type FuzzApp, type ProcessFailures } from '../../tools/fuzz/fuzz-app';
import { avoidAllKnownBugs, type HttpEnv } from '../../tools/fuzz/oracles';
import { TEST_SEED } from '../../tools/fuzz/registry';
import { DIALOGS_DIR, KNOWLEDGE_DIR } from './content';
import { PROJECT_ROOT } from './paths';

export const PUBLIC_DIR = join(PROJECT_ROOT, 'public');

/**
 * The Node process itself. Jest gives each test file a copy of `process` whose event listeners
 * never hear of unhandled rejections; the real one, from the main context, does.
 */
export function realProcess(): NodeJS.Process {
  return runInThisContext('process') as NodeJS.Process;
}

/** The real app on loopback, with a recorder for unhandled rejections and uncaught exceptions. */
export async function startFuzzEnv(): Promise<HttpEnv & { stop(): Promise<void> }> {
  const failures: ProcessFailures = watchProcess(realProcess());
  const app: FuzzApp = await startFuzzApp({
    knowledgeDir: KNOWLEDGE_DIR,
    dialogsDir: DIALOGS_DIR,
    publicDir: PUBLIC_DIR,
  });
  return {
    app,
    failures,
    options: avoidAllKnownBugs,
    stop: async () => {
      await app.stop();
      failures.stop();
    },
  };
}

/** Runs a property with the suite's fixed seed, so every run of the suite checks the same inputs. */
export async function check(property: fc.IRawProperty<unknown[]>, numRuns: number): Promise<void> {
  await fc.assert(property, { seed: TEST_SEED, numRuns, endOnFailure: false });
}
