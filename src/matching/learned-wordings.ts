import type { Wording } from '../content/wordings-schema';
import type { MatchDocument } from './candidate';
import { stem, type Normalizer } from './normalizer';
import { WordClassifier } from './word-classifier';

/** The classifier's label for questions no article answers (no article id has spaces). */
const OUT_OF_SCOPE = 'out of scope';

/**
 * The classifier of people's wordings, which also learns the content's own ways of asking: an
 * article's phrases are its wordings, and an out-of-scope topic's examples, like a wording no
 * article answers, are a label of their own, so words that point away from every article take
 * their lift away from all of them. Flows are left out: their triggers report problems, which
 * are never read with the lift.
 */
export function learnWordings(
  wordings: readonly Wording[],
  documents: readonly MatchDocument[],
  normalizer: Normalizer,
): WordClassifier {
  const termsOf = (text: string) => [...new Set(normalizer.words(text).map(stem))];
  const examples = wordings.map((wording) => ({
    terms: termsOf(wording.text),
    labels: wording.articles.length > 0 ? wording.articles : [OUT_OF_SCOPE],
  }));
  for (const document of documents) {
    if (document.kind === 'flow') continue;
    const labels = [document.kind === 'article' ? document.id : OUT_OF_SCOPE];
    for (const phrase of document.phrases) examples.push({ terms: termsOf(phrase), labels });
  }
  return new WordClassifier(examples);
}
