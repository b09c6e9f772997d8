import { realLanguage } from '../../support/content';

/**
 * What the user will do next, told with "will" and no subject ("will go bug them instead"), is no
 * question: it closes a conversation instead of being answered. "Will" followed by what it asks
 * about ("will it…", "will the texts…") still asks. Words from knowledge/routing.yaml.
 */
const language = realLanguage();

describe('a plan told with "will"', () => {
  it.each([
    'ok got it, will go bug them instead. bye',
    'thanks, will call them tomorrow morning',
    'perfect, will reach out to ID.me then',
    'got it, will ring them after lunch',
  ])('"%s" tells, it does not ask', (text) => {
    expect(language.isQuestion(text)).toBe(false);
    expect(language.statesAPlan(text)).toBe(true);
  });

  it.each([
    'ok, will it work with my UK phone',
    'thanks. will the letter come to my old address',
    'will they call me back',
  ])('"%s" still asks', (text) => {
    expect(language.isQuestion(text)).toBe(true);
  });
});

describe('a guess told with "could be", "might be"', () => {
  it.each(['could be my birthday or SSN', 'might be the address, not sure', 'may be the phone step'])(
    '"%s" tells',
    (text) => {
      expect(language.isQuestion(text)).toBe(false);
    },
  );

  it.each([
    'could it be my address',
    'could be worse?',
    'would it be the phone step',
    'may be a dumb question but do I need my AGI',
    'will call forwarding work for the text code',
  ])('"%s" asks', (text) => {
    expect(language.isQuestion(text)).toBe(true);
  });
});
