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
  /** Words that may stand beside a contact word in a sentence asking only for it ("what's the number?"). */
  readonly alone?: readonly string[];
  /** Words after a contact word that tell it rather than ask for it ("the number is …"). */
  readonly toldBy?: readonly string[];
  /** Words that ask for some other number than the desk's ("an international number"). */
  readonly otherThanTheDesks?: readonly string[];
}

/** Where the conversation stands when a message may ask for the desk's contact details. */
export interface ContactSetting {
  /** The desk is the topic: its card was just shown, or an answer about calling it. */
  readonly onDesk?: boolean;
  /** Nothing was talked about yet (no topic: the first words, or after a greeting or a decline). */
  readonly noTopicYet?: boolean;
}

/** A longer message is a question about something else that happens to name a number. */
const MAX_WORDS = 10;
/** A sentence asking only for a contact is short ("so what's the phone number then?"). */
const MAX_WORDS_ALONE = 6;
/** Where one sentence of a message ends and the next begins. */
const SENTENCE_END = /[.?!;\n]+/;
/** A sentence and the marks that end it. */
const SENTENCE_WITH_END = /[^.?!;\n]+[.?!;\n]*/g;
/** Without a word for the desk, only a few words say they ask for its details ("and their number?"). */
const MAX_WORDS_ON_DESK = 6;

/**
 * Whether a short message asks for the desk's contact details in few words, in either order
 * ("tel for e-help?", "phone no. for support", "e-help number"): a contact word, not someone's
 * own, and a word for the desk.
 */
export function createContactRequestDetector(
  request: ContactRequestWords | undefined,
  isQuestion: (text: string) => boolean = () => false,
): (text: string, where?: ContactSetting) => boolean {
  if (!request) return () => false;
  const contact = wordSequences(request.contact);
  const desk = wordSequences(request.desk);
  const notAfter = new Set(request.notAfter.flatMap(rawWords));
  const theDesks = new Set(request.theDesks.flatMap(rawWords));
  const alone = new Set((request.alone ?? []).flatMap(rawWords));
  const toldBy = new Set((request.toldBy ?? []).flatMap(rawWords));
  const other = new Set((request.otherThanTheDesks ?? []).flatMap(rawWords));
  // "ok this isn't working. phone number?": a sentence that asks for a contact and nothing else
  // asks for the desk's (the bot has no other to give).
  const asksOnlyForContact = (sentence: string) => {
    const words = rawWords(sentence);
    if (words.length === 0 || words.length > MAX_WORDS_ALONE) return false;
    const named = words.map((_, start) => contact.find((phrase) => standsAt(words, start, phrase)));
    const covered = new Set<number>();
    named.forEach((phrase, start) => phrase?.forEach((_, at) => covered.add(start + at)));
    // "The number is [left out]": told, not asked.
    const told = named.some((phrase, start) => phrase !== undefined && toldBy.has(words[start + phrase.length] ?? ''));
    return covered.size > 0 && !told && words.every((word, at) => covered.has(at) || alone.has(word));
  };
  // Only after something else was said (one sentence alone, "what number?", may be about the
  // user's own, unless nothing was talked about yet), as the last sentence, and when no other
  // sentence names a contact ("it asks for a loan account number. what number?" asks which
  // number they mean).
  /** A contact word anywhere in the sentence ("it asks for a loan account number"). */
  const namesAContact = (sentence: string) => {
    const words = rawWords(sentence);
    return words.some((_, start) => contact.some((phrase) => standsAt(words, start, phrase)));
  };
  const endsAskingOnlyForContact = (text: string, noTopicYet: boolean) => {
    const sentences = text
      .split(SENTENCE_END)
      .map((sentence) => sentence.trim())
      .filter((sentence) => sentence.length > 0);
    const last = sentences.at(-1);
    if (last === undefined || (sentences.length < 2 && !noTopicYet) || !asksOnlyForContact(last)) return false;
    return !sentences.slice(0, -1).some(namesAContact);
  };
  // The desk is the topic (its card was just shown): "and what's their number" needs no word for it.
  // With nothing talked about yet ("phone number?" as the first words) the bot has no other to give.
  const namesTheDesksContact = (text: string, onDesk: boolean) => {
    const words = rawWords(text);
    if (words.length > (onDesk ? MAX_WORDS_ON_DESK : MAX_WORDS)) return false;
    const ownedBy = (word: string) => notAfter.has(word) && !(onDesk && theDesks.has(word));
    const hasContact = words.some(
      (_, start) => contact.some((phrase) => standsAt(words, start, phrase)) && !ownedBy(words[start - 1] ?? ''),
    );
    const named =
      hasContact && (onDesk || words.some((_, start) => desk.some((phrase) => standsAt(words, start, phrase))));
    return named && !words.some((word) => other.has(word));
  };
  // "fine, forget those. I'll take the e-help desk phone number then": the last sentence asks, in
  // few words, however long the message before it (when no sentence before names a contact: "the
  // 888 number doesn't work from here. is there another for the e-help desk?"), after a story,
  // not a question: "how long does the code take? and what's the e-help desk number?" asks two things.
  return (text, { onDesk = false, noTopicYet = false } = {}) => {
    if (endsAskingOnlyForContact(text, noTopicYet) || namesTheDesksContact(text, onDesk)) return true;
    // Each sentence with its own ending: "Also, e-help desk phone number?" is asked.
    const sentences = (text.match(SENTENCE_WITH_END) ?? []).filter((sentence) => sentence.trim().length > 0);
    const last = sentences.at(-1) ?? '';
    return (
      sentences.length >= 2 &&
      namesTheDesksContact(last, onDesk) &&
      !sentences.slice(0, -1).some((sentence) => namesAContact(sentence) || isQuestion(sentence))
    );
  };
}
