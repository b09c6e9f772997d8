/** A way someone asked, and the articles that answer it. */
export interface LabelledTerms {
  /** The message's terms, in order (normalized and stemmed as the matcher reads them). */
  readonly terms: readonly string[];
  readonly labels: readonly string[];
}

/** How much a feature never seen with a label still counts (additive smoothing). */
const SMOOTHING = 0.5;

/**
 * Which article a message means, learned from how people have asked: naive Bayes over its terms
 * and pairs of neighbouring terms, with every label equally likely beforehand. BM25 reads a
 * question against the ways the content says it; this reads it against the ways people said it,
 * so a word that people use for one topic but the content never does ("bounced", "snail mail")
 * still points somewhere. A wording with several labels counts a share in each.
 */
export class WordClassifier {
  private readonly logLikelihood = new Map<string, Map<string, number>>();
  private readonly unseen = new Map<string, number>();
  private readonly vocabulary = new Set<string>();

  constructor(examples: readonly LabelledTerms[]) {
    const counts = new Map<string, Map<string, number>>();
    const totals = new Map<string, number>();
    for (const example of examples) {
      const share = 1 / example.labels.length;
      const features = featuresOf(example.terms);
      for (const label of example.labels) {
        const count = counts.get(label) ?? new Map<string, number>();
        counts.set(label, count);
        for (const feature of features) {
          count.set(feature, (count.get(feature) ?? 0) + share);
          totals.set(label, (totals.get(label) ?? 0) + share);
          this.vocabulary.add(feature);
        }
      }
    }
    const size = this.vocabulary.size;
    for (const [label, count] of counts) {
      const denominator = (totals.get(label) ?? 0) + SMOOTHING * size;
      const table = new Map<string, number>();
      for (const [feature, n] of count) table.set(feature, Math.log((n + SMOOTHING) / denominator));
      this.logLikelihood.set(label, table);
      this.unseen.set(label, Math.log(SMOOTHING / denominator));
    }
  }

  /** Each label's probability for a message's terms (summing to 1); empty when nothing is known. */
  probabilities(terms: readonly string[]): Map<string, number> {
    const features = featuresOf(terms).filter((feature) => this.vocabulary.has(feature));
    const result = new Map<string, number>();
    if (features.length === 0) return result;
    let best = -Infinity;
    // Naive Bayes counts every feature as independent evidence, so its posteriors are near 0 or 1
    // for any long message; spread over the square root of the features they stay comparable.
    const temperature = Math.sqrt(features.length);
    for (const [label, table] of this.logLikelihood) {
      const unseen = this.unseen.get(label) ?? 0;
      let score = 0;
      for (const feature of features) score += table.get(feature) ?? unseen;
      score /= temperature;
      result.set(label, score);
      if (score > best) best = score;
    }
    let total = 0;
    for (const [label, score] of result) {
      const weight = Math.exp(score - best);
      result.set(label, weight);
      total += weight;
    }
    for (const [label, weight] of result) result.set(label, weight / total);
    return result;
  }
}

/** Distinct terms and pairs of neighbouring terms. */
function featuresOf(terms: readonly string[]): string[] {
  const features = new Set(terms);
  for (let index = 0; index + 1 < terms.length; index++) features.add(`${terms[index]} ${terms[index + 1]}`);
  return [...features];
}
