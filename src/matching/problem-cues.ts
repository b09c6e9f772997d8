import { rawWords } from './normalizer';

/**
 * Whether a message describes a problem rather than asks a question: "I can't…", "it keeps
 * failing", "locked out", "never got the code". The cue phrases are content
 * (knowledge/routing.yaml); a cue matches when its words appear in order, next to each other.
 */
export function createProblemDetector(cues: readonly string[]): (text: string) => boolean {
  const cueWords = cues.map(rawWords).filter((words) => words.length > 0);
  return (text) => {
    const words = rawWords(text);
    return cueWords.some((cue) =>
      words.some((_, start) => cue.every((word, offset) => words[start + offset] === word)),
    );
  };
}
