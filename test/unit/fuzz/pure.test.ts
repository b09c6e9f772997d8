import { pureEnv } from '../../../tools/fuzz/pure-properties';
import { pureProperties } from '../../../tools/fuzz/registry';
import { realContent } from '../../support/content';
import { check } from '../../support/fuzz';

// The matcher, router, date parser, choice matching, flow engine and button-value parser,
// called directly with arbitrary input (fixed seed; `npm run fuzz` runs them longer).

const env = pureEnv(realContent());

describe('pure properties', () => {
  for (const definition of pureProperties) {
    it(
      `${definition.name}: ${definition.description}`,
      () => check(definition.build(env), definition.testRuns),
      60_000,
    );
  }
});
