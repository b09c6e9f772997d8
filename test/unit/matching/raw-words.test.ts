import { rawWords } from '../../../src/matching/normalizer';

/**
 * rawWords: how a message is split into words, read by dozens of cue lists each turn. Its words
 * are kept for recent texts, so what it returns is frozen: a caller that changed them would
 * change them for every other reader of the same text.
 */

describe('rawWords', () => {
  it('spells out contractions and run-together words, drops accents, keeps "#" as a word', () => {
    expect(rawWords("Can't get thru, código #2")).toEqual(['can', 'not', 'get', 'through', 'codigo', 'number', '2']);
  });

  it('gives the same words for the same text, frozen', () => {
    const first = rawWords('my registration keeps failing');
    expect(rawWords('my registration keeps failing')).toEqual(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(() => (first as string[]).push('x')).toThrow(TypeError);
  });

  it('keeps only recent texts: many different texts later, the first is split afresh, the same', () => {
    const first = rawWords('first text of many');
    for (let n = 0; n < 100; n++) rawWords(`text number ${n}`);
    const again = rawWords('first text of many');
    expect(again).toEqual(first);
    expect(again).not.toBe(first);
  });
});
