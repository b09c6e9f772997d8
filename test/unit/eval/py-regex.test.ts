import { pyEscape, pyRegex, pySearch, pySub } from '../../../tools/eval/py-regex';

/**
 * Python `re` patterns translated for JavaScript. Every expected value is what
 * re.search(pattern, text, re.I) answers in CPython 3 (checked when the table was written).
 */
describe('pySearch: re.search(pattern, text, re.I) as Python answers it', () => {
  it.each([
    // Unicode \b, \w, \d (JavaScript's own are ASCII-only)
    ['\\bcafé\\b', 'a café, please', true],
    ['\\bcaf\\b', 'a café, please', false],
    ['^\\w+$', 'é', true],
    ['\\d+', '٣٤', true],
    // $ also before a final newline; . everything but \n
    ['^Yes$', 'Yes\n', true],
    ['^Yes$', 'Yes\n\n', false],
    ['a.b', 'a\rb', true],
    ['a.b', 'a\nb', false],
    ['\\Z', '', true],
    // {,n} is {0,n}; braces and brackets that are no syntax are literal
    ['^x{,2}$', 'xx', true],
    ['^x{,2}$', 'xxx', false],
    ['{local', 'x {local y', true],
    ['a]', 'a]', true],
    ['[]a]+$', 'x]a]', true],
    ['x{}', 'x{}', true],
    // named groups and their back references (case-insensitive), comments, leading flags
    ['(?P<w>ab)-(?P=w)', 'AB-ab', true],
    ['(?#note)ok', 'OK', true],
    ['(?i)straße', 'STRASSE', false],
    // what the shared files and the judges use
    ['\\$\\s?\\d', 'fee: $ 5', true],
    ['don.?t', 'DON’T', true],
    ['(Monday (to|through|-|–) Friday)', 'monday – friday', true],
    ['(\\bopen (now|right now)|currently open|is open|are open|we.?re open|it.?s open)', "It's open", true],
    ['(7(:00)?\\s*(p\\.?m\\.?|pm)|19:00)', 'until 7 P.M. Eastern', true],
  ])('/%s/ in %j: %s', (pattern, text, expected) => {
    expect(pySearch(pattern, text)).toBe(expected);
  });

  it('is case-sensitive when asked (the link-target pattern)', () => {
    expect(pySearch('https', 'HTTPS', false)).toBe(false);
    expect(pySearch('https', 'HTTPS')).toBe(true);
  });

  it.each([
    ['(?>a)', 'atomic group'],
    ['a*+', 'possessive'],
    ['a++', 'possessive'],
    ['(?(1)a|b)', 'conditional'],
    ['a(?i:b)', 'scoped'],
    ['(?x) a b', 'flag'],
    ['\\N{DASH}', 'escape'],
    ['[\\W]', 'inside a character set'],
  ])('/%s/ has no JavaScript form and throws (%s), never matching wrongly', (pattern, why) => {
    expect(() => pyRegex(pattern)).toThrow(why);
  });
});

describe('pyEscape and pySub: re.escape and re.sub', () => {
  it.each([
    ['Nov 2', 'Nov 20 or nov 2, and Nov 2.', ' 0 or  , and  .'],
    ['(888)', 'call (888) now? call (888)', 'call   now? call  '],
    ['a.b', 'a.b axb', '  axb'],
    ['c++ [x]', 'C++ [X]!', ' !'],
  ])('re.sub(re.escape(%j), " ", %j, flags=re.I)', (said, text, expected) => {
    expect(pySub(pyEscape(said), ' ', text)).toBe(expected);
  });
});
