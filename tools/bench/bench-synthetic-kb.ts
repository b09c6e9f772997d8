import { rawWords } from '../../src/matching/normalizer';
import type { MatchDocument } from '../../src/matching/candidate';
import type { Random } from './bench-random';

/** A synthetic knowledge base and queries drawn from it. */
export interface SyntheticBase {
  readonly documents: MatchDocument[];
  /** Queries a user might type for its articles: reworded, some with typos and unknown words. */
  readonly queries: string[];
}

const QUESTIONS_PER_ARTICLE = 8;
// prettier-ignore
const SYLLABLES = [
  'ka', 'ter', 'lo', 'mi', 'ven', 'dra', 'su', 'pol', 'ex', 'rin', 'to', 'gal', 'sha', 'ber', 'nu', 'qui', 'den', 'ar',
  'vo', 'lis',
];

/**
 * Builds `size` articles of `1 + 8` phrases (a title and eight questions) from the real
 * knowledge base's words plus made-up ones, so the index and the spelling vocabulary grow the way
 * a bigger real base would. Words are drawn with a skew (a few common, many rare) and questions
 * are 4-16 words long, like the real ones. Deterministic for a given random generator.
 */
export function syntheticBase(
  size: number,
  realPhrases: readonly string[],
  random: Random,
  queryCount: number,
): SyntheticBase {
  const realWords = [...new Set(realPhrases.flatMap(rawWords))];
  // A real base of this size would have its own jargon: roughly two new words per article.
  const madeUp = new Set<string>();
  while (madeUp.size < size * 2) madeUp.add(madeUpWord(random));
  const jargon = [...madeUp];
  const words = [...realWords, ...jargon];
  // Skewed draw: squaring a uniform number favours the front, so the real (common) words recur
  // and most made-up words are rare, as in natural text.
  const drawWord = () => words[Math.floor(random.next() ** 2 * words.length)];
  const sentence = (min: number, max: number) =>
    Array.from({ length: min + random.int(max - min + 1) }, drawWord).join(' ');

  const documents: MatchDocument[] = [];
  for (let index = 0; index < size; index++) {
    // Every article has a few words of its own topic, shared by its questions, so each one is findable.
    const topic = Array.from({ length: 2 + random.int(2) }, () => random.pick(jargon));
    const phrases = [topic.join(' ')];
    for (let question = 0; question < QUESTIONS_PER_ARTICLE; question++) {
      phrases.push(`${sentence(2, 9)} ${topic.slice(0, 1 + random.int(topic.length)).join(' ')} ${sentence(1, 4)}`);
    }
    documents.push({ id: `synthetic-${String(index).padStart(5, '0')}`, kind: 'article', phrases });
  }

  const queries: string[] = [];
  for (let index = 0; index < queryCount; index++) {
    const document = random.pick(documents);
    const question = rawWords(random.pick(document.phrases.slice(1)));
    // Users drop words and add their own; some make a typo, some use a word the base lacks.
    const kept = question.filter(() => random.next() > 0.25);
    if (random.next() < 0.4) kept.splice(random.int(kept.length + 1), 0, madeUpWord(random));
    if (random.next() < 0.5) typoOneWord(kept, random);
    queries.push(kept.join(' ') || question.join(' '));
  }
  return { documents, queries };
}

function madeUpWord(random: Random): string {
  const count = 2 + random.int(3);
  return Array.from({ length: count }, () => random.pick(SYLLABLES)).join('');
}

/** Changes one letter (swap, drop, double or replace) in one word of 5+ letters, if any. */
export function typoOneWord(words: string[], random: Random): void {
  const candidates = words.map((word, index) => [word, index] as const).filter(([word]) => word.length >= 5);
  if (candidates.length === 0) return;
  const [word, index] = random.pick(candidates);
  words[index] = typo(word, random);
}

function typo(word: string, random: Random): string {
  const at = 1 + random.int(word.length - 2);
  switch (random.int(4)) {
    case 0:
      return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
    case 1:
      return word.slice(0, at) + word.slice(at + 1);
    case 2:
      return word.slice(0, at) + word[at] + word.slice(at);
    default:
      return word.slice(0, at) + String.fromCharCode(97 + random.int(26)) + word.slice(at + 1);
  }
}
