import { Speller } from './speller';
import type { Wording } from '../content/wordings-schema';
import { rawWords, stem, type Normalizer } from './normalizer';
import { learnWordings } from './learned-wordings';
import { exactKey } from './exact-key';
import type { WordClassifier } from './word-classifier';
import type { Candidate, MatchDocument } from './candidate';

export interface MatcherOptions {
  /** How close an unknown word must be to a known one to count as a typo (fuse.js, 0 = exact). */
  readonly typoThreshold?: number;
  /** Bound on the typo cache, so odd inputs cannot grow memory without limit. */
  readonly typoCacheSize?: number;
  /** How much a word of a document's body counts against one of its phrases. */
  readonly bodyWeight?: number;
  /** BM25's term saturation (k1) and length normalisation (b). */
  readonly k1?: number;
  readonly b?: number;
  /** How much a word the knowledge base has never seen lowers confidence, against the rarest known word. */
  readonly unknownWeight?: number;
  /** The idf a message's known words must add up to for full confidence: one common word is thin evidence. */
  readonly evidence?: number;
  /** How much the classifier learned from people's wordings adds to an article's score, at certainty. */
  readonly learnedWeight?: number;
}

/** The shortest word of a pair that corrects a slip: "the desk" is no reason to read "the disk" so. */
const PAIR_WORD = 4;

/** How much a typo's correction counts, against a word typed right. */
const GUESS_WEIGHT = 0.6;

/**
 * Ranks documents for a question with BM25 over each document as a whole: every way of asking
 * it (a word counts once per phrase that has it) and, more weakly, what it says. Scoring the
 * document rather than its best phrase is what lets context words ("for the firm's account")
 * and run-ons find support somewhere in it instead of pulling the match apart. The score is
 * BM25 divided by what a perfect match of every query word would get, so it reads as a
 * confidence between 0 and 1; words the knowledge base has never seen count in that bound, so
 * a question about something else scores low. fuse.js only spells: a typed word the vocabulary
 * has never seen is looked up among the words of the phrases, synonyms and stopwords, before
 * normalizing, so "amercan express" still becomes "amex". Its answers are cached.
 */
export class Matcher {
  private readonly documents: readonly MatchDocument[];
  private readonly postings = new Map<string, { readonly documents: Int32Array; readonly weights: Float64Array }>();
  private readonly idf = new Map<string, number>();
  private readonly unknownIdf: number;
  private readonly scratch: Float64Array;
  private readonly stemOfWord = new Map<string, string>();
  private readonly speller: Speller;
  /** Each phrase's canonical words, joined: a message worded exactly as a phrase is that document. */
  private readonly exactPhrases = new Map<string, number>();
  private readonly options: Required<MatcherOptions>;
  private readonly outOfScopeTerms: ReadonlySet<string>;
  /** Words only out-of-scope topics have, however often. */
  private readonly outOfScopeOnly: ReadonlySet<string>;
  private readonly learned?: WordClassifier;

  constructor(
    documents: readonly MatchDocument[],
    private readonly normalizer: Normalizer,
    options: MatcherOptions = {},
    wordings: readonly Wording[] = [],
    /** Words of the language that are no typos, though the knowledge base never uses them. */
    isWord: (word: string) => boolean = () => false,
  ) {
    this.options = {
      typoThreshold: 0.6,
      typoCacheSize: 10_000,
      bodyWeight: 0.3,
      k1: 1.2,
      b: 1,
      unknownWeight: 0.5,
      evidence: 4,
      learnedWeight: 0.2,
      ...options,
    };
    this.documents = documents;
    const { k1, b, bodyWeight } = this.options;
    const stems = (text: string) => {
      const words = normalizer.words(text);
      for (const word of words) this.stemOfWord.set(word, stem(word));
      return new Set(words.map(stem));
    };
    // Words as people type them (phrases, synonyms, stopwords): what the speller corrects toward.
    const spelled = new Set<string>();
    // Neighbouring words of the phrases ("help desk"): a slip of a real word that makes one is a typo.
    const pairs = new Set<string>();
    const bags = documents.map((document, documentIndex) => {
      const bag = new Map<string, number>();
      for (const phrase of document.phrases) {
        const words = rawWords(phrase);
        for (const word of words) spelled.add(word);
        for (let at = 0; at + 1 < words.length; at++)
          if (words[at].length >= PAIR_WORD && words[at + 1].length >= PAIR_WORD)
            pairs.add(`${words[at]} ${words[at + 1]}`);
        const key = exactKey(phrase, normalizer);
        if (!key.endsWith('|') && !this.exactPhrases.has(key)) this.exactPhrases.set(key, documentIndex);
        for (const term of stems(phrase)) bag.set(term, (bag.get(term) ?? 0) + 1);
      }
      if (document.body) for (const term of stems(document.body)) bag.set(term, (bag.get(term) ?? 0) + bodyWeight);
      return bag;
    });
    const lengths = bags.map((bag) => [...bag.values()].reduce((sum, count) => sum + count, 0));
    const averageLength = lengths.reduce((sum, length) => sum + length, 0) / Math.max(1, lengths.length);

    const lists = new Map<string, Array<[number, number]>>();
    bags.forEach((bag, documentIndex) => {
      // BM25's saturated term weight, with the document's length folded in once, here.
      const norm = k1 * (1 - b + (b * lengths[documentIndex]) / averageLength);
      for (const [term, count] of bag) {
        const list = lists.get(term) ?? [];
        list.push([documentIndex, (count * (k1 + 1)) / (count + norm)]);
        lists.set(term, list);
      }
    });
    const count = documents.length;
    for (const [term, list] of lists) {
      this.idf.set(term, Math.log(1 + (count - list.length + 0.5) / (list.length + 0.5)));
      this.postings.set(term, {
        documents: Int32Array.from(list, ([documentIndex]) => documentIndex),
        weights: Float64Array.from(list, ([, weight]) => weight),
      });
    }
    this.unknownIdf = Math.log(1 + (count + 0.5) / 0.5);
    const outOfScope = this.outOfScopeCounts(bags);
    this.outOfScopeTerms = new Set([...outOfScope].filter(([, count]) => count >= 2).map(([term]) => term));
    this.outOfScopeOnly = new Set(outOfScope.keys());
    this.scratch = new Float64Array(count);
    for (const word of normalizer.vocabulary) spelled.add(word);
    this.speller = new Speller(
      spelled,
      (term) => this.idf.has(term),
      this.options.typoThreshold,
      this.options.typoCacheSize,
      isWord,
      pairs,
    );
    this.learned = wordings.length === 0 ? undefined : learnWordings(wordings, documents, normalizer);
  }

  /**
   * The documents best matching the text, best first, at most `limit`. Words of `context` (what
   * the conversation is about) count `contextWeight` as much as the text's own, and not in the
   * bound: they break ties among weak readings of a follow-up ("who handles that then?") without
   * overriding what the text says clearly. `learned`: an article also gains what the wordings
   * people used for it say (up to `learnedWeight`), for a question read on its own.
   */
  rank(
    text: string,
    limit = 5,
    context?: { readonly text: string; readonly weight: number },
    learned = false,
  ): Candidate[] {
    const { terms, guessed } = this.guessedTermsOf(text);
    if (terms.length === 0) return [];
    const { k1, unknownWeight } = this.options;
    let bound = 0;
    let known = 0;
    const weighted = new Map<string, number>();
    for (const term of terms) {
      const weight = this.idf.get(term);
      bound += weight === undefined ? unknownWeight * this.unknownIdf * (k1 + 1) : weight * (k1 + 1);
      // A typo's correction is a guess: it finds the right document but says less for sure.
      const sure = guessed.has(term) ? GUESS_WEIGHT : 1;
      if (weight !== undefined) weighted.set(term, weight * sure);
      known += (weight ?? 0) * sure;
    }
    // A message of one or two common words ("is it working?") can match well without saying much.
    bound /= Math.min(1, known / this.options.evidence);
    if (context) {
      for (const term of this.termsOf(context.text)) {
        const weight = this.idf.get(term);
        if (weight !== undefined && !weighted.has(term)) weighted.set(term, weight * context.weight);
      }
    }

    const touched: number[] = [];
    const scratch = this.scratch;
    for (const [term, weight] of weighted) {
      const list = this.postings.get(term);
      if (!list) continue;
      for (let i = 0; i < list.documents.length; i++) {
        const documentIndex = list.documents[i];
        if (scratch[documentIndex] === 0) touched.push(documentIndex);
        scratch[documentIndex] += weight * list.weights[i];
      }
    }
    const scored = touched.map((documentIndex) => {
      const score = scratch[documentIndex] / bound;
      scratch[documentIndex] = 0;
      return [documentIndex, score] as [number, number];
    });
    // What people's wordings teach lifts an article, never a flow or an out-of-scope topic: they
    // were learned from questions the articles answer.
    const probabilities = learned ? this.learned?.probabilities(terms) : undefined;
    if (probabilities) {
      for (const entry of scored) {
        const document = this.documents[entry[0]];
        if (document.kind === 'article') entry[1] += this.options.learnedWeight * (probabilities.get(document.id) ?? 0);
      }
    }
    return scored
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, limit)
      .map(([documentIndex, score]) => {
        const document = this.documents[documentIndex];
        return { id: document.id, kind: document.kind, score: Math.min(1, score) };
      });
  }

  /**
   * Whether the text names a word (typed, not guessed) that only out-of-scope topics know: "how
   * long does EFIN approval take?" is about EFINs, however well "how long" matches an article.
   */
  namesOutOfScopeOnly(text: string): boolean {
    const { terms, guessed } = this.guessedTermsOf(text);
    return terms.some((term) => this.outOfScopeTerms.has(term) && !guessed.has(term));
  }

  /** Whether every content word of the text (typos corrected) is one an in-scope document has ("mileage" is not). */
  knowsEveryWord(text: string): boolean {
    return this.guessedTermsOf(text).terms.every((term) => this.inScope(term));
  }

  /** The text's content words (typos corrected) that some in-scope document has, stemmed. */
  knownTerms(text: string): string[] {
    return this.guessedTermsOf(text).terms.filter((term) => this.inScope(term));
  }

  /** A stemmed term some in-scope document has. */
  private inScope(term: string): boolean {
    return this.idf.has(term) && !this.outOfScopeOnly.has(term);
  }

  /**
   * Words nothing in scope has, each with the most ways of asking of one out-of-scope topic that
   * have it (in two or more, the word names that topic).
   */
  private outOfScopeCounts(bags: ReadonlyArray<ReadonlyMap<string, number>>): Map<string, number> {
    const inScope = new Set<string>();
    const outOfScope = new Map<string, number>();
    bags.forEach((bag, documentIndex) => {
      const kind = this.documents[documentIndex].kind;
      for (const [term, count] of bag) {
        if (kind !== 'out-of-scope') inScope.add(term);
        else outOfScope.set(term, Math.max(outOfScope.get(term) ?? 0, count));
      }
    });
    for (const term of inScope) outOfScope.delete(term);
    return outOfScope;
  }

  /** The document one of whose phrases the text is, word for word (after normalizing), when there is one. */
  exact(text: string): Candidate | undefined {
    const documentIndex = this.exactPhrases.get(exactKey(text, this.normalizer));
    if (documentIndex === undefined) return undefined;
    const document = this.documents[documentIndex];
    return { id: document.id, kind: document.kind, score: 1 };
  }

  /**
   * The text's words with typos corrected ("speak to a representitive"), for reading cues;
   * words the matcher has never seen and can't place are kept as typed.
   */
  spell(text: string): string {
    const typed = rawWords(text);
    return this.speller
      .correctEach(typed)
      .map((correction, index) => correction ?? typed[index])
      .join(' ');
  }

  /** The text's distinct stemmed content words, typos corrected. */
  private termsOf(text: string): Set<string> {
    return new Set(this.guessedTermsOf(text).terms);
  }

  /** The text's stemmed content words, and those that are typo corrections (a guess, weaker evidence). */
  private guessedTermsOf(text: string): { terms: string[]; guessed: Set<string> } {
    const typed = rawWords(text);
    const corrections = this.speller.correctEach(typed);
    const spelled = typed.map((word, index) => corrections[index] ?? word);
    const guessed = new Set(
      corrections.flatMap((correction) => (correction ? this.normalizer.words(correction).map(stem) : [])),
    );
    return { terms: [...new Set(this.normalizer.words(spelled.join(' ')).map(stem))], guessed };
  }

  /** The words that name an out-of-scope topic (for diagnostics). */
  get outOfScopeWords(): readonly string[] {
    return [...this.outOfScopeTerms].sort();
  }

  /** Number of distinct words the knowledge base knows (for diagnostics and benchmarks). */
  get vocabularySize(): number {
    return this.stemOfWord.size;
  }
}
