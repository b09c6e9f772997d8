import type { AnswerWords } from '../matching/language';
import { rawWords } from '../matching/normalizer';

/** "Not on a prepaid plan": at most this many words between the "not" and what it turns round. */
const MAX_REACH = 3;

/**
 * The places of the words a reply rules out ("not prepaid, it's a regular plan": "prepaid"): a
 * word of `turnRound` turns round the first word after it past the small words of
 * `turnRoundReach`, and those small words with it. `words` are the reply's raw words.
 */
export function turnedRound(
  words: readonly string[],
  answers: Pick<AnswerWords, 'turnRound' | 'turnRoundReach'>,
): ReadonlySet<number> {
  const turning = turningWords(answers);
  const reach = reachWords(answers);
  const places = new Set<number>();
  words.forEach((word, at) => {
    if (!turning.has(word)) return;
    let next = at + 1;
    while (next < words.length && next - at <= MAX_REACH && reach.has(words[next])) places.add(next++);
    if (next < words.length && !turning.has(words[next])) places.add(next);
  });
  return places;
}

/** Whether `phrase` stands in `words` somewhere it is not ruled out (see turnedRound). */
export function standsUnturned(
  phrase: readonly string[],
  words: readonly string[],
  ruledOut: ReadonlySet<number>,
): boolean {
  return places(phrase, words).some((start) => !ruledOut.has(start));
}

/** Whether `phrase` stands in `words` somewhere it is ruled out ("not prepaid"). */
export function standsTurned(
  phrase: readonly string[],
  words: readonly string[],
  ruledOut: ReadonlySet<number>,
): boolean {
  return ruledOut.size > 0 && places(phrase, words).some((start) => ruledOut.has(start));
}

function places(phrase: readonly string[], words: readonly string[]): number[] {
  const starts: number[] = [];
  if (phrase.length === 0) return starts;
  for (let start = 0; start + phrase.length <= words.length; start++)
    if (phrase.every((word, at) => words[start + at] === word)) starts.push(start);
  return starts;
}

/** The words that turn an answer round ("not"), read once for each set of answer words. */
export function turningWords(answers: Pick<AnswerWords, 'turnRound'>): ReadonlySet<string> {
  return wordsOnce(turningCache, answers.turnRound);
}

/** The small words a "not" reaches across ("not on a prepaid plan"), read once as well. */
function reachWords(answers: Pick<AnswerWords, 'turnRoundReach'>): ReadonlySet<string> {
  return wordsOnce(reachCache, answers.turnRoundReach);
}

// Every flow reply is read with these: the content's lists, made sets once, not at each reply.
const turningCache = new WeakMap<readonly string[], ReadonlySet<string>>();
const reachCache = new WeakMap<readonly string[], ReadonlySet<string>>();
const NONE: ReadonlySet<string> = new Set();

function wordsOnce(
  cache: WeakMap<readonly string[], ReadonlySet<string>>,
  phrases: readonly string[] | undefined,
): ReadonlySet<string> {
  if (!phrases) return NONE;
  const known = cache.get(phrases);
  if (known) return known;
  const words = new Set(phrases.flatMap(rawWords));
  cache.set(phrases, words);
  return words;
}

/** An answer, by its label and its synonyms. */
interface Answer {
  readonly label: string;
  readonly synonyms: readonly string[];
}

/** Whether the reply's `words` rule `answer` out by one of its phrases ("not prepaid"). */
export function rulesOut(answer: Answer, words: readonly string[], ruledOut: ReadonlySet<number>): boolean {
  return [answer.label, ...answer.synonyms].some((phrase) => standsTurned(rawWords(phrase), words, ruledOut));
}

/** The reply rules out one of the answers by one of its phrases ("it's not prepaid"). */
export function rulesOutAnAnswer(
  text: string,
  options: readonly Answer[],
  answers: Pick<AnswerWords, 'turnRound' | 'turnRoundReach'>,
): boolean {
  const words = rawWords(text);
  const ruledOut = turnedRound(words, answers);
  return ruledOut.size > 0 && options.some((option) => rulesOut(option, words, ruledOut));
}
