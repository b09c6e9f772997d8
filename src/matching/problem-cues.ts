import { rawWords } from './normalizer';

/**
 * Whether a message describes a problem rather than asks a question: "I can't…", "it keeps
 * failing", "locked out", "never got the code". The cue phrases are content
 * (knowledge/routing.yaml); a cue matches when its words appear in order, next to each other.
 */
export function createProblemDetector(cues: readonly string[]): (text: string) => boolean {
  // Cues by their first word: each word of a message is looked up once.
  const byFirstWord = new Map<string, string[][]>();
  for (const words of cues.map(rawWords)) {
    if (words.length === 0) continue;
    byFirstWord.set(words[0], [...(byFirstWord.get(words[0]) ?? []), words]);
  }
  return (text) => {
    const words = rawWords(text);
    return words.some((word, start) =>
      (byFirstWord.get(word) ?? []).some((cue) => cue.every((cueWord, offset) => words[start + offset] === cueWord)),
    );
  };
}
