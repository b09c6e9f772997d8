import type { Synonyms } from '../content/schemas';

/**
 * Turns free text into the canonical words the matcher compares: lower case, no punctuation,
 * contractions spelled out, synonyms and abbreviations replaced by their canonical term,
 * stopwords dropped. Built once from knowledge/synonyms.yaml.
 */
export interface Normalizer {
  /** Canonical content words of the text, in order (stopwords removed). */
  words(text: string): string[];
  /** All canonical words of the text, stopwords kept (for cue detection such as "can't"). */
  allWords(text: string): string[];
  /** Every word the synonyms and stopwords know, as typed (for spelling correction). */
  readonly vocabulary: ReadonlySet<string>;
}

/** Contractions with an apostrophe: tried only on text that has one. */
const APOSTROPHES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bcan['’]t\b/g, 'can not'],
  [/\bwon['’]t\b/g, 'will not'],
  [/\b(\w+)n['’]t\b/g, '$1 not'],
  [/\b(i|you|we|they)['’]m\b/g, '$1 am'],
  [/['’]s\b/g, ''],
  [/['’]ll\b/g, ' will'],
  [/['’]ve\b/g, ' have'],
  [/['’]re\b/g, ' are'],
  [/['’]d\b/g, ' would'],
];

/**
 * Words typed without the apostrophe ("doesnt", "cant", "im"; only words that can't be anything
 * else) or said as one word ("gimme the number", "gonna call"), and the agency's name spelled out
 * ("operated by the Internal Revenue Service" is "by the IRS"): one pass over the text.
 */
const RUN_TOGETHER: Readonly<Record<string, string>> = {
  cannot: 'can not',
  cant: 'can not',
  wont: 'will not',
  im: 'i am',
  ill: 'i will',
  thru: 'through',
  gimme: 'give me',
  gonna: 'going to',
  wanna: 'want to',
  gotta: 'got to',
  lemme: 'let me',
  'r u': 'are you',
  'u r': 'you are',
  'internal revenue service': 'irs',
};
const NOT_STEMS = 'do|does|did|is|was|were|are|has|have|had|could|would|should|must|need';
const RUN_TOGETHER_PATTERN = new RegExp(`\\b(?:${Object.keys(RUN_TOGETHER).join('|')}|(${NOT_STEMS})nt)\\b`, 'g');

/** Combining marks on Latin letters (acute, tilde, diaeresis…), after NFD decomposition. */
const ACCENTS = /[\u0300-\u036f]/g;

/**
 * How many recent texts keep their words: one message is read by dozens of cue lists, each of
 * which splits it again; a long hostile message made that the bulk of a turn.
 */
const RECENT_TEXTS = 32;
const recentWords = new Map<string, readonly string[]>();

/** Splits text into lower-case alphanumeric words, spelling out contractions. */
export function rawWords(text: string): readonly string[] {
  const known = recentWords.get(text);
  if (known) return known;
  const words = Object.freeze(splitWords(text));
  if (recentWords.size >= RECENT_TEXTS) recentWords.delete(recentWords.keys().next().value as string);
  recentWords.set(text, words);
  return words;
}

function splitWords(text: string): string[] {
  // "Phone #" and "loan #": the sign is the word.
  // Accents are dropped ("código" is "codigo", "México" is "mexico"): people type them or not.
  let lowered = text.normalize('NFKC').toLowerCase().normalize('NFD').replace(ACCENTS, '').replace(/#/g, ' number ');
  if (/['’]/.test(lowered))
    for (const [pattern, replacement] of APOSTROPHES) lowered = lowered.replace(pattern, replacement);
  lowered = lowered.replace(RUN_TOGETHER_PATTERN, (word: string, stem?: string) =>
    stem ? `${stem} not` : (RUN_TOGETHER[word] ?? word),
  );
  return lowered.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0);
}

interface PhraseRule {
  readonly from: readonly string[];
  readonly to: readonly string[];
}

/** Builds a normalizer from the synonyms content. */
export function createNormalizer(synonyms: Synonyms): Normalizer {
  // Variants are matched longest first, so "e help desk" wins over "help".
  const rulesByFirstWord = new Map<string, PhraseRule[]>();
  for (const [canonical, variants] of Object.entries(synonyms.synonyms)) {
    const to = rawWords(canonical);
    for (const variant of variants) {
      const from = rawWords(variant);
      if (from.length === 0 || from.join(' ') === to.join(' ')) continue;
      const list = rulesByFirstWord.get(from[0]) ?? [];
      list.push({ from, to });
      rulesByFirstWord.set(from[0], list);
    }
  }
  for (const list of rulesByFirstWord.values()) list.sort((a, b) => b.from.length - a.from.length);
  const stopwords = new Set(synonyms.stopwords.flatMap(rawWords));
  const vocabulary = new Set<string>(stopwords);
  for (const [canonical, variants] of Object.entries(synonyms.synonyms)) {
    for (const word of [canonical, ...variants].flatMap(rawWords)) vocabulary.add(word);
  }

  function canonicalWords(text: string): string[] {
    const input = rawWords(text);
    const output: string[] = [];
    for (let index = 0; index < input.length;) {
      const rule = rulesByFirstWord
        .get(input[index])
        ?.find((candidate) => candidate.from.every((word, offset) => input[index + offset] === word));
      if (rule) {
        output.push(...rule.to);
        index += rule.from.length;
      } else {
        output.push(input[index]);
        index += 1;
      }
    }
    return output;
  }

  return {
    words: (text) => canonicalWords(text).filter((word) => !stopwords.has(word)),
    allWords: canonicalWords,
    vocabulary,
  };
}

/**
 * A deliberately blunt stemmer: fold plural and -ed/-ing endings and a final "e", then keep the
 * first six letters. It makes move / moved / moving and register / registered / registration
 * one term each, which is what matters for matching short questions, and it costs nothing.
 */
export function stem(word: string): string {
  let base = word;
  if (base.length > 4 && base.endsWith('ies')) base = `${base.slice(0, -3)}y`;
  else if (base.length > 3 && base.endsWith('s') && !/(ss|us|is)$/.test(base)) base = base.slice(0, -1);
  if (base.length > 4 && base.endsWith('ied')) base = `${base.slice(0, -3)}y`;
  else if (base.length >= 6 && base.endsWith('ing')) base = base.slice(0, -3);
  else if (base.length >= 5 && base.endsWith('ed')) base = base.slice(0, -2);
  if (base.length > 3 && base.endsWith('e')) base = base.slice(0, -1);
  return base.length > 6 ? base.slice(0, 6) : base;
}
