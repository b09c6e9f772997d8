import { createMatcher } from '../../../src/matching/create-matcher';
import { route } from '../../../src/matching/router';
import { createNormalizer, stem } from '../../../src/matching/normalizer';
import { realContent, realLanguage } from '../../support/content';

const content = realContent();
const matcher = createMatcher(content);
const { describesProblem } = realLanguage();
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
  it('reads a word with or without its accents alike', () => {
    expect(normalizer.words('código, México, dirección')).toEqual(normalizer.words('codigo, Mexico, direccion'));
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
