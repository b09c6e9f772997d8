import { createMatcher } from '../../../src/matching/create-matcher';
import { createLanguage } from '../../../src/matching/language';
import { route } from '../../../src/matching/router';
import { createNormalizer, stem } from '../../../src/matching/normalizer';
import { realContent } from '../../support/content';

const content = realContent();
const matcher = createMatcher(content);
const { describesProblem } = createLanguage(content.routing);
const decide = (text: string) =>
  route({ candidates: matcher.rank(text), describesProblem: describesProblem(text), previousMisses: 0 });

describe('normalizer', () => {
  const normalizer = createNormalizer(content.synonyms);
  it('lower-cases, strips punctuation and spells out contractions', () => {
    expect(normalizer.allWords("I CAN'T log-in!!")).toEqual(expect.arrayContaining(['can', 'not']));
  });
  it('maps abbreviations to the same words as their long forms', () => {
    expect(normalizer.words('2FA')).toEqual(
      normalizer.words('two-factor authentication').slice(0, normalizer.words('2FA').length),
    );
    expect(normalizer.words('eservices')).toEqual(normalizer.words('e-Services'));
  });
  it.each([
    ['register', 'registration'],
    ['moved', 'moving'],
    ['verified', 'verify'],
    ['codes', 'code'],
  ])('stems %s and %s alike', (a, b) => expect(stem(a)).toBe(stem(b)));
});

describe('matcher and router over the real knowledge base', () => {
  // Paraphrases worded unlike the articles' own questions.
  it.each([
    ['what is the reason for redoing my eservices registration', 'why-re-register'],
    ['which documents or numbers should I gather before I begin', 'what-you-need'],
    ['is a debit card ok for the financial check', 'cards-not-accepted'],
    ['can I verify with my student loan from nelnet', 'student-loan-nelnet'],
    ['my phone is on a prepaid plan, will it be accepted', 'phone-not-in-your-name'],
    ['which address do they want, I relocated last year', 'address-moved'],
    ['will the credit check hurt my score', 'soft-inquiry-credit-report'],
    ['does the IRS store my credit card number', 'financial-data-not-kept'],
    ['do I have to do this every year', 'one-time-process'],
    ['can my whole office share one login', 'personal-not-firm-credentials'],
    ['can our software log in automatically with a script', 'no-scripted-logins'],
    ['I got a text asking for my password, is that the IRS', 'irs-never-asks-by-text-email'],
    ['what button do I press on the help line', 'help-desk-menu-prompt'],
  ])('answers "%s" with %s', (question, id) => {
    expect(decide(question)).toMatchObject({ kind: 'answer', articleId: id });
  });

  it.each([
    ['how lnog does the activaton code by mial take', 'activation-code-by-mail'],
    ['i forgot my pasword', 'forgot-password'],
    ['can I use my amercan express', 'cards-not-accepted'],
  ])('tolerates typos: "%s" -> %s', (question, id) => {
    expect(decide(question)).toMatchObject({ kind: 'answer', articleId: id });
  });

  it.each([
    'how much is the standard deduction for a married couple',
    'where is my refund',
    'what is the capital gains tax rate',
    'who won the game last night',
    'how do I renew my PTIN',
    'lorem ipsum dolor sit amet',
    'zzzz',
  ])('declines "%s"', (question) => {
    expect(decide(question).kind).toBe('decline');
  });

  it('returns no candidates for nothing but stopwords', () => {
    expect(matcher.rank('the and of to')).toEqual([]);
  });

  it('ranks with confidences between 0 and 1, best first', () => {
    const ranked = matcher.rank('what do I need to register');
    expect(ranked.length).toBeGreaterThan(1);
    for (const candidate of ranked) expect(candidate.score).toBeGreaterThan(0);
    for (const candidate of ranked) expect(candidate.score).toBeLessThanOrEqual(1);
    expect([...ranked].sort((a, b) => b.score - a.score)).toEqual(ranked);
  });
});

describe('router decisions (pure)', () => {
  const c = (id: string, score: number, kind: 'article' | 'flow' | 'out-of-scope' = 'article') => ({ id, kind, score });
  it.each([
    ['nothing', [], false, 0, 'decline'],
    ['weak', [c('a', 0.2)], false, 0, 'decline'],
    ['clear winner', [c('a', 0.7), c('b', 0.4)], false, 0, 'answer'],
    ['near tie', [c('a', 0.6), c('b', 0.58), c('c', 0.5)], false, 0, 'did-you-mean'],
    ['certain despite a close second', [c('a', 0.9), c('b', 0.88)], false, 0, 'answer'],
    ['out of scope wins', [c('x', 0.8, 'out-of-scope'), c('a', 0.5)], false, 0, 'decline'],
    ['problem with a flow in reach', [c('a', 0.6), c('f', 0.45, 'flow')], true, 0, 'flow'],
    ['question with a flow in reach', [c('a', 0.7), c('f', 0.45, 'flow')], false, 0, 'answer'],
    ['a flow on top for a statement', [c('f', 0.7, 'flow'), c('a', 0.6)], false, 0, 'flow'],
  ] as const)('%s -> %s', (_name, candidates, problem, misses, kind) => {
    expect(route({ candidates: [...candidates], describesProblem: problem, previousMisses: misses }).kind).toBe(kind);
  });

  it('a question prefers a close article to a flow on top; a problem report keeps the flow', () => {
    const candidates = [c('f', 0.7, 'flow'), c('a', 0.6)];
    expect(route({ candidates, describesProblem: false, isQuestion: true, previousMisses: 0 })).toMatchObject({
      kind: 'answer',
      articleId: 'a',
    });
    expect(route({ candidates, describesProblem: true, isQuestion: true, previousMisses: 0 })).toMatchObject({
      kind: 'flow',
      flowId: 'f',
    });
  });

  it('marks the second miss in a row', () => {
    expect(route({ candidates: [], describesProblem: false, previousMisses: 1 })).toEqual({
      kind: 'decline',
      repeated: true,
    });
  });

  it('did-you-mean never offers out-of-scope topics', () => {
    const decision = route({
      candidates: [c('a', 0.6), c('x', 0.59, 'out-of-scope'), c('b', 0.58)],
      describesProblem: false,
      previousMisses: 0,
    });
    expect(decision).toEqual({ kind: 'did-you-mean', options: [c('a', 0.6), c('b', 0.58)] });
  });
});
