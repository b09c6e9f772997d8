import { Matcher } from '../../../src/matching/matcher';
import { createNormalizer } from '../../../src/matching/normalizer';
import { WordClassifier } from '../../../src/matching/word-classifier';

/** Terms as the matcher reads them, for a classifier fed directly. */
const terms = (text: string) => text.split(' ');

describe('word classifier (what people have said for each article)', () => {
  const classifier = new WordClassifier([
    { terms: terms('letter mail slow'), labels: ['mailed-code'] },
    { terms: terms('snail mail never came'), labels: ['mailed-code'] },
    { terms: terms('phone prepaid text'), labels: ['phone'] },
    { terms: terms('burner phone text'), labels: ['phone'] },
    { terms: terms('code text mail'), labels: ['mailed-code', 'phone'] },
  ]);

  it('points a word only people used to the article they used it for', () => {
    const probabilities = classifier.probabilities(terms('snail'));
    expect(probabilities.get('mailed-code')).toBeGreaterThan(probabilities.get('phone') ?? 1);
    const burner = classifier.probabilities(terms('burner'));
    expect(burner.get('phone')).toBeGreaterThan(burner.get('mailed-code') ?? 1);
  });

  it('gives probabilities that add up to one', () => {
    const total = [...classifier.probabilities(terms('mail text')).values()].reduce((sum, p) => sum + p, 0);
    expect(total).toBeCloseTo(1, 10);
  });

  it('says nothing about words it has never seen', () => {
    expect(classifier.probabilities(terms('mileage deduction')).size).toBe(0);
    expect(classifier.probabilities([]).size).toBe(0);
  });
});

describe('the matcher with wordings', () => {
  const normalizer = createNormalizer({ version: 1, synonyms: {}, stopwords: ['the', 'my', 'is', 'a'] });
  const documents = [
    {
      id: 'mailed-code',
      kind: 'article' as const,
      phrases: ['how long does the activation code letter take to arrive by post'],
    },
    { id: 'phone', kind: 'article' as const, phrases: ['which phone gets the code'] },
    { id: 'refunds', kind: 'out-of-scope' as const, phrases: ['where is my refund'] },
  ];
  const wordings = [
    { text: 'the snail mail code still missing', articles: ['mailed-code'] },
    { text: 'snail mail taking forever for the code', articles: ['mailed-code'] },
    { text: 'my prepaid phone will not get the code', articles: ['phone'] },
  ];
  const learned = new Matcher(documents, normalizer, {}, wordings);
  const plain = new Matcher(documents, normalizer);

  it('lifts the article people asked that way for, when asked to', () => {
    const text = 'snail mail code';
    expect(plain.rank(text)[0].id).toBe('phone');
    expect(learned.rank(text, 5, undefined, true)[0].id).toBe('mailed-code');
    // A follow-up or a problem report is read without what the wordings teach.
    expect(learned.rank(text)).toEqual(plain.rank(text));
  });

  it('never lifts more than its weight, and never an out-of-scope topic', () => {
    const text = 'where is my refund code';
    const before = plain.rank(text);
    const after = learned.rank(text, 5, undefined, true);
    for (const candidate of after) {
      const was = before.find((other) => other.id === candidate.id)?.score ?? 0;
      expect(candidate.score - was).toBeLessThanOrEqual(0.2 + 1e-9);
      if (candidate.kind !== 'article') expect(candidate.score).toBe(was);
    }
  });
});
