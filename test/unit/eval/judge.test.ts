import { DateTime } from 'luxon';
import { judge, type JudgedCase } from '../../../tools/eval/judge';

/**
 * The verdict on a reply at a fixed instant. Every expected verdict is what ask.py's judge()
 * answers with its clock set to the same instant.
 */
interface Row {
  readonly name: string;
  readonly now: string;
  readonly testCase: JudgedCase;
  readonly text: string;
  readonly choices: number;
  readonly menuFails: boolean;
  readonly why: string[];
}

const HOURS = 'Call 888-841-4648, 7:30 a.m. to 7 p.m.';
const FRIDAY_10AM = '2026-11-27T10:00:00-05:00';
const THANKSGIVING_10AM = '2026-11-26T10:00:00-05:00';

// prettier-ignore
const rows: Row[] = [
  { name: 'open: a reply that says open passes', now: FRIDAY_10AM, testCase: { kind: 'handoff', open_now: 'check' },
    text: `${HOURS} Eastern. We are open now.`, choices: 0, menuFails: false, why: [] },
  { name: 'open: a reply that says closed fails', now: FRIDAY_10AM, testCase: { kind: 'handoff', open_now: 'check' },
    text: `${HOURS} Eastern. It is closed; it opens at 7:30.`, choices: 0, menuFails: false, why: ['should say open'] },
  { name: 'closed on Thanksgiving: closed and when it opens', now: THANKSGIVING_10AM, testCase: { kind: 'handoff', open_now: 'check' },
    text: `${HOURS} ET. It is closed today; it opens tomorrow at 7:30 a.m.`, choices: 0, menuFails: false, why: [] },
  { name: 'a minute before opening nothing about now is judged', now: '2026-11-27T07:29:00-05:00',
    testCase: { kind: 'handoff', open_now: 'check', local_time: 'check' }, text: `${HOURS} ET.`, choices: 0, menuFails: false, why: [] },
  { name: "closed: the next opening in the user's zone", now: THANKSGIVING_10AM,
    testCase: { kind: 'answer', local_time: 'check', localTimezone: 'America/Los_Angeles' }, text: 'It opens at 4:30 AM your time.',
    choices: 0, menuFails: false, why: [] },
  { name: "open: today's closing in a named zone", now: FRIDAY_10AM, testCase: { kind: 'answer', local_time: 'America/Denver' },
    text: 'It closes at 5 pm.', choices: 0, menuFails: false, why: [] },
  { name: 'a handoff without the number', now: FRIDAY_10AM, testCase: { kind: 'handoff' }, text: 'Open 7:30 to 7 pm Eastern.',
    choices: 0, menuFails: false, why: ['888.?841.?4648'] },
  { name: 'a flow with one choice', now: FRIDAY_10AM, testCase: { kind: 'flow', facts: ['code'] }, text: 'Where is the code?',
    choices: 1, menuFails: false, why: ['choices=1'] },
  { name: 'a decline that names what it must not', now: FRIDAY_10AM, testCase: { kind: 'decline', not_facts: ['refund'] },
    text: "Sorry, I couldn't find an answer about refunds.", choices: 3, menuFails: false, why: ['must not say /refund/'] },
  { name: 'version 2: a menu fails an answer', now: FRIDAY_10AM, testCase: { kind: 'answer', facts: ['secure access'] },
    text: 'Did you mean: Secure Access?', choices: 2, menuFails: true, why: ['did-you-mean menu instead of an answer'] },
  { name: 'version 2: unless the case allows it', now: FRIDAY_10AM,
    testCase: { kind: 'answer', facts: ['secure access'], allow_menu: true }, text: 'Did you mean: Secure Access?', choices: 2,
    menuFails: true, why: [] },
  { name: 'version 1: a menu is judged like any reply', now: FRIDAY_10AM, testCase: { kind: 'answer', facts: ['secure access'] },
    text: 'Did you mean: Secure Access?', choices: 2, menuFails: false, why: [] },
  { name: 'placeholders in facts and not_facts', now: THANKSGIVING_10AM,
    testCase: { kind: 'any', facts: ['{due:-20}'], not_facts: ['{local:07:30}'] }, text: 'It should arrive by November 20; call at 6:30 a.m.',
    choices: 0, menuFails: true, why: ['must not say /(\\b6:30\\s*a\\.?\\s?m\\.?|\\b06:30\\b)/'] },
];

describe('judge at a fixed instant', () => {
  it.each(rows)('$name', (row) => {
    const now = () => DateTime.fromISO(row.now, { setZone: true });
    expect(judge(row.testCase, row.text, row.choices, { menuFails: row.menuFails, now })).toEqual({
      ok: row.why.length === 0,
      why: row.why,
    });
  });

  it('an unknown kind is an error, as in ask.py', () => {
    expect(() => judge({ kind: 'chat' }, '', 0)).toThrow('chat');
  });
});
