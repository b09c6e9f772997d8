import { rawWords } from './normalizer';
import { standsAt, wordSequences } from './word-sequences';

/** The words of a short request for the desk's contact details, from knowledge/routing.yaml. */
export interface ContactRequestWords {
  readonly contact: readonly string[];
  readonly desk: readonly string[];
  /** Words that make a contact word someone's own ("my phone number"). */
  readonly notAfter: readonly string[];
}

/** A longer message is a question about something else that happens to name a number. */
const MAX_WORDS = 10;

/**
 * Whether a short message asks for the desk's contact details in few words, in either order
 * ("tel for e-help?", "phone no. for support", "e-help number"): a contact word, not someone's
 * own, and a word for the desk.
 */
export function createContactRequestDetector(request: ContactRequestWords | undefined): (text: string) => boolean {
  if (!request) return () => false;
  const contact = wordSequences(request.contact);
  const desk = wordSequences(request.desk);
  const notAfter = new Set(request.notAfter.flatMap(rawWords));
  return (text) => {
    const words = rawWords(text);
    if (words.length > MAX_WORDS) return false;
    const hasContact = words.some(
      (_, start) => contact.some((phrase) => standsAt(words, start, phrase)) && !notAfter.has(words[start - 1] ?? ''),
    );
    return hasContact && words.some((_, start) => desk.some((phrase) => standsAt(words, start, phrase)));
  };
}
