import { rawWords, stem, type Normalizer } from '../../src/matching/normalizer';

/** Words kept in a question's key: enough to tell questions apart, bounded for odd inputs. */
const MAX_KEY_WORDS = 12;
/** Questions are one group when this share of the shorter one's words are in the other. */
export const SIMILAR = 0.6;

/** Unanswered questions that mean much the same, with a few of the ways they were asked. */
export interface QuestionGroup {
  readonly words: readonly string[];
  count: number;
  readonly examples: string[];
}

/**
 * The words a question is grouped by: the matcher's canonical words (synonyms and abbreviations
 * folded, stopwords dropped), stemmed, each once, in order of the alphabet; redaction markers
 * are not words. Empty for a question with no words at all.
 */
export function questionWords(text: string, normalizer: Normalizer): string[] {
  const plain = text.replace(/\[redacted [a-z]+\]/g, ' ');
  const content = normalizer.words(plain);
  const words = (content.length > 0 ? content : rawWords(plain)).map(stem);
  return [...new Set(words)].sort().slice(0, MAX_KEY_WORDS);
}

/**
 * Groups whose word sets overlap merged, largest first: "how do I renew my efin" and "efin
 * renewal" end up together even though their keys differ. The overlap is measured against the
 * shorter question (the overlap coefficient), so a terse "refund status" joins "where is my
 * client's refund, what is its status".
 */
export function mergeSimilar(groups: readonly QuestionGroup[], maxExamples = 5): QuestionGroup[] {
  const merged: QuestionGroup[] = [];
  for (const group of [...groups].sort((a, b) => b.count - a.count)) {
    const into = merged.find((candidate) => overlap(candidate.words, group.words) >= SIMILAR);
    if (!into) {
      merged.push({ words: group.words, count: group.count, examples: group.examples.slice(0, maxExamples) });
      continue;
    }
    into.count += group.count;
    for (const example of group.examples) {
      if (into.examples.length < maxExamples && !into.examples.includes(example)) into.examples.push(example);
    }
  }
  return merged.sort((a, b) => b.count - a.count);
}

function overlap(a: readonly string[], b: readonly string[]): number {
  const shared = b.filter((word) => a.some((other) => sameWord(word, other))).length;
  const shorter = Math.min(a.length, b.length);
  return shorter === 0 ? 0 : shared / shorter;
}

/** Stems one is the start of the other ("renew", "renewa" from renewal), or the same short word. */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  return Math.min(a.length, b.length) >= 4 && (a.startsWith(b) || b.startsWith(a));
}
