import Fuse from 'fuse.js';
import { editDistance } from './edit-distance';
import { stem } from './normalizer';

/**
 * Up to this length a typo is one letter off: two edits turn real words into other real words
 * ("sorted" into "stored").
 */
const SHORT_WORD = 6;

/**
 * Spelling for the matcher: a typed word it has never seen is looked up among the words people
 * type in the content (phrases, synonyms, stopwords), so "amercan express" still becomes "amex".
 * fuse.js proposes near words cheaply; an edit distance decides. Answers are cached.
 */
export class Speller {
  /** Spelling candidates by "length:first letter"; fuse.js indexes are built on first use. */
  private readonly candidateWords = new Map<string, string[]>();
  private readonly candidateIndexes = new Map<string, Fuse<string>>();
  /** A spelled word for each stem, so other forms of it are read as it. */
  private readonly spelledByStem = new Map<string, string>();
  private readonly typoCache = new Map<string, string | null>();

  /**
   * `spelled`: words as people type them. `known`: whether a stemmed term is known to the
   * matcher (a known word is no typo). `threshold`: fuse.js's; `cacheSize`: corrections kept.
   * `isWord`: whether a word is one of the language's own, which are no typos either, even
   * those the knowledge base never uses. `pairs`: neighbouring words of the content's phrases.
   */
  constructor(
    private readonly spelled: ReadonlySet<string>,
    private readonly known: (term: string) => boolean,
    private readonly threshold: number,
    private readonly cacheSize: number,
    private readonly isWord: (word: string) => boolean = () => false,
    private readonly pairs: ReadonlySet<string> = new Set(),
  ) {
    for (const word of spelled) if (!this.spelledByStem.has(stem(word))) this.spelledByStem.set(stem(word), word);
    // Candidates for a typed word: words within two letters of its length that start with the
    // same letter (a typo rarely hits the first one). The sets stay small however large the
    // knowledge base grows, which is what keeps a lookup cheap.
    for (const word of spelled) {
      if (word.length < 4 || /^\d+$/.test(word)) continue;
      for (let length = Math.max(4, word.length - 2); length <= word.length + 2; length++) {
        const key = `${length}:${word[0]}`;
        const list = this.candidateWords.get(key) ?? [];
        list.push(word);
        this.candidateWords.set(key, list);
      }
    }
  }

  /**
   * The known word a typed one was meant to be, or undefined if it is known or unknowable.
   * `evenAWord`: a word of the language may be a slip too ("help disk"), when the caller knows
   * the correction fits its neighbours.
   */
  correct(word: string, evenAWord = false): string | undefined {
    if (word.length < 4 || /\d/.test(word) || this.spelled.has(word) || this.known(stem(word))) return undefined;
    // Another form of a known word ("redoing" for the synonym "redo") is that word, not a typo.
    const sameStem = this.spelledByStem.get(stem(word));
    if (sameStem) return sameStem;
    // "Morning" is not a typo of "moving": a word of the language is read as typed.
    if (!evenAWord && this.isWord(word)) return undefined;
    const cached = this.typoCache.get(word);
    if (cached !== undefined) return cached ?? undefined;
    // fuse.js's scores rank short transpositions ("lnog") below unrelated longer words
    // ("logins"), so an edit distance decides among its proposals.
    const allowed = word.length <= SHORT_WORD ? 1 : 2;
    let correction: string | null = null;
    let best = allowed + 1;
    for (const hit of this.candidates(word)?.search(word, { limit: 12 }) ?? []) {
      const distance = editDistance(word, hit.item, allowed);
      if (distance < best) {
        best = distance;
        correction = hit.item;
      }
    }
    if (this.typoCache.size >= this.cacheSize) this.typoCache.clear();
    this.typoCache.set(word, correction);
    return correction ?? undefined;
  }

  /**
   * Each typed word's correction, if it is a typo. A word of the language is read as typed
   * ("morning" is no "moving"), unless its correction makes one of the content's pairs of
   * words with a neighbour ("help disk" is the help desk).
   */
  correctEach(typed: readonly string[]): Array<string | undefined> {
    return typed.map((word, index) => {
      const correction = this.correct(word);
      if (correction !== undefined) return correction;
      const slip = this.correct(word, true);
      if (slip === undefined) return undefined;
      const before = index > 0 && this.pairs.has(`${typed[index - 1]} ${slip}`);
      const after = index + 1 < typed.length && this.pairs.has(`${slip} ${typed[index + 1]}`);
      return before || after ? slip : undefined;
    });
  }

  private candidates(word: string): Fuse<string> | undefined {
    const key = `${word.length}:${word[0]}`;
    let index = this.candidateIndexes.get(key);
    if (!index) {
      const words = this.candidateWords.get(key);
      if (!words) return undefined;
      index = new Fuse(words, { includeScore: true, threshold: this.threshold, ignoreLocation: true });
      this.candidateIndexes.set(key, index);
    }
    return index;
  }
}
