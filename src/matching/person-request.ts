import { rawWords } from './normalizer';
import { standsAt, wordSequences } from './word-sequences';

/** The words of a request for a person, from knowledge/routing.yaml. */
export interface PersonRequestWords {
  readonly asking: readonly string[];
  readonly persons: readonly string[];
  /** Person words that name someone other than a person to talk to ("someone else"). */
  readonly notPersons: readonly string[];
}

/** How many words may come between the asking words and the person ("get me a real live human"). */
const GAP = 4;
/** A longer message is a story or a question about people, not a request for one. */
const MAX_WORDS = 20;

/**
 * Whether a message asks for a person in words no phrase list holds ("gimme a live human", "can
 * u hand me off to staff", "I'd like a rep please"): an asking word, then, a few words later, a
 * word for a person. The order matters: "does the rep need my email?" names a person without
 * asking for one.
 */
export function createPersonRequestDetector(request: PersonRequestWords | undefined): (text: string) => boolean {
  if (!request) return () => false;
  const asking = wordSequences(request.asking);
  const persons = wordSequences(request.persons);
  const notPersons = wordSequences(request.notPersons);
  return (text) => {
    const words = rawWords(text);
    if (words.length > MAX_WORDS) return false;
    for (let start = 0; start < words.length; start++) {
      const ask = asking.find((phrase) => standsAt(words, start, phrase));
      if (!ask) continue;
      const after = start + ask.length;
      for (let place = after; place <= Math.min(words.length - 1, after + GAP); place++) {
        if (notPersons.some((phrase) => standsAt(words, place, phrase))) break;
        if (persons.some((phrase) => standsAt(words, place, phrase))) return true;
      }
    }
    return false;
  };
}
