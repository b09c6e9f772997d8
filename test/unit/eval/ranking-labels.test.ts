import { join } from 'node:path';
import { DateTime } from 'luxon';
import { readQuestionSet } from '../../../tools/eval/eval-files';
import { measureRanking } from '../../../tools/eval/ranking';
import { deriveLabels, type Labels } from '../../../tools/eval/ranking-labels';
import { realContent } from '../../support/content';
import { FIXTURES_DIR } from '../../support/paths';

/**
 * Ranking ground truth derived from the cases' facts (npm run eval:ranking): for the shared dev
 * set every answer case has acceptable articles, and the labels do not depend on the clock or on
 * being derived again.
 */
const content = realContent();
const devSet = readQuestionSet(join(FIXTURES_DIR, 'shared-eval', 'dev-questions.yaml'));
const INSTANTS = [
  '2026-11-26T10:00:00-05:00', // Thanksgiving: closed
  '2026-11-27T10:00:00-05:00', // a Friday, open
  '2026-11-28T23:30:00-05:00', // a Saturday night
  '2027-06-30T07:29:00-04:00', // a minute before opening, another year
];
const at = (iso: string) => DateTime.fromISO(iso, { setZone: true });
const labelsAt = (iso: string): Labels => deriveLabels(devSet, content, at(iso));

describe('derived ranking labels for the shared dev set', () => {
  const labels = labelsAt(INSTANTS[0]);

  it('give every answer case at least one acceptable article, and only real, sorted, distinct ids', () => {
    const answers = devSet.cases.filter((testCase) => testCase.kind === 'answer').length;
    expect({ used: labels.used.length, leftOut: labels.leftOut }).toEqual({ used: answers, leftOut: [] });
    for (const testCase of labels.used) {
      expect(testCase.expected.length).toBeGreaterThan(0);
      expect(testCase.expected.every((id) => content.articles.has(id))).toBe(true);
      expect([...new Set(testCase.expected)].sort()).toEqual(testCase.expected);
    }
  });

  it.each(INSTANTS.slice(1))('are the same at %s as on Thanksgiving 2026', (iso) => {
    expect(labelsAt(iso)).toEqual(labels);
  });

  it('are the same when derived again', () => {
    expect(deriveLabels(devSet, content, at(INSTANTS[0]))).toEqual(labels);
  });
});

describe('measureRanking: top-1 and top-3 accuracy and the first ranker misses', () => {
  const labels: Labels = {
    used: [
      { index: 0, id: 'a', say: 'one', expected: ['x'] },
      { index: 1, id: 'b', say: 'two', expected: ['y', 'z'] },
      { index: 2, id: 'c', say: 'three', expected: ['w'] },
    ],
    leftOut: [],
    otherKinds: 0,
  };
  const table: Record<string, string[]> = { one: ['x', 'y'], two: ['q', 'r', 'z'], three: ['q', 'r', 's', 'w'] };

  it('counts a case right at top-1 when the first id is acceptable, at top-3 when any of the first three is', () => {
    const report = measureRanking(labels, [
      { name: 'ours', rank: (q) => table[q] },
      { name: 'perfect', rank: (q) => labels.used.find((c) => c.say === q)!.expected.slice() },
    ]);
    expect(report.accuracy).toEqual([
      { name: 'ours', top1: 1, top3: 2 },
      { name: 'perfect', top1: 3, top3: 3 },
    ]);
    expect(report.misses.map((miss) => [miss.testCase.id, miss.top3])).toEqual([
      ['b', ['q', 'r', 'z']],
      ['c', ['q', 'r', 's']],
    ]);
  });
});
