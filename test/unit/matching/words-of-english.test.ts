import { createMatcher } from '../../../src/matching/create-matcher';
import { englishWords } from '../../../src/matching/english-words';
import { realContent } from '../../support/content';
import { realPolicyDeps } from '../../support/policy-deps';
import type { TurnPlan } from '../../../src/conversation/turn-plan';
import { conversationWith } from '../../support/talking';

/**
 * A word the knowledge base never uses is no typo when it is a word of English: the speller
 * leaves it as typed ("morning" is not "moving", "June" not "junk"), and still corrects what is
 * misspelled. Over the real content.
 */

const matcher = createMatcher(realContent());
const deps = realPolicyDeps({ keepTranscript: false });
const conversation = conversationWith(deps);
const answered = (plan: TurnPlan) =>
  (plan.events ?? []).flatMap((event) => (event.type === 'answered' ? [event.articleId] : []));

describe('words of English', () => {
  it.each(['morning', 'tonight', 'lunch break', 'march', 'june', 'texas', 'special', 'perfect', 'regarding'])(
    '%p is read as typed',
    (word) => {
      expect(matcher.spell(`called this ${word}`)).toBe(`called this ${word}`);
    },
  );

  it.each([
    ['representitive', 'representative'],
    ['verifcation', 'verification'],
    ['acount', 'account'],
  ])('the typo %p is still corrected to %p', (typo, word) => {
    expect(matcher.spell(typo)).toBe(word);
  });

  it.each([
    ['whats the help disk number', 'whats the help desk number'],
    ['the activation coed never came', 'the activation code never came'],
  ])('a slip of a real word that makes a phrase of the content with a neighbour is corrected: %p', (typed, meant) => {
    expect(matcher.spell(typed)).toBe(meant);
  });

  it('the same word beside other words stays as typed', () => {
    expect(matcher.spell('the disk was full')).toBe('the disk was full');
  });

  it('the list holds common words in American and British spelling, and the calendar', () => {
    const words = englishWords();
    for (const word of ['morning', 'colour', 'color', 'centre', 'monday', 'december'])
      expect(words.has(word)).toBe(true);
    expect(words.has('representitive')).toBe(false);
  });
});

describe('what that changes for a reader', () => {
  it('"drawing a blank on my password" is forgetting it (the idiom, not "dialing a bank")', () => {
    const plan = conversation('what is e-services', "I'm drawing a blank on my password");
    expect(answered(plan)).toEqual(['forgot-password']);
  });

  it('"till" is "until": how long until the letter comes, after the mailed code', () => {
    const plan = conversation('how long does the mailed activation code take', 'and till it shows up do I just wait?');
    expect(answered(plan)).toEqual(['stop-after-mail-request']);
  });
});
