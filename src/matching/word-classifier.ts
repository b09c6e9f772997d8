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
  private readonly labels: readonly string[];
  /** Each label's log-likelihood of a feature never seen with it. */
  private readonly unseen: Float64Array;
  /** Per feature, the labels seen with it and how much more likely it is with each than unseen. */
  private readonly seen = new Map<string, { readonly labels: Int32Array; readonly gains: Float64Array }>();

  constructor(examples: readonly LabelledTerms[]) {
    const counts = new Map<string, Map<string, number>>();
    const totals = new Map<string, number>();
    const vocabulary = new Set<string>();
    for (const example of examples) {
      const share = 1 / example.labels.length;
      const features = featuresOf(example.terms);
      for (const label of example.labels) {
        const count = counts.get(label) ?? new Map<string, number>();
        counts.set(label, count);
        for (const feature of features) {
          count.set(feature, (count.get(feature) ?? 0) + share);
          totals.set(label, (totals.get(label) ?? 0) + share);
          vocabulary.add(feature);
        }
      }
    }
    this.labels = [...counts.keys()];
    this.unseen = new Float64Array(this.labels.length);
    const byFeature = new Map<string, Array<[number, number]>>();
    this.labels.forEach((label, index) => {
      const denominator = (totals.get(label) ?? 0) + SMOOTHING * vocabulary.size;
      this.unseen[index] = Math.log(SMOOTHING / denominator);
      for (const [feature, n] of counts.get(label) ?? []) {
        const list = byFeature.get(feature) ?? [];
        list.push([index, Math.log((n + SMOOTHING) / SMOOTHING)]);
        byFeature.set(feature, list);
      }
    });
    for (const [feature, list] of byFeature) {
      this.seen.set(feature, {
        labels: Int32Array.from(list, ([index]) => index),
        gains: Float64Array.from(list, ([, gain]) => gain),
      });
    }
  }

  /** Each label's probability for a message's terms (summing to 1); empty when nothing is known. */
  probabilities(terms: readonly string[]): Map<string, number> {
    const known = featuresOf(terms).flatMap((feature) => this.seen.get(feature) ?? []);
    const result = new Map<string, number>();
    if (known.length === 0) return result;
    const scores = this.unseen.map((unseen) => unseen * known.length);
    for (const seen of known) {
      for (let i = 0; i < seen.labels.length; i++) scores[seen.labels[i]] += seen.gains[i];
    }
    // Naive Bayes counts every feature as independent evidence, so its posteriors are near 0 or 1
    // for every long message; spread over the square root of the features they stay comparable.
    const temperature = Math.sqrt(known.length);
    let best = -Infinity;
    for (let index = 0; index < scores.length; index++) {
      scores[index] /= temperature;
      if (scores[index] > best) best = scores[index];
    }
    let total = 0;
    for (let index = 0; index < scores.length; index++) {
      scores[index] = Math.exp(scores[index] - best);
      total += scores[index];
    }
    this.labels.forEach((label, index) => result.set(label, scores[index] / total));
    return result;
  }
}

/** Distinct terms and pairs of neighbouring terms. */
function featuresOf(terms: readonly string[]): string[] {
  const features = new Set(terms);
  for (let index = 0; index + 1 < terms.length; index++) features.add(`${terms[index]} ${terms[index + 1]}`);
  return [...features];
}
