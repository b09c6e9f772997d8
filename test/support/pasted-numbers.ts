/**
 * What people really paste: every format the security review of 2026-11-26 found slipping
 * through (21 of 36), beside the ones that were always caught. The privacy tests send each in its
 * own conversation (test/http/privacy: then "talk to a person" with handoff events on; the
 * analytics tests: in a declined question and under a "not helpful" answer).
 */
export const PASTED_NUMBERS: ReadonlyArray<readonly [string, string, string]> = [
  // [format, as pasted, the digits that must never be kept]
  ['SSN with dashes', '123-45-6789', '123456789'],
  ['SSN with spaces', '123 45 6789', '123456789'],
  ['SSN plain', '123456789', '123456789'],
  ['SSN with a tab', '123\t45\t6789', '123456789'],
  ['SSN with dots', '123.45.6789', '123456789'],
  ['SSN with en dashes', '123\u201345\u20136789', '123456789'],
  ['SSN with non-breaking hyphens', '123\u201145\u20116789', '123456789'],
  ['SSN with non-breaking spaces', '123\u00a045\u00a06789', '123456789'],
  ['SSN with slashes', '123/45/6789', '123456789'],
  ['SSN with underscores', '123_45_6789', '123456789'],
  ['SSN with double spaces', '123  45  6789', '123456789'],
  ['SSN glued to its label', 'SSN123456789', '123456789'],
  ['SSN glued to letters after', '123-45-6789abc', '123456789'],
  ['SSN as spaced digits', '1 2 3 4 5 6 7 8 9', '123456789'],
  ['SSN in fullwidth digits', '\uff11\uff12\uff13-\uff14\uff15-\uff16\uff17\uff18\uff19', '123456789'],
  ['SSN in Arabic-Indic digits', '\u0661\u0662\u0663-\u0664\u0665-\u0666\u0667\u0668\u0669', '123456789'],
  ['ITIN', '912-70-1234', '912701234'],
  ['EIN with a dash', '12-3456789', '123456789'],
  ['EIN with a space', '12 3456789', '123456789'],
  ['EIN with a dot', '12.3456789', '123456789'],
  ['EIN with an en dash', '12\u20133456789', '123456789'],
  ['EIN glued to label and letter', 'EIN12-3456789x', '123456789'],
  ['PTIN', 'P01234567', '01234567'],
  ['PTIN with a dash', 'p-01234567', '01234567'],
  ['PTIN after its label', 'PTIN12345678', '12345678'],
  ['PTIN after other letters', 'myP12345678', '12345678'],
  ['card with spaces', '4111 1111 1111 1111', '4111111111111111'],
  ['card with dashes', '4111-1111-1111-1111', '4111111111111111'],
  ['card plain', '4111111111111111', '4111111111111111'],
  ['card with dots', '4111.1111.1111.1111', '4111111111111111'],
  ['card with slashes', '4111/1111/1111/1111', '4111111111111111'],
  ['card with non-breaking spaces', '4111\u00a01111\u00a01111\u00a01111', '4111111111111111'],
  ['card glued to its label', 'card4111111111111111', '4111111111111111'],
  ['Amex 4-6-5', '3782 822463 10005', '378282246310005'],
  ['Mastercard', '5555 5555 5555 4444', '5555555555554444'],
  ['SSN then card', '123-45-6789 4111 1111 1111 1111', '4111111111111111'],
  ['loan account number', 'loan acct 55667788', '55667788'],
  ['bank account with dashes', 'account # 0012-3456-78', '0012345678'],
];
