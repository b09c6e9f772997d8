/**
 * Counts as people write them in words ("in ten minutes", "two weeks ago"), shared by the
 * readers of times and of dates.
 */
export const COUNT_WORDS: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
};

/** A count in digits (up to three) or in words, as the alternatives of a regular expression's group. */
export const COUNT_PATTERN = `\\d{1,3}|${Object.keys(COUNT_WORDS).join('|')}`;

/** The number a count matched by {@link COUNT_PATTERN} stands for. */
export function countOf(written: string): number {
  return COUNT_WORDS[written] ?? Number(written);
}
