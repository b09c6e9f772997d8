import { keptText, MAX_KEPT_TEXT } from '../../../src/analytics/kept-text';
import { findSensitiveNumbers } from '../../../src/privacy/sensitive-numbers';
import { keepsDigits, pastedNumbers } from './privacy-fixtures';

describe('the text analytics keep', () => {
  const formats = pastedNumbers();

  it('is checked against every format the privacy tests know', () => {
    expect(formats.length).toBeGreaterThanOrEqual(46);
  });

  it.each(formats.map((row) => [row.format, row] as const))('never keeps a pasted %s', (_format, row) => {
    const kept = keptText(`hi, my number is ${row.pasted} - can I use it to verify?`) ?? '';
    expect(keepsDigits(kept, row.digits)).toBe(false);
    expect(findSensitiveNumbers(kept)).toEqual([]);
    expect(kept).toContain('[redacted');
    expect(kept).toContain('can I use it to verify?');
  });

  it.each([
    ['zero-width spaces', '123\u200b45\u200b6789'],
    ['word joiners', '4111\u20601111\u20601111\u20601111'],
    ['soft hyphens', '123\u00ad45\u00ad6789'],
    ['line breaks', '123\n45\n6789'],
  ])('never keeps a number split by %s', (_how, pasted) => {
    const kept = keptText(`number ${pasted} please`) ?? '';
    expect(kept.replace(/\D/g, '')).toBe('');
  });

  it('keeps the short numbers people write: dates, letter numbers, days', () => {
    expect(keptText('I requested the code on 11/20/2026, letter 5903, 10 business days ago')).toBe(
      'I requested the code on 11/20/2026, letter 5903, 10 business days ago',
    );
  });

  it('drops any other run of nine or more digits, phone numbers too', () => {
    expect(keptText('my order 1234567890123 is late')).toBe('my order [redacted number] is late');
    expect(keptText('I called 1-888-841-4648')).toBe('I called [redacted number]');
  });

  it('is cut at a word past the limit, and never cut into a number', () => {
    const long = `${'why does the registration fail '.repeat(20)}ssn 123-45-6789`;
    const kept = keptText(long) ?? '';
    expect(kept.length).toBeLessThanOrEqual(MAX_KEPT_TEXT + 1);
    expect(kept.endsWith('…')).toBe(true);
    const cutNumber = keptText(`${'x'.repeat(MAX_KEPT_TEXT - 5)} 4111 1111 1111 1111`) ?? '';
    expect(cutNumber).not.toMatch(/4111/);
  });

  it('is nothing for blank text', () => {
    expect(keptText(' \u200b\t ')).toBeUndefined();
  });
});
