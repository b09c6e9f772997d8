import { rawWords, stem, type Normalizer } from './normalizer';

/** Words that say what a question asks, though the matcher drops them as stopwords. */
const QUESTION_WORDS = new Map([
  ['what', 'what'],
  ['whats', 'what'],
  ['how', 'how'],
  ['hows', 'how'],
  ['why', 'why'],
  ['when', 'when'],
  ['where', 'where'],
  ['which', 'what'],
  ['who', 'who'],
  ['whos', 'who'],
]);

/**
 * A phrase's canonical words, with the kinds of question word it has ("which" asks what): "do I
 * need to re-register" is no "what do I need to register for e-services" (whether, not what),
 * though their other words are one.
 */
export function exactKey(text: string, normalizer: Normalizer): string {
  const asks = new Set(rawWords(text).flatMap((word) => QUESTION_WORDS.get(word) ?? []));
  return `${[...asks].sort().join(' ')}|${normalizer.words(text).map(stem).join(' ')}`;
}
