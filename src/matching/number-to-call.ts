import { rawWords } from './normalizer';
import { standsAt, wordSequences } from './word-sequences';

/** How many words may come between "what number" and the calling word ("…should a tax pro call"). */
const GAP = 5;

/**
 * Whether a message asks which number to call in words no cue list holds ("what number should a
 * tax pro call when secure access fails"): a number asked for (`asking`: "what number", "which
 * line"), then, a few words later, a word for calling (`callVerbs`).
 */
export function createNumberToCallReader(
  asking: readonly string[],
  callVerbs: readonly string[],
): (text: string) => boolean {
  const leads = wordSequences(asking);
  const verbs = wordSequences(callVerbs);
  return (text) => {
    const words = rawWords(text);
    return words.some((_, start) => {
      const lead = leads.find((phrase) => standsAt(words, start, phrase));
      if (!lead) return false;
      const after = start + lead.length;
      for (let place = after; place <= Math.min(words.length - 1, after + GAP); place++)
        if (verbs.some((verb) => standsAt(words, place, verb))) return true;
      return false;
    });
  };
}
