import { findSensitiveNumbers, redactSensitiveNumbers } from '../../../src/privacy/sensitive-numbers';

describe('sensitive numbers', () => {
  it.each([
    ['my ssn is 123-45-6789', 'ssn'],
    ['ssn 123 45 6789 ok?', 'ssn'],
    ['123456789', 'ssn'],
    ['ITIN 912-70-1234', 'itin'],
    ['our EIN is 12-3456789', 'ein'],
    ['PTIN P01234567', 'ptin'],
    ['ptin p-01234567', 'ptin'],
    ['card 4111 1111 1111 1111', 'card'],
    ['card 4111-1111-1111-1111', 'card'],
    ['amex 378282246310005', 'card'],
    ['loan acct 7700123456 keeps failing', 'account'],
    ['my account # is 0012-3456-78', 'account'],
    ['routing 021000021', 'account'],
    ['HELOC 44556677', 'account'],
  ])('finds "%s" as %s', (text, kind) => {
    expect(findSensitiveNumbers(text).map((match) => match.kind)).toEqual([kind]);
  });

  it.each([
    'call 1-888-841-4648',
    'it takes up to 10 business days',
    'I requested it on 11/20/2026',
    'the last 8 digits of my card',
    'card 4111111111111112', // run together and failing the Luhn check
    'order 1234567890123',
    'Letter 5903',
    'account locked since 11/20/2026',
    'loan of 250000',
    'account locked 3 times',
  ])('leaves "%s" alone', (text) => {
    expect(findSensitiveNumbers(text)).toEqual([]);
  });

  it('redacts every number and keeps the rest of the text', () => {
    expect(redactSensitiveNumbers('ssn 123-45-6789 and card 4111111111111111, help')).toBe(
      'ssn [redacted ssn] and card [redacted card], help',
    );
  });

  it('counts 13-19 digits run together as a card only when they pass the Luhn check', () => {
    expect(findSensitiveNumbers('4111111111111111').map((match) => match.kind)).toEqual(['card']);
    expect(findSensitiveNumbers('4111111111111112')).toEqual([]);
    expect(findSensitiveNumbers('4222222222222').map((match) => match.kind)).toEqual(['card']);
  });

  it('counts digits grouped as cards are printed as a card, even when mistyped (Luhn fails)', () => {
    expect(findSensitiveNumbers('visa 4532 7153 3790 4412 keeps failing').map((match) => match.kind)).toEqual(['card']);
    expect(findSensitiveNumbers('amex 3782-822463-10006').map((match) => match.kind)).toEqual(['card']);
    // Other groupings of as many digits are not cards by their shape alone.
    expect(findSensitiveNumbers('ref 45327 15337 904412')).toEqual([]);
  });
});
