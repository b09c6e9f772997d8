import type { Intent } from '../content/intents-schema';
import { rawWords } from './normalizer';
import { createPhraseDetector } from './phrase-detector';

/** What a message says around (or instead of) a question. */
export interface IntentReading {
  readonly intent: Intent;
  /** The whole message is small talk: nothing else in it to answer. */
  readonly whole: boolean;
}

/**
 * Reads small talk. A message is wholly small talk when it can be cut into intents' phrases and
 * filler words alone ("thx that helped", "cheers, that's all", "hi, anyone there?"); the first
 * phrase says which intent it is, because people lead with what matters ("thanks, bye" thanks).
 * Otherwise an intent's cue anywhere in it marks small talk beside a question.
 */
/**
 * The intent of the first of its single words in a message ("perfect, much obliged" thanks),
 * for a short message the knowledge base can't answer clearly: only then is a word enough.
 */
/** How far in a word that marks an intent only at the start may come ("ok hello", "@bot morning all"). */
const LEADING_WORDS = 2;

export function createSignalReader(intents: readonly Intent[]): (text: string) => Intent | undefined {
  const byWord = new Map<string, Intent>();
  for (const intent of intents) for (const word of intent.words) if (!byWord.has(word)) byWord.set(word, intent);
  // An intent's phrases of two words or more mark it too ("k gotta go, client just walked in").
  const phrases = intents.map((intent) => ({
    intent,
    found: createPhraseDetector(intent.phrases.filter((phrase) => smallTalkWords(phrase).length >= 2)),
  }));
  return (text) => {
    const words = rawWords(text);
    for (const [index, word] of words.entries()) {
      const intent = byWord.get(word);
      if (intent && (!intent.wordsLead || index < LEADING_WORDS)) return intent;
    }
    return phrases.find(({ found }) => found(text))?.intent;
  };
}

export function createSmallTalkReader(
  intents: readonly Intent[],
  fillers: readonly string[],
): (text: string) => IntentReading | undefined {
  const phrasesByFirst = new Map<string, Array<{ words: string[]; intent: Intent }>>();
  const add = (phrase: string, intent: Intent | undefined) => {
    if (phrase.includes('*')) return;
    const words = smallTalkWords(phrase);
    if (words.length === 0) return;
    const list = phrasesByFirst.get(words[0]) ?? [];
    list.push({ words, intent: intent as Intent });
    phrasesByFirst.set(words[0], list);
  };
  for (const intent of intents) for (const phrase of [...intent.phrases, ...intent.cues]) add(phrase, intent);
  const fillerPhrases = fillers.map(smallTalkWords).filter((words) => words.length > 0);
  const acknowledged = intents.find((intent) => intent.fillersOnly);
  const cueIntents = intents.map((intent) => ({
    intent,
    matches: createPhraseDetector(
      intent.cues.map((cue) =>
        cue
          .split(/\s+/)
          .filter((word) => word.toLowerCase() !== 'is')
          .join(' '),
      ),
    ),
  }));

  const wholeIntent = (words: readonly string[]): Intent | undefined => {
    // first[i]: the first intent of a cut of words[0..i), or null for a cut of fillers only.
    const first: Array<Intent | null | undefined> = new Array(words.length + 1).fill(undefined);
    first[0] = null;
    for (let start = 0; start < words.length; start++) {
      const before = first[start];
      if (before === undefined) continue;
      const fits = (phrase: readonly string[]) => phrase.every((word, offset) => words[start + offset] === word);
      for (const { words: phrase, intent } of phrasesByFirst.get(words[start]) ?? []) {
        const end = start + phrase.length;
        // A cut with an intent beats one of fillers only (null).
        if (end <= words.length && fits(phrase) && (first[end] === undefined || first[end] === null)) {
          first[end] = before ?? intent;
        }
      }
      for (const phrase of fillerPhrases) {
        const end = start + phrase.length;
        if (end <= words.length && fits(phrase) && first[end] === undefined) first[end] = before;
      }
    }
    // Fillers alone ("ok", "cool cool, noted"): the intent that says the answer landed, when there is one.
    const cut = first[words.length];
    return cut === null ? acknowledged : (cut ?? undefined);
  };

  return (text) => {
    const words = smallTalkWords(text);
    if (words.length === 0) return undefined;
    const whole = wholeIntent(words);
    if (whole) return { intent: whole, whole: true };
    const cued = cueIntents.find(({ matches }) => matches(words.join(' ')));
    return cued ? { intent: cued.intent, whole: false } : undefined;
  };
}

/**
 * Words as small talk is compared: "that's all" and "that is all" read alike ("'s" is dropped
 * by the contraction rules, so "is" is dropped on both sides), and a letter drawn out
 * ("helloooo", "thanksss") is read once: English words don't hold a letter three times.
 */
function smallTalkWords(text: string): string[] {
  return rawWords(text)
    .map((word) => word.replace(DRAWN_OUT, '$1'))
    .filter((word) => word !== 'is');
}

const DRAWN_OUT = /(\p{L})\1{2,}/gu;
