import { join } from 'node:path';
import { GAP, parseContentFixes, readContentFixes } from '../../../tools/kb-check/content-fixes';
import { realContent } from '../../support/content';
import { PROJECT_ROOT } from '../../support/paths';

/** test/fixtures/content-fixes.yaml: the review's 22 points, each guarded, and the new articles asked about. */
const fixes = readContentFixes(join(PROJECT_ROOT, 'test', 'fixtures', 'content-fixes.yaml'));

/** The points of shared/reviews/content-2026-11-26.md, by class. */
const REVIEW_POINTS = [
  ...['B1', 'B2', 'B3', 'B4'],
  ...['E1', 'E2', 'E3', 'E4'],
  ...['A1', 'A2', 'A3', 'A4', 'A5', 'A6'],
  ...['F1', 'F2'],
  ...['D1', 'D2', 'D3', 'D4', 'D5'],
  'C1',
];

it("lists the review's 22 points once each", () => {
  expect(fixes.points.map((point) => point.id)).toEqual(REVIEW_POINTS);
});

it('has at least one check asking the bot for each point', () => {
  const checked = new Set(fixes.checks.map((check) => check.fix));
  expect(REVIEW_POINTS.filter((id) => !checked.has(id))).toEqual([]);
});

it("asks about every article the review's gaps called for", () => {
  const gaps = fixes.checks.filter((check) => check.fix === GAP).map((check) => check.article);
  expect(new Set(gaps).size).toBe(11);
  for (const id of gaps) expect(realContent().articles.has(id!)).toBe(true);
});

describe('a malformed fixes file is refused, naming the file and the check', () => {
  const point = 'points: [{ id: B1, severity: high, class: contradicted, title: t, before: b, after: a, flagged: [] }]';
  it.each([
    [
      'two ways to the reply',
      'checks: [{ fix: B1, ask: q, article: a, helpdesk: true, must: [x] }]',
      /exactly one way/,
    ],
    ['a flow without answers', 'checks: [{ fix: B1, ask: q, flow: f, must: [x] }]', /flow and answers go together/],
    [
      'a pattern that is no regex',
      'checks: [{ fix: B1, ask: q, article: a, must: ["(unclosed"] }]',
      /not a valid regular expression/,
    ],
    ['a check without must', 'checks: [{ fix: B1, ask: q, article: a }]', /must/],
  ])('%s', (_name, checks, message) => {
    const raw = `version: 1\nreview: r\n${point}\n${checks}\n`;
    expect(() => parseContentFixes(raw, 'fixes.yaml')).toThrow(/^fixes\.yaml: /);
    expect(() => parseContentFixes(raw, 'fixes.yaml')).toThrow(message);
  });

  it('a file that is not there', () => {
    expect(() => readContentFixes(join(PROJECT_ROOT, 'no-such-fixes.yaml'))).toThrow(
      /no-such-fixes\.yaml: cannot be read/,
    );
  });
});
