import { rawWords } from './normalizer';
import { leadThenTarget, wordSequences } from './word-sequences';

/** How many words may come between "what number" and the calling word ("…should a tax pro call"). */
const GAP = 5;

/** The words from a number asked for to the calling word ("what number … call"), if the text has them. */
export interface NumberToCall {
  readonly asks: (text: string) => boolean;
  /** The text without those words: what the call would be about ("if the registration breaks"). */
  readonly without: (text: string) => string;
}

/**
 * Whether a message asks which number to call in words no cue list holds ("what number should a
 * tax pro call when secure access fails"): a number asked for (`asking`: "what number", "which
 * line"), then, a few words later, a word that can only mean calling (`calling`).
 */
export function createNumberToCallReader(asking: readonly string[], calling: readonly string[]): NumberToCall {
  const leads = wordSequences(asking);
  const verbs = wordSequences(calling);
  const span = (words: readonly string[]) => leadThenTarget(words, leads, verbs, GAP);
  return {
    asks: (text) => span(rawWords(text)) !== undefined,
    without: (text) => {
      const words = rawWords(text);
      const found = span(words);
      return found ? [...words.slice(0, found[0]), ...words.slice(found[1])].join(' ') : text;
    },
  };
}
