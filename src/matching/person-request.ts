import { rawWords } from './normalizer';
import { leadThenTarget, standsAt, wordSequences } from './word-sequences';

/** The words of a request for a person, from knowledge/routing.yaml. */
export interface PersonRequestWords {
  readonly asking: readonly string[];
  readonly persons: readonly string[];
  /** Person words that name someone other than a person to talk to ("someone else"). */
  readonly notPersons: readonly string[];
  /** What a person would do with the asker, said after the person ("anybody I could walk through this with"). */
  readonly helping: readonly string[];
  /** What happens to the person, said right after ("how do I get my assistant set up"): no request. */
  readonly registered: readonly string[];
}

/** How many words may come between the asking words and the person ("get me a real live human"). */
const GAP = 4;
/** How many words may come between the person and what they would do ("anyone with a pulse who could sort…"). */
const HELP_GAP = 6;
/** How many words may come between the person and what happens to them ("get our new hire all set up"). */
const REGISTERED_GAP = 3;
/** A longer message is a story or a question about people, not a request for one. */
const MAX_WORDS = 20;

/**
 * Whether a message asks for a person in words no phrase list holds ("gimme a live human", "can
 * u hand me off to staff", "I'd like a rep please"): an asking word, then, a few words later, a
 * word for a person. The order matters: "does the rep need my email?" names a person without
 * asking for one. A person followed by what they would do with the asker asks for one too ("is
 * there anybody I could walk through this with", "somebody who can look at my account"). A
 * person followed at once by their being set up or registered is not asked for: "how do I get
 * my assistant set up" asks about registering them.
 */
export function createPersonRequestDetector(request: PersonRequestWords | undefined): (text: string) => boolean {
  if (!request) return () => false;
  const asking = wordSequences(request.asking);
  const persons = wordSequences(request.persons);
  const notPersons = wordSequences(request.notPersons);
  const helping = wordSequences(request.helping);
  const registered = wordSequences(request.registered);
  const personThenHelp = (words: readonly string[]) =>
    words.some((_, start) => {
      if (notPersons.some((phrase) => standsAt(words, start, phrase))) return false;
      const person = persons.find((phrase) => standsAt(words, start, phrase));
      if (!person) return false;
      const after = start + person.length;
      for (let place = after; place <= Math.min(words.length - 1, after + HELP_GAP); place++)
        if (helping.some((phrase) => standsAt(words, place, phrase))) return true;
      return false;
    });
  return (text) => {
    const words = rawWords(text);
    if (words.length > MAX_WORDS) return false;
    if (personThenHelp(words)) return true;
    const span = leadThenTarget(words, asking, persons, GAP, notPersons);
    if (!span) return false;
    const [, end] = span;
    const last = Math.min(words.length - 1, end + REGISTERED_GAP);
    for (let place = end; place <= last; place++)
      if (registered.some((phrase) => standsAt(words, place, phrase))) return false;
    return true;
  };
}
