import { realLanguage } from '../../support/content';

/**
 * language.asksYesOrNo over the real routing words: a question answered yes or no, told from
 * one asking what, how or why, and from one offering two ways.
 */
const language = realLanguage();

describe('a question answered yes or no', () => {
  it.each([
    'is ID.me mandatory now?',
    'is ID.me mandatory for e-services now?',
    'so do I still need a phone?',
    'I registered in 2017, do I need to do anything now?',
    'Our agency only uses TIN Matching. Is Secure Access required for us',
    'landline ok?',
    'can I skip it',
  ])('%p asks yes or no', (text) => {
    expect(language.asksYesOrNo(text)).toBe(true);
  });

  it.each([
    "what's TIN matching?",
    'how long does the letter take?',
    "I'm confused, is it Secure Access or ID.me?",
    'I heard TIN matching users get a streamlined process, what is it?',
    'dashes?',
    'my old secure access login stopped working',
  ])('%p does not', (text) => {
    expect(language.asksYesOrNo(text)).toBe(false);
  });
});
