import { summaryOf } from '../../../src/bot/cards/summary';

/** The one line Teams shows for a card message in its chat list and notifications. */
describe('summaryOf', () => {
  it.each([
    ['a short text, whole', 'Where does the registration stop?', 'Where does the registration stop?'],
    [
      'markdown links and bold, as plain words',
      'See **[the notice](https://example.org/n)** now.',
      'See the notice now.',
    ],
    ['line breaks, as spaces', 'One line\n\nand the next.', 'One line and the next.'],
    [
      'a long text, up to its last sentence that fits',
      `This first sentence says enough on its own to stand. ${'More words follow here. '.repeat(8)}`,
      'This first sentence says enough on its own to stand. More words follow here. More words follow here.',
    ],
    [
      'not at "c. 2016" or "ID.me"',
      `Sign-in moved to ID.me in the years since c. 2016 and everything about the process is different now ${'and longer '.repeat(6)}`,
      'Sign-in moved to ID.me in the years since c. 2016 and everything about the process is different now and longer and…',
    ],
  ])('%s', (_name, text, summary) => {
    expect(summaryOf(text)).toBe(summary);
    expect(summaryOf(text).length).toBeLessThanOrEqual(120);
  });

  it('a text with no sentence end in time is cut at a word', () => {
    const summary = summaryOf('word '.repeat(40));
    expect(summary).toMatch(/^(word ){23}word…$/);
  });
});
