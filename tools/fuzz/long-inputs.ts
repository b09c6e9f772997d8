import fc from 'fast-check';
import { removeBotMention } from '../../src/channels/teams/mentions';
import { activityProblem } from '../../src/http/activity-shape';
import { createLanguage } from '../../src/matching/create-language';
import { createNormalizer, rawWords } from '../../src/matching/normalizer';
import { matchChoice } from '../../src/flows/match-choice';
import { parseUserDate } from '../../src/flows/parse-date';
import { zoneFromText } from '../../src/helpdesk/user-zone';
import { findSensitiveNumbers, redactForRecords } from '../../src/privacy/sensitive-numbers';
import type { Content } from '../../src/content/load-content';
import type { Matcher } from '../../src/matching/matcher';
import { wholeTurnSteps } from './whole-turn-steps';

/**
 * Every function that reads a message's text on the way through a turn, called with long,
 * repetitive text (runs of spaces, tags, entities, digits): the shapes that make backtracking
 * patterns blow up. Each call must finish and return a well-formed result; `npm run fuzz` also
 * holds each call to a time budget and to growing no faster than the text, and `npm run bench`
 * reports the slowest (the test suite does not time anything).
 */
export interface TextStep {
  readonly name: string;
  /** Runs the step; returns what is wrong with its result (empty when fine). */
  readonly run: (text: string) => string[];
}

const BOT = { type: 'mention', text: '<at>Bot</at>', mentioned: { id: 'bot', name: 'Bot' } };

/** About the most text one request can carry under the default 256 KiB body cap. */
export const LONGEST_BODY_TEXT = 250_000;
/**
 * Past the length check only short texts go on (1,000 characters by default, plus mention
 * markup); four times that leaves room for a firm that raises the limit.
 */
export const LONGEST_TURN_TEXT = 4_000;

/** The steps that see a message before its length is checked. */
export function edgeTextSteps(): TextStep[] {
  return [
    {
      name: 'removeBotMention',
      run: (text) =>
        removeBotMention(text, [BOT], 'bot').includes('<at>Bot</at>') ? ['the bot mention survived'] : [],
    },
    {
      name: 'activityProblem',
      run: (text) => {
        const activity = {
          type: 'message',
          channelId: 'msteams',
          deliveryMode: 'expectReplies',
          conversation: { id: 'c' },
          from: { id: 'u' },
          text,
        };
        return activityProblem(activity) === undefined ? [] : ['a long text is not a bad activity'];
      },
    },
  ];
}

/** The steps after the length check, over the real content. */
export function turnTextSteps(content: Content, matcher: Matcher): TextStep[] {
  const normalizer = createNormalizer(content.synonyms);
  const language = createLanguage(content.routing, content.intents, content.synonyms);
  const { describesProblem, detectCommand, isQuestion, isZoneStatement } = language;
  const options = [...content.flows.values()]
    .flatMap((flow) => Object.values(flow.nodes))
    .find((node) => node.kind === 'ask');
  const choices = options?.kind === 'ask' ? options.choices : [];
  return [
    { name: 'findSensitiveNumbers', run: (text) => spanProblems(text, findSensitiveNumbers(text)) },
    {
      name: 'redactForRecords',
      run: (text) => (/\d{9}/.test(redactForRecords(text).replace(/[ \t.\-/_]/g, '')) ? ['nine digits kept'] : []),
    },
    { name: 'rawWords', run: (text) => (rawWords(text).some((word) => word.length === 0) ? ['an empty word'] : []) },
    {
      name: 'normalizer',
      run: (text) => (normalizer.words(text).some((word) => word.length === 0) ? ['an empty word'] : []),
    },
    {
      name: 'matcher',
      run: (text) =>
        matcher.rank(text).some((candidate) => !(candidate.score >= 0 && candidate.score <= 1))
          ? ['a score out of [0,1]']
          : [],
    },
    { name: 'isQuestion', run: (text) => (typeof isQuestion(text) === 'boolean' ? [] : ['not a boolean']) },
    { name: 'describesProblem', run: (text) => (typeof describesProblem(text) === 'boolean' ? [] : ['not a boolean']) },
    {
      name: 'detectCommand',
      run: (text) =>
        detectCommand(text) === undefined || typeof detectCommand(text) === 'string' ? [] : ['not a command'],
    },
    {
      name: 'matchChoice',
      run: (text) => {
        const id = matchChoice(text, choices, language);
        return id === undefined || choices.some((choice) => choice.id === id) ? [] : [`unknown choice ${id}`];
      },
    },
    {
      name: 'parseUserDate',
      run: (text) =>
        (parseUserDate(text, '2026-11-26') ?? '2026-11-26').match(/^\d{4}-\d{2}-\d{2}$/) ? [] : ['not a date'],
    },
    { name: 'isZoneStatement', run: (text) => (typeof isZoneStatement(text) === 'boolean' ? [] : ['not a boolean']) },
    {
      name: 'zoneFromText',
      run: (text) => ((zoneFromText(text, content.timeZones) ?? 'UTC').includes(' ') ? ['a zone with a space'] : []),
    },
    ...wholeTurnSteps(content, matcher),
  ];
}

function spanProblems(text: string, spans: ReadonlyArray<{ start: number; end: number }>): string[] {
  let last = 0;
  for (const span of spans) {
    if (span.start < last || span.end <= span.start || span.end > text.length)
      return [`bad span ${span.start}-${span.end}`];
    last = span.end;
  }
  return [];
}

/** The pieces long hostile messages are made of. */
// prettier-ignore
const UNITS = [
  ' ', '\t', '  a', '<at>', '<at>Bot</at>', '<at>Bot</at> ,', '</at>', '<a', '&', '&#', '&amp;', '&#1', '1', '1 ',
  '12-', 'P1', '-', '.', 'a', 'a ', 'é', '\u00a0', '\u0663', 'can not ', "n't ", '?', '? ', '. ', ' and ', 'and do ',
  '\u0000',
];

/** A long text as a few runs, each of one unit repeated to about a length. */
export type LongRuns = ReadonlyArray<readonly [unit: string, length: number]>;

function longRuns(maxLength: number): fc.Arbitrary<LongRuns> {
  const run = fc.tuple(fc.constantFrom(...UNITS), fc.integer({ min: 1, max: maxLength }));
  return fc.array(run, { minLength: 1, maxLength: 3 });
}

/** The runs' text, up to `maxLength` characters; `scale` makes each run (and the cap) that much longer. */
export function longText(runs: LongRuns, maxLength: number, scale = 1): string {
  return runs
    .map(([unit, length]) => unit.repeat(Math.max(1, Math.floor((length * scale) / unit.length))))
    .join('')
    .slice(0, Math.ceil(maxLength * scale));
}

/**
 * The process's CPU time, in ms: what a step costs, however busy the machine is (on a shared
 * machine, waiting for a core can make a call take many times its cost on the wall clock).
 */
export function cpuMilliseconds(): number {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
}

/**
 * How a step's time may grow, read on the turn's short texts, where the budget alone misses a
 * pattern that backtracks (at 4,000 characters it blocks nobody; at the lengths a firm may allow,
 * it does). On the same runs eight times as long a step may take at most GROWTH_LIMIT times as
 * long: linear code takes about eight times, a pattern tried again at every space of a run about
 * sixty-four.
 */
const SHORTER = 1 / 8;
const GROWTH_LIMIT = 20;
/** Under this share of the budget, fixed costs and timer noise swamp any growth. */
const GROWTH_FLOOR = 1 / 50;
/** A garbage collection or a busy machine can stall one call; slow code is slow every time. */
const TRIES = 5;

/**
 * Each step on long text finishes with a well-formed result. When `budgetMs` is finite
 * (`npm run fuzz` gives 100 ms for the longest text a step can see), it also finishes within it,
 * and with `growth` its time grows no faster than the text (see SHORTER). At 250 KB the budget is
 * enough on its own: a pattern that backtracks takes seconds there, and at that size memory, not
 * the code, makes the time grow a little faster than the text.
 */
export function longInputsProperty(
  steps: readonly TextStep[],
  maxLength: number,
  budgetMs: number,
  clock: () => number,
  { growth = false }: { readonly growth?: boolean } = {},
): fc.IPropertyWithHooks<[LongRuns]> {
  // A first call compiles each step; it should not count against the budget.
  for (const step of steps) step.run('warm up 123-45-6789 <at>Bot</at>');
  const floor = budgetMs * GROWTH_FLOOR;
  return fc.property(longRuns(maxLength), (runs) => {
    const text = longText(runs, maxLength);
    const problems: string[] = [];
    for (const step of steps) {
      const timed = (input: string) => {
        const started = clock();
        const found = step.run(input);
        return { found, took: clock() - started };
      };
      const fastest = (input: string, first: number) => {
        let took = first;
        for (let retry = 1; retry < TRIES; retry++) took = Math.min(took, timed(input).took);
        return took;
      };
      const first = timed(text);
      problems.push(...first.found.map((problem) => `${step.name}: ${problem}`));
      const took = first.took > floor ? fastest(text, first.took) : first.took;
      if (took > budgetMs) problems.push(`${step.name}: ${took.toFixed(0)} ms for ${text.length} characters`);
      else if (growth && took > floor) {
        const shorter = longText(runs, maxLength, SHORTER);
        const shorterTook = fastest(shorter, timed(shorter).took);
        if (took > GROWTH_LIMIT * shorterTook)
          problems.push(
            `${step.name}: ${took.toFixed(1)} ms for ${text.length} characters, ${(took / shorterTook).toFixed(0)} ` +
              `times the ${shorterTook.toFixed(2)} ms for ${shorter.length}: it grows faster than the text`,
          );
      }
    }
    if (problems.length > 0) throw new Error(problems.join('; '));
  });
}
