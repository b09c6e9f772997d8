import { setUpDirectLine, type DirectLineFixture } from '../../../tools/fuzz/direct-line-fixture';
import { type HttpEnv } from '../../../tools/fuzz/oracles';
import { httpProperties } from '../../../tools/fuzz/registry';
import { check, startFuzzEnv } from '../../support/fuzz';

// POST /api/messages and the local Direct Line of the real app on a loopback port, with
// malformed, hostile and oversized requests (fixed seed; `npm run fuzz` runs them longer).
// After every request: no 5xx, no crash, no unhandled rejection, nothing logged at error level,
// /healthz is 200 and a fresh conversation still gets its answer.

let env: HttpEnv & { stop(): Promise<void> };
let fixture: DirectLineFixture;

beforeAll(async () => {
  env = await startFuzzEnv();
  fixture = await setUpDirectLine(env.app);
});
afterAll(() => env.stop());

describe('HTTP properties', () => {
  for (const definition of httpProperties) {
    it(
      `${definition.name}: ${definition.description}`,
      () => check(definition.build(env, fixture), definition.testRuns),
      180_000,
    );
  }
});
