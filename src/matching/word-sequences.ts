import { rawWords } from './normalizer';

/** Phrases as the word sequences a message is compared in (empty ones dropped). */
export function wordSequences(phrases: readonly string[]): (readonly string[])[] {
  return phrases.map(rawWords).filter((words) => words.length > 0);
}

/** Whether `sequence` stands in `words` from `start` on. */
export function standsAt(words: readonly string[], start: number, sequence: readonly string[]): boolean {
  return sequence.every((word, offset) => words[start + offset] === word);
}
