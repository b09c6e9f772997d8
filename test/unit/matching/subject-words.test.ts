import { realLanguage } from '../../support/content';

/**
 * namesOnlyTheSubject(text): words that name nothing narrower than the bot's whole subject
 * (knowledge/routing.yaml subjectWords). "Who do I call about" them is the help desk (or whoever
 * helps with the topic just answered), and in a long story such a sentence is not its point.
 */
const language = realLanguage();

it.each([
  'for secure access problems',
  'then if it isn’t working',
  'What am I doing wrong?',
  "I've done it 3 times now.",
  '',
])('"%s" names only the subject', (text) => {
  expect(language.namesOnlyTheSubject(text)).toBe(true);
});

it.each([
  'about my ID.me lockout',
  'with my new cell number',
  'it keeps saying my information doesn’t match',
  'about a suspended account',
  'about my 1099 filing',
])('"%s" names something narrower', (text) => {
  expect(language.namesOnlyTheSubject(text)).toBe(false);
});
