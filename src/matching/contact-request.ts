import { rawWords } from './normalizer';
import { standsAt, wordSequences } from './word-sequences';

/** The words of a short request for the desk's contact details, from knowledge/routing.yaml. */
export interface ContactRequestWords {
  readonly contact: readonly string[];
  readonly desk: readonly string[];
  /** Words that make a contact word someone's own ("my phone number"). */
  readonly notAfter: readonly string[];
  /** Of those, the ones that name the desk's contact once its card was shown ("and what's their number"). */
  readonly theDesks: readonly string[];
}

/** A longer message is a question about something else that happens to name a number. */
const MAX_WORDS = 10;
/** Without a word for the desk, only a few words say they ask for its details ("and their number?"). */
const MAX_WORDS_ON_DESK = 6;

/**
 * Whether a short message asks for the desk's contact details in few words, in either order
 * ("tel for e-help?", "phone no. for support", "e-help number"): a contact word, not someone's
 * own, and a word for the desk.
 */
export function createContactRequestDetector(
  request: ContactRequestWords | undefined,
): (text: string, onDesk?: boolean) => boolean {
  if (!request) return () => false;
  const contact = wordSequences(request.contact);
  const desk = wordSequences(request.desk);
  const notAfter = new Set(request.notAfter.flatMap(rawWords));
  const theDesks = new Set(request.theDesks.flatMap(rawWords));
  // The desk is the topic (its card was just shown): "and what's their number" needs no word for it.
  return (text, onDesk = false) => {
    const words = rawWords(text);
    if (words.length > (onDesk ? MAX_WORDS_ON_DESK : MAX_WORDS)) return false;
    const ownedBy = (word: string) => notAfter.has(word) && !(onDesk && theDesks.has(word));
    const hasContact = words.some(
      (_, start) => contact.some((phrase) => standsAt(words, start, phrase)) && !ownedBy(words[start - 1] ?? ''),
    );
    return hasContact && (onDesk || words.some((_, start) => desk.some((phrase) => standsAt(words, start, phrase))));
  };
}
