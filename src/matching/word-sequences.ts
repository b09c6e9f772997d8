import { rawWords } from './normalizer';

/** Phrases as the word sequences a message is compared in (empty ones dropped). */
export function wordSequences(phrases: readonly string[]): (readonly string[])[] {
  return phrases.map(rawWords).filter((words) => words.length > 0);
}

/** Whether `sequence` stands in `words` from `start` on. */
export function standsAt(words: readonly string[], start: number, sequence: readonly string[]): boolean {
  return sequence.every((word, offset) => words[start + offset] === word);
}

/**
 * Where one of `leads` stands and, at most `gap` words after it, one of `targets` ("get me a real
 * live human", "what number should a tax pro call"): from the lead's first word to the target's
 * last, the first such span. A word where one of `stops` stands ends the search after that lead.
 */
export function leadThenTarget(
  words: readonly string[],
  leads: readonly (readonly string[])[],
  targets: readonly (readonly string[])[],
  gap: number,
  stops: readonly (readonly string[])[] = [],
): readonly [number, number] | undefined {
  for (let start = 0; start < words.length; start++) {
    const lead = leads.find((phrase) => standsAt(words, start, phrase));
    if (!lead) continue;
    const after = start + lead.length;
    for (let place = after; place <= Math.min(words.length - 1, after + gap); place++) {
      if (stops.some((phrase) => standsAt(words, place, phrase))) break;
      const target = targets.find((phrase) => standsAt(words, place, phrase));
      if (target) return [start, place + target.length];
    }
  }
  return undefined;
}
