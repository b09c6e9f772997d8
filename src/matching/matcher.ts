import Fuse from 'fuse.js';
import { editDistance } from './edit-distance';
import { rawWords, stem, type Normalizer } from './normalizer';

/** Something the matcher can find: an article, a flow or an out-of-scope topic. */
export interface MatchDocument {
  readonly id: string;
  readonly kind: DocumentKind;
  /** The ways people ask for it (questions, title, trigger phrases, examples). */
  readonly phrases: readonly string[];
}

export type DocumentKind = 'article' | 'flow' | 'out-of-scope';

/** One ranked match, with a confidence between 0 and 1. */
export interface Candidate {
  readonly id: string;
  readonly kind: DocumentKind;
  readonly score: number;
}

export interface MatcherOptions {
  /** How close an unknown word must be to a known one to count as a typo (fuse.js, 0 = exact). */
  readonly typoThreshold?: number;
  /** How much a document's second-best phrase adds to its best. */
  readonly supportWeight?: number;
  /** Bound on the typo cache, so odd inputs cannot grow memory without limit. */
  readonly typoCacheSize?: number;
}

/**
 * Ranks documents for a question. fuse.js over every phrase is far too slow past a few dozen
 * documents, so matching works on an inverted index of stemmed canonical words with idf weights
 * (a cosine over word sets). fuse.js only spells: a typed word the vocabulary has never seen is
 * looked up among the words of the phrases, synonyms and stopwords, before normalizing, so
 * "amercan express" still becomes "amex" and "lnog" the stopword "long". Its answers are cached.
 */
export class Matcher {
  private readonly documents: readonly MatchDocument[];
  private readonly phraseDocument: Int32Array;
  private readonly phraseWeight: Float64Array;
  private readonly postings = new Map<string, Int32Array>();
  private readonly idf = new Map<string, number>();
  private readonly unknownWeight: number;
  private readonly scratch: Float64Array;
  /** Spelling candidates by "length:first letter"; fuse.js indexes are built on first use. */
  private readonly candidateWords = new Map<string, string[]>();
  private readonly candidateIndexes = new Map<string, Fuse<string>>();
  private readonly stemOfWord = new Map<string, string>();
  /** Words as people type them: in phrases, synonyms and stopwords. */
  private readonly spelled = new Set<string>();
  private readonly typoCache = new Map<string, string | null>();
  private readonly options: Required<MatcherOptions>;

  constructor(
    documents: readonly MatchDocument[],
    private readonly normalizer: Normalizer,
    options: MatcherOptions = {},
  ) {
    this.options = { typoThreshold: 0.6, supportWeight: 0.15, typoCacheSize: 10_000, ...options };
    this.documents = documents;
    const phraseStems: string[][] = [];
    const owners: number[] = [];
    documents.forEach((document, documentIndex) => {
      for (const phrase of document.phrases) {
        for (const word of rawWords(phrase)) this.spelled.add(word);
        const words = normalizer.words(phrase);
        for (const word of words) this.stemOfWord.set(word, stem(word));
        phraseStems.push([...new Set(words.map(stem))]);
        owners.push(documentIndex);
      }
    });
    this.phraseDocument = Int32Array.from(owners);
    this.scratch = new Float64Array(phraseStems.length);

    const lists = new Map<string, number[]>();
    phraseStems.forEach((stems, phraseIndex) => {
      for (const term of stems) {
        const list = lists.get(term) ?? [];
        list.push(phraseIndex);
        lists.set(term, list);
      }
    });
    let maxIdf = 1;
    for (const [term, list] of lists) {
      const weight = Math.log(1 + phraseStems.length / list.length);
      this.idf.set(term, weight);
      this.postings.set(term, Int32Array.from(list));
      maxIdf = Math.max(maxIdf, weight);
    }
    // A word the knowledge base has never seen is strong evidence the question is about
    // something else, so it weighs as much as the rarest known word.
    this.unknownWeight = maxIdf;
    this.phraseWeight = Float64Array.from(phraseStems, (stems) =>
      stems.reduce((sum, term) => sum + (this.idf.get(term) ?? 0), 0),
    );
    this.buildVocabulary();
  }

  /** The documents best matching the text, best first, at most `limit`. */
  rank(text: string, limit = 5): Candidate[] {
    const typed = rawWords(text);
    const spelled = typed.map((word) => this.correct(word) ?? word);
    const words = [...new Set(this.normalizer.words(spelled.join(' ')))];
    if (words.length === 0) return [];
    const terms = new Map<string, number>(); // stem -> its weight
    let queryWeight = 0;
    for (const word of words) {
      const term = stem(word);
      if (terms.has(term)) continue;
      const weight = this.idf.get(term);
      if (weight !== undefined) terms.set(term, weight);
      queryWeight += weight ?? this.unknownWeight;
    }
    if (terms.size === 0) return [];

    const touched: number[] = [];
    const scratch = this.scratch;
    for (const [term, weight] of terms) {
      const list = this.postings.get(term);
      if (!list) continue;
      for (let i = 0; i < list.length; i++) {
        const phrase = list[i];
        if (scratch[phrase] === 0) touched.push(phrase);
        scratch[phrase] += weight;
      }
    }
    // Per document, the best phrase decides; a second phrase that also fits well adds a little,
    // because several ways of asking agreeing is better evidence than one.
    const best = new Map<number, [number, number]>();
    for (const phrase of touched) {
      const score = scratch[phrase] / Math.sqrt(queryWeight * this.phraseWeight[phrase]);
      scratch[phrase] = 0;
      const documentIndex = this.phraseDocument[phrase];
      const top = best.get(documentIndex);
      if (!top) best.set(documentIndex, [score, 0]);
      else if (score > top[0]) best.set(documentIndex, [score, top[0]]);
      else if (score > top[1]) top[1] = score;
    }
    return [...best.entries()]
      .map(([documentIndex, [first, second]]) => [documentIndex, first + this.options.supportWeight * second] as const)
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, limit)
      .map(([documentIndex, score]) => {
        const document = this.documents[documentIndex];
        return { id: document.id, kind: document.kind, score: Math.min(1, score) };
      });
  }

  /** Number of distinct words the knowledge base knows (for diagnostics and benchmarks). */
  get vocabularySize(): number {
    return this.stemOfWord.size;
  }

  private buildVocabulary(): void {
    for (const word of this.normalizer.vocabulary) this.spelled.add(word);
    // Candidates for a typed word: words within two letters of its length that start with the
    // same letter (a typo rarely hits the first one). The sets stay small however large the
    // knowledge base grows, which is what keeps a lookup cheap.
    for (const word of this.spelled) {
      if (word.length < 4 || /^\d+$/.test(word)) continue;
      for (let length = Math.max(4, word.length - 2); length <= word.length + 2; length++) {
        const key = `${length}:${word[0]}`;
        const list = this.candidateWords.get(key) ?? [];
        list.push(word);
        this.candidateWords.set(key, list);
      }
    }
  }

  private candidates(word: string): Fuse<string> | undefined {
    const key = `${word.length}:${word[0]}`;
    let index = this.candidateIndexes.get(key);
    if (!index) {
      const words = this.candidateWords.get(key);
      if (!words) return undefined;
      index = new Fuse(words, { includeScore: true, threshold: this.options.typoThreshold, ignoreLocation: true });
      this.candidateIndexes.set(key, index);
    }
    return index;
  }

  /** The known word a typed one was meant to be, or undefined if it is known or unknowable. */
  private correct(word: string): string | undefined {
    if (word.length < 4 || /\d/.test(word) || this.spelled.has(word) || this.idf.has(stem(word))) return undefined;
    const cached = this.typoCache.get(word);
    if (cached !== undefined) return cached ?? undefined;
    // fuse.js proposes near words cheaply; an edit distance decides, because fuse's scores
    // rank short transpositions ("lnog") below unrelated longer words ("logins").
    const allowed = word.length <= 5 ? 1 : 2;
    let correction: string | null = null;
    let best = allowed + 1;
    for (const hit of this.candidates(word)?.search(word, { limit: 12 }) ?? []) {
      const distance = editDistance(word, hit.item, allowed);
      if (distance < best) {
        best = distance;
        correction = hit.item;
      }
    }
    if (this.typoCache.size >= this.options.typoCacheSize) this.typoCache.clear();
    this.typoCache.set(word, correction);
    return correction ?? undefined;
  }
}
