import { pyFixed, pyRepr, pyStr } from '../../../tools/eval/py-format';

/** Python's repr(), str() and f"{x:.Nf}", as the shared judges print them (values from CPython 3). */
describe('pyRepr and pyStr', () => {
  it.each([
    ["it's", '"it\'s"'],
    ['say "hi"', '\'say "hi"\''],
    ['both \' and "', "'both \\' and \"'"],
    ['tab\tnew\nline', "'tab\\tnew\\nline'"],
    ['é – \u200b', "'é – \\u200b'"],
    [['Yes', 'No'], "['Yes', 'No']"],
    [{ action: 'x', n: 1, ok: true, none: null }, "{'action': 'x', 'n': 1, 'ok': True, 'none': None}"],
  ])('repr(%j) is %s', (value, expected) => {
    expect(pyRepr(value)).toBe(expected);
  });

  it.each([
    [true, 'True'],
    [90, '90'],
    [null, 'None'],
    ['text', 'text'],
  ])('str(%j) is %s', (value, expected) => {
    expect(pyStr(value)).toBe(expected);
  });
});

describe('pyFixed rounds exact ties to even, as Python formats them', () => {
  it.each([
    [6.25, 1, '6.2'],
    [12.5, 1, '12.5'],
    [2.675, 2, '2.67'],
    [12.35, 1, '12.3'],
    [0.5, 0, '0'],
    [1.5, 0, '2'],
    [45, 1, '45.0'],
    [100 / 3, 1, '33.3'],
  ])('%d to %d digits: %s', (x, digits, expected) => {
    expect(pyFixed(x, digits)).toBe(expected);
  });
});
