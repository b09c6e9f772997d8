import { join } from 'node:path';
import type { Content } from '../../../src/content/load-content';
import { readContentFixes, type ContentFixes } from '../../../tools/kb-check/content-fixes';
import { KNOWN_PROBLEMS, sortProblems } from '../../../tools/kb-check/known-problems';
import { REVIEW_RULES, runReviewRules } from '../../../tools/kb-check/run-checks';
import { realContent } from '../../support/content';
import { PROJECT_ROOT } from '../../support/paths';
import { edit } from './edit-content';

/**
 * kb:check's review rules over the real content (clean, but for the known problems it lists) and
 * over the real content with one thing broken in memory: each rule must name the file and field.
 */
const content = realContent();
const fixes = readContentFixes(join(PROJECT_ROOT, 'test', 'fixtures', 'content-fixes.yaml'));

const problemsOf = (broken: Content, withFixes: ContentFixes = fixes) =>
  sortProblems(runReviewRules(broken, withFixes)).fresh.map(
    (problem) => `${problem.file}: ${problem.path}: ${problem.message}`,
  );

it('the real content breaks no rule, and every known problem is still there (else its row must go)', () => {
  const sorted = sortProblems(runReviewRules(content, fixes));
  expect(sorted.fresh).toEqual([]);
  expect(sorted.gone).toEqual([]);
  expect(sorted.known).toHaveLength(KNOWN_PROBLEMS.length);
});

it('has a name for every rule', () => {
  expect(new Set(REVIEW_RULES.map((rule) => rule.name)).size).toBe(REVIEW_RULES.length);
});

const lowSource = {
  id: 'scraped-copy',
  title: 'A scraped copy',
  publisher: 'somebody',
  trust: 'low' as const,
  attribution: 'a scraped copy',
  url: 'https://example.com/copy',
  date: 'undated',
};

describe.each<[string, () => Content, RegExp]>([
  // citations
  [
    'a flow node stating a fact without sources',
    () => edit.node(content, 'before-you-call', 'email-needed', { sources: undefined }),
    /dialogs\/before-you-call\.yaml: nodes\.email-needed\.sources: states a fact but cites no source/,
  ],
  [
    'an article crediting someone it does not cite',
    () =>
      edit.article(content, 'try-online-first', {
        answer: `${content.articles.get('try-online-first')!.answer} According to CrossLink, it moved.`,
      }),
    /articles\/try-online-first\.yaml: answer: credits "CrossLink" but cites no source of theirs \(add one of: crosslink-2022\)/,
  ],
  [
    'a texts.yaml sentence crediting someone (it cannot cite)',
    () => edit.texts(content, { welcome: 'Hi! According to Drake Software, this is it.' }),
    /texts\.yaml: welcome: credits "Drake Software" but cannot cite a source here/,
  ],
  [
    'a low-trust lead stated as fact',
    () => edit.article(edit.source(content, lowSource), 'try-online-first', { sources: ['notice', 'scraped-copy'] }),
    /try-online-first\.yaml: sources\[1\]: cites "scraped-copy", a low-trust lead: the text must say the point is unconfirmed/,
  ],
  // sources
  [
    'a source dated in a made-up way',
    () => edit.source(content, { ...content.sources.get('notice')!, date: 'around Dec 2017' }),
    /sources\.yaml: sources\[0\]\.date: "around Dec 2017" for "notice"/,
  ],
  [
    'a source nothing cites',
    () => edit.source(content, { ...lowSource, trust: 'third-party' }),
    /sources\.yaml: sources\[\d+\]: "scraped-copy" is cited by nothing/,
  ],
  [
    'the notice dated by another page again (D3)',
    () => edit.source(content, { ...content.sources.get('notice')!, date: '2017-12-10' }),
    /sources\.yaml: sources\[0\]: says what review point D3 flagged/,
  ],
  // then and now
  [
    'a flow step with the retired username sign-in, not marked historical (E1)',
    () => edit.node(content, 'locked-out', 'new-registration', { historical: false }),
    /locked-out\.yaml: nodes\.new-registration\.historical: describes the retired username sign-in/,
  ],
  [
    "an article about the old sign-in marked as today's",
    () => edit.article(content, 'password-attempts', { historical: false }),
    /password-attempts\.yaml: historical: (describes the retired username sign-in|is `historical: false`)/,
  ],
  [
    'a flow through the old process not marked historical',
    () => edit.flow(content, 'activation-code-by-mail', { historical: false }),
    /activation-code-by-mail\.yaml: historical: walks through the 2016-2018 process/,
  ],
  [
    'the then-and-now note without ID.me',
    () => edit.texts(content, { thenAndNow: 'This describes the process of 2016-2018.' }),
    /texts\.yaml: thenAndNow: must say that sign-in has moved to ID\.me/,
  ],
  [
    'the card title without its date (E2)',
    () => edit.texts(content, { helpdeskTitle: 'e-Help Desk (Secure Access exception processing)' }),
    /texts\.yaml: helpdeskTitle: must date the line/,
  ],
  // the help desk
  [
    'the desk number written another way',
    () =>
      edit.node(content, 'activation-code-by-mail', 'overdue', {
        text: 'Call (888) 841-4648 from 7:30 a.m. to 7 p.m.',
      }),
    /activation-code-by-mail\.yaml: nodes\.overdue\.text: writes the desk's number as "\(888\) 841-4648": write it as 1-888-841-4648/,
  ],
  [
    'a phone number no source gives',
    () => edit.article(content, 'exception-processing', { answer: 'Call 1-800-829-1040 about exception processing.' }),
    /exception-processing\.yaml: answer: gives the phone number "1-800-829-1040"/,
  ],
  [
    'a sourced number without its source',
    () => edit.article(content, 'exception-processing', { answer: 'From abroad, call 512-416-7750 for the desk.' }),
    /exception-processing\.yaml: answer: states the number 512-416-7750 but does not cite "ustaxservices-2017-12-11"/,
  ],
  [
    "hours that are not the desk's",
    () =>
      edit.article(content, 'help-desk-hours', {
        answer: 'The notice gives the e-Help Desk as open 8 a.m. to 7 p.m. Eastern.',
      }),
    /help-desk-hours\.yaml: answer: says "8 a\.m\.", but the desk's hours are 07:30 to 19:00/,
  ],
  [
    "the days stated flatly in the card's hours line (A1)",
    () => edit.texts(content, { helpdeskHours: 'Hours: {opens} to {closes} Eastern, {days}.' }),
    /texts\.yaml: helpdeskHours: fills in \{days\} without saying the desk's days are our assumption/,
  ],
  [
    'a closed-for-the-holiday line stated as fact (A1)',
    () =>
      edit.templates(content, {
        closedHolidaySameZone: 'Closed today for {holiday}. Next opening: {opensDayEt} at {opensEt} ET.',
      }),
    /helpdesk\.yaml: templates\.closedHolidaySameZone: (fills in \{holiday\}|says what review point A1 flagged)/,
  ],
  [
    'an article saying the desk is open on Saturday',
    () =>
      edit.article(content, 'help-desk-hours', {
        answer: 'The e-Help Desk is open 7:30 a.m. to 7 p.m. Eastern. It is closed on Saturday.',
      }),
    /help-desk-hours\.yaml: answer: says "Saturday" without saying it is our assumption/,
  ],
  [
    'a business-day count no source gives',
    () => edit.node(content, 'activation-code-by-mail', 'on-the-way', { text: 'It takes up to 5 business days.' }),
    /activation-code-by-mail\.yaml: nodes\.on-the-way\.text: says "5 business days": no source gives that/,
  ],
  // the review's points
  [
    'the no-mobile answer of before the review (B1)',
    () =>
      edit.article(content, 'no-mobile-phone', {
        answer:
          'You can still register. A mobile phone in your name just lets you finish in one session; without one, ' +
          'choose to receive the activation code by mail.',
      }),
    /no-mobile-phone\.yaml: answer: says what review point B1 flagged/,
  ],
  [
    'the hold-time claim back on the card (A4)',
    () =>
      edit.templates(content, {
        closingSoon: 'Hold times may run past closing time, so you might not reach an operator before it closes.',
      }),
    /helpdesk\.yaml: templates\.closingSoon: says what review point A4 flagged/,
  ],
  [
    'a check whose corrected fact is gone from the content (E3)',
    () =>
      edit.article(content, 'one-time-process', {
        answer: "It is a one-time process; you won't have to verify again. (Thomson Reuters, MNSEA)",
      }),
    /content-fixes\.yaml: checks\[\d+\]: E3 \(one-time-process\): must \/verify their identity again\/ is not in the content/,
  ],
])('%s', (_name, broken, expected) => {
  it('is named by file and field', () => {
    const problems = problemsOf(broken());
    expect(problems.some((problem) => expected.test(problem))).toBe(true);
  });
});

it('a review point without a check', () => {
  const without = { ...fixes, checks: fixes.checks.filter((check) => check.fix !== 'A4') };
  expect(problemsOf(content, without)).toContainEqual(
    expect.stringMatching(/content-fixes\.yaml: points\[\d+\]: review point A4 has no check/),
  );
});

it('a check that names a choice the flow does not have', () => {
  const renamed = {
    ...fixes,
    checks: fixes.checks.map((check) =>
      check.node === 'phone-none' ? { ...check, answers: ['no', 'phone', 'no-cellphone'] } : check,
    ),
  };
  expect(problemsOf(content, renamed)).toContainEqual(
    expect.stringMatching(/checks\[\d+\]: flow cant-complete-registration has no choice "no-cellphone"/),
  );
});

describe('known problems', () => {
  const problem = { file: 'knowledge/helpdesk.yaml', path: 'sources', message: 'credits "Thomson Reuters" but …' };
  const row = { file: problem.file, path: problem.path, says: 'credits "Thomson Reuters"', reason: 'r' };

  it('a known problem is printed, not failing', () => {
    expect(sortProblems([problem], [row])).toEqual({ fresh: [], known: [{ ...problem, reason: 'r' }], gone: [] });
  });

  it('a known problem that is fixed must be removed from the list', () => {
    expect(sortProblems([], [row]).gone).toEqual([row]);
  });
});
