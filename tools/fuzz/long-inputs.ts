import fc from 'fast-check';
import { removeBotMention } from '../../src/channels/teams/mentions';
import { activityProblem } from '../../src/http/activity-shape';
import { createLanguage } from '../../src/matching/language';
import { createNormalizer, rawWords } from '../../src/matching/normalizer';
import { matchChoice } from '../../src/flows/match-choice';
import { parseUserDate } from '../../src/flows/parse-date';
import { zoneFromText } from '../../src/helpdesk/user-zone';
import { findSensitiveNumbers, redactForRecords } from '../../src/privacy/sensitive-numbers';
import type { Content } from '../../src/content/load-content';
import type { Matcher } from '../../src/matching/matcher';

/**
 * Every function that reads a message's text on the way through a turn, called with long,
 * repetitive text (runs of spaces, tags, entities, digits): the shapes that make backtracking
 * patterns blow up. Each call must finish and return a well-formed result; `npm run fuzz` and
 * `npm run bench` also hold each call to a time budget (the test suite does not time anything).
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
  '12-', 'P1', '-', '.', 'a', 'é', '\u00a0', '\u0663', 'can not ', "n't ", '?', '\u0000',
];

/** A long text: a few runs of one repeated unit each, up to `maxLength` characters. */
export function longText(maxLength: number): fc.Arbitrary<string> {
  const run = fc
    .tuple(fc.constantFrom(...UNITS), fc.integer({ min: 1, max: maxLength }))
    .map(([unit, length]) => unit.repeat(Math.max(1, Math.floor(length / unit.length))));
  return fc.array(run, { minLength: 1, maxLength: 3 }).map((runs) => runs.join('').slice(0, maxLength));
}

/**
 * Each step on long text finishes with a well-formed result and, when `budgetMs` is finite,
 * within it (`npm run fuzz` gives 100 ms for up to 250 KB).
 */
export function longInputsProperty(
  steps: readonly TextStep[],
  maxLength: number,
  budgetMs: number,
  clock: () => number,
): fc.IPropertyWithHooks<[string]> {
  // A first call compiles each step; it should not count against the budget.
  for (const step of steps) step.run('warm up 123-45-6789 <at>Bot</at>');
  return fc.property(longText(maxLength), (text) => {
    const problems: string[] = [];
    for (const step of steps) {
      const timed = () => {
        const started = clock();
        const found = step.run(text);
        return { found, took: clock() - started };
      };
      const first = timed();
      problems.push(...first.found.map((problem) => `${step.name}: ${problem}`));
      // A garbage collection or a busy machine can stall one call; slow code is slow every time.
      let took = first.took;
      for (let retry = 0; retry < 2 && took > budgetMs; retry++) took = Math.min(took, timed().took);
      if (took > budgetMs) problems.push(`${step.name}: ${took.toFixed(0)} ms for ${text.length} characters`);
    }
    if (problems.length > 0) throw new Error(problems.join('; '));
  });
}
