import { rawWords } from './normalizer';

/** A word sequence in a phrase list; "*" stands for one word, whichever it is. */
const ANY_WORD = '*';

/**
 * Whether a text contains one of the phrases as consecutive words ("keeps failing", "on * time").
 * Phrases are indexed by their first word, so each word of a text is looked up once: the cost
 * grows with the text, not with the text times the list.
 */
export function createPhraseDetector(phrases: readonly string[]): (text: string) => boolean {
  const detect = createWordsDetector(phrases);
  return (text) => detect(phraseWords(text));
}

/** A text's words as phrase detectors compare them: for many detectors over one text, split once. */
export function phraseWords(text: string): string[] {
  return rawWords(text).map(singular);
}

/** createPhraseDetector over a text already split by phraseWords. */
export function createWordsDetector(phrases: readonly string[]): (words: readonly string[]) => boolean {
  const byFirstWord = new Map<string, string[][]>();
  for (const words of phrases.map((phrase) =>
    phrase.split(/\s+/).flatMap((word) => (word === ANY_WORD ? [ANY_WORD] : rawWords(word).map(singular))),
  )) {
    if (words.length === 0 || words[0] === ANY_WORD) continue;
    const list = byFirstWord.get(words[0]) ?? [];
    list.push(words);
    byFirstWord.set(words[0], list);
  }
  return (words) =>
    words.some((word, start) =>
      (byFirstWord.get(word) ?? []).some((phrase) =>
        phrase.every(
          (expected, offset) =>
            start + offset < words.length && (expected === ANY_WORD || words[start + offset] === expected),
        ),
      ),
    );
}

/** "Phones" as "phone", "calls" as "call": a cue in one form finds the other. */
function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  return word.length > 3 && word.endsWith('s') && !/(ss|us|is)$/.test(word) ? word.slice(0, -1) : word;
}
