import { randomBytes } from 'node:crypto';
import { replyText } from '../bot-client';
import { type MutableActivity } from './arbitraries';
import { NORMAL_QUESTION, normalAnswerSentence, postActivity, userActivity } from './bot-turns';
import { type FuzzApp, type ProcessFailures, type RawAnswer } from './fuzz-app';

/*
 * What counts as a failure of the app under fuzzing: the known bugs the generators steer
 * around, the checks after every HTTP request, and the error a property throws.
 */

// Known bugs. Each is excluded from the properties' inputs (see `avoidKnownBugs` and the
// generators) so the properties stay useful for finding new ones; test/e2e/fuzz/edge-cases.test.ts
// keeps a minimal test of each, and of the ones fixed since. When a bug is fixed, delete its
// entry here.

/** Known bugs the generators steer around, by id (see test/e2e/fuzz/edge-cases.test.ts). */
export const KNOWN_BUGS = {
  /**
   * An invoke activity the bot does not handle, without expectReplies, is answered 501 Not
   * Implemented: the Bot Framework protocol's answer (botbuilder's ActivityHandler), kept on
   * purpose. The generators send such invokes as events instead.
   */
  invoke501: true,
} as const;

export type KnownBug = keyof typeof KNOWN_BUGS;

/** Which known bugs the generators avoid; `npm run fuzz` with FUZZ_KNOWN_BUGS=1 avoids none. */
export interface FuzzOptions {
  readonly avoid: ReadonlySet<KnownBug>;
}

export const avoidAllKnownBugs: FuzzOptions = { avoid: new Set(Object.keys(KNOWN_BUGS) as KnownBug[]) };
export const avoidNoKnownBugs: FuzzOptions = { avoid: new Set() };

/**
 * Rewrites an activity so it does not hit a known bug (only the bugs in `options.avoid`).
 * Exported so the edge-case tests can check each minimal example is one the fuzzers avoid.
 */
export function avoidKnownBugs(activity: MutableActivity, options: FuzzOptions): MutableActivity {
  const out: MutableActivity = { ...activity };
  // (The type changes rather than the delivery mode, so whether the activity is well formed does not.)
  if (options.avoid.has('invoke501') && out.type === 'invoke' && out.deliveryMode !== 'expectReplies')
    out.type = 'event';
  return out;
}

/** Raised by a property when the app misbehaved; the message lists every problem. */
export class FuzzFailure extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'FuzzFailure';
  }
}

/** The environment of the HTTP properties. */
export interface HttpEnv {
  readonly app: FuzzApp;
  readonly failures: ProcessFailures;
  readonly options: FuzzOptions;
}

let healthChecks = 0;

/**
 * What must hold after any request, however malformed: nothing crashed or was logged at error
 * level, /healthz answers 200, and a fresh conversation still gets its answer.
 */
export async function afterRequestProblems(env: HttpEnv): Promise<string[]> {
  const problems: string[] = [];
  // Let anything the request left behind (a rejected promise, a late error) surface first.
  await new Promise((resolve) => setImmediate(resolve));
  const health = await env.app.request({ method: 'GET', path: '/healthz', headers: {} });
  if (health.status !== 200) problems.push(`GET /healthz answered ${health.status} ${health.error ?? ''}`);
  healthChecks += 1;
  const { answer, replies } = await postActivity(
    env.app,
    userActivity(`fuzz-check-${process.pid}-${healthChecks}-${randomBytes(3).toString('hex')}`, NORMAL_QUESTION),
  );
  const sentence = normalAnswerSentence(env.app.content);
  if (answer.status !== 200)
    problems.push(`a normal turn afterwards answered ${answer.status} ${answer.error ?? answer.body.slice(0, 200)}`);
  else if (!replyText(replies).includes(sentence))
    problems.push(
      `a normal turn afterwards did not get its answer: ${JSON.stringify(replyText(replies).slice(0, 300))}`,
    );
  problems.push(...env.failures.take());
  problems.push(...env.app.takeErrorLogs().map((line) => `logged at error level: ${line}`));
  problems.push(...prototypeProblems());
  return problems;
}

/** The built-in prototypes as they were when this module loaded. */
const PROTOTYPES: ReadonlyArray<readonly [string, object, string]> = [
  ['Object.prototype', Object.prototype, Object.getOwnPropertyNames(Object.prototype).sort().join(',')],
  ['Array.prototype', Array.prototype, Object.getOwnPropertyNames(Array.prototype).sort().join(',')],
  ['Function.prototype', Function.prototype, Object.getOwnPropertyNames(Function.prototype).sort().join(',')],
];

/** `__proto__` and `constructor.prototype` keys in requests must never reach the built-in prototypes. */
export function prototypeProblems(): string[] {
  return PROTOTYPES.filter(
    ([, prototype, names]) => Object.getOwnPropertyNames(prototype).sort().join(',') !== names,
  ).map(
    ([name, prototype, names]) =>
      `${name} was polluted: now has ${Object.getOwnPropertyNames(prototype)
        .filter((key) => !names.split(',').includes(key))
        .join(', ')}`,
  );
}

export function statusProblem(
  label: string,
  answer: RawAnswer,
  accept: (status: number) => boolean,
  expected: string,
): string[] {
  if (answer.status === -1) return [`${label}: no answer (${answer.error ?? 'socket closed'})`];
  if (answer.status >= 500) return [`${label}: answered ${answer.status} (5xx): ${answer.body.slice(0, 200)}`];
  return accept(answer.status)
    ? []
    : [`${label}: answered ${answer.status}, expected ${expected}: ${answer.body.slice(0, 200)}`];
}

export const isClientError = (status: number) => status >= 400 && status < 500;
export const isSuccess = (status: number) => status >= 200 && status < 300;
