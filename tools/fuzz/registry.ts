import type fc from 'fast-check';
import { directLineProperty } from './direct-line-properties';
import type { DirectLineFixture } from './direct-line-fixture';
import { flowSurvivesGarbageProperty } from './flow-garbage-property';
import {
  cpuMilliseconds,
  edgeTextSteps,
  LONGEST_BODY_TEXT,
  LONGEST_TURN_TEXT,
  longInputsProperty,
  turnTextSteps,
} from './long-inputs';
import { messagesProperty } from './messages-properties';
import type { HttpEnv } from './oracles';
import { answerFlowProperty, matchChoiceProperty, parseDateProperty } from './flow-properties';
import { matcherProperty, parseChoiceValueProperty, routerProperty, type PureEnv } from './pure-properties';

/*
 * Property-based fuzzing of the bot, shared by the Jest suites (test/unit/fuzz and
 * test/http/fuzz, fixed seed, a few hundred runs) and `npm run fuzz` (tools/fuzz/fuzz.ts, random
 * or given seed, longer). Three groups of properties:
 *
 * - pure (pure-properties.ts, flow-properties.ts, long-inputs.ts): the matcher, the router, the
 *   date parser, choice matching, the flow engine and the button-value parser, called directly
 *   with arbitrary input;
 * - messages (messages-requests.ts, messages-properties.ts, flow-garbage-property.ts):
 *   POST /api/messages of the real app on a loopback port, with malformed, odd and oversized
 *   activities; and a flow that must survive garbage turns;
 * - directline (direct-line-*.ts): the local Direct Line routes with bad, forged and foreign
 *   tokens, odd watermarks and bodies.
 *
 * After every HTTP run (oracles.ts): no 5xx, no unhandled rejection or uncaught exception,
 * nothing logged at error level (a turn error included), no built-in prototype polluted,
 * /healthz is 200, and a normal question is answered, in a fresh conversation and in the one the
 * garbage went to.
 *
 * Only loopback addresses are ever contacted: activities that make the bot reply through a
 * serviceUrl (no expectReplies) point at a local sink, and no Authorization header the Bot
 * Framework SDK could try to verify online (a decodable JWT) is ever sent to /api/messages.
 */

/** A property, how many runs the Jest suite gives it, and how to build it. */
export interface PureDefinition {
  readonly name: string;
  readonly description: string;
  readonly testRuns: number;
  readonly build: (env: PureEnv) => fc.IRawProperty<unknown[]>;
}

export interface HttpDefinition {
  readonly name: string;
  readonly description: string;
  readonly testRuns: number;
  readonly build: (env: HttpEnv, fixture: DirectLineFixture) => fc.IRawProperty<unknown[]>;
}

export const pureProperties: readonly PureDefinition[] = [
  {
    name: 'matcher',
    description: 'matcher.rank(any text) never throws; ≤ limit known candidates, scores in [0,1], best first',
    testRuns: 400,
    build: (env) => matcherProperty(env) as fc.IRawProperty<unknown[]>,
  },
  {
    name: 'router',
    description: 'route() of any candidate list returns a well-formed decision',
    testRuns: 1000,
    build: (env) => routerProperty(env) as fc.IRawProperty<unknown[]>,
  },
  {
    name: 'parse-date',
    description: 'parseUserDate(any text, today) never throws; undefined or a real YYYY-MM-DD',
    testRuns: 2000,
    build: () => parseDateProperty() as fc.IRawProperty<unknown[]>,
  },
  {
    name: 'match-choice',
    description: 'matchChoice(any text, choices) never throws; undefined or one of the ids',
    testRuns: 1000,
    build: (env) => matchChoiceProperty(env) as fc.IRawProperty<unknown[]>,
  },
  {
    name: 'answer-flow',
    description: 'answerFlow(any flow and node, any input) never throws; a kept state points at a waiting node',
    // About 14 ms a run (a flow walked per input): 300 keep the unit project well under a minute;
    // `npm run fuzz` runs it for as long as it is given.
    testRuns: 300,
    build: (env) => answerFlowProperty(env) as fc.IRawProperty<unknown[]>,
  },
  {
    name: 'choice-value',
    description: 'parseChoiceValue(any JSON) never throws; undefined or a known action with only its fields',
    testRuns: 2000,
    build: () => parseChoiceValueProperty() as fc.IRawProperty<unknown[]>,
  },
  {
    name: 'long-inputs-edge',
    description:
      'the text steps before the length check (mentions, shape) take 250 KB of repeated spaces, tags, entities ' +
      'or digits in one pass',
    testRuns: 40,
    build: (env) =>
      longInputsProperty(edgeTextSteps(), LONGEST_BODY_TEXT, env.timeBudgetMs, () =>
        cpuMilliseconds(),
      ) as fc.IRawProperty<unknown[]>,
  },
  {
    name: 'long-inputs-turn',
    description:
      'every text step of a turn (privacy, matching, ranking, flows, zones, the whole turn) takes the longest text ' +
      'the length check lets through, with a well-formed result',
    testRuns: 60,
    build: (env) =>
      longInputsProperty(
        turnTextSteps(env.content, env.matcher),
        LONGEST_TURN_TEXT,
        env.timeBudgetMs,
        cpuMilliseconds,
        { growth: true },
      ) as fc.IRawProperty<unknown[]>,
  },
];

export const httpProperties: readonly HttpDefinition[] = [
  {
    name: 'messages',
    description:
      'POST /api/messages with any body: no 5xx, no crash or unhandled rejection, and the next conversation ' +
      'is answered',
    testRuns: 300,
    build: (env) => messagesProperty(env) as fc.IRawProperty<unknown[]>,
  },
  {
    name: 'flow-garbage',
    description: 'a flow survives garbage turns and still answers a valid click',
    testRuns: 200,
    build: (env) => flowSurvivesGarbageProperty(env) as fc.IRawProperty<unknown[]>,
  },
  {
    name: 'direct-line',
    description:
      'the local Direct Line: no 5xx, right 4xx for bad tokens, no other conversation leaks, conversations ' +
      'keep working',
    testRuns: 300,
    build: (env, fixture) => directLineProperty(env, fixture) as fc.IRawProperty<unknown[]>,
  },
];

/** The seed the Jest suite uses, so its runs are the same every time. */
export const TEST_SEED = 20_260_115;
