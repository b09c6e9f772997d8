import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnalyticsRecord } from '../../../src/analytics/analytics-event';
import { customEventOf } from '../../../src/analytics/custom-event';
import { MAX_LINE_BYTES, ndjsonLines } from '../../../tools/report/ndjson-lines';
import { parseLine, readEvents } from '../../../tools/report/read-events';

const base = {
  v: 1,
  time: '2026-11-26T15:00:00.000Z',
  channel: 'webchat',
  conversation: 'c0ffee00c0ffee00',
  user: 'beef0000beef0000',
} as const;
const RECORDS: AnalyticsRecord[] = [
  { ...base, type: 'answered', articleId: 'cards-not-accepted', score: 0.87 },
  { ...base, type: 'menu', options: ['locked-out', 'codes-overview'] },
  { ...base, type: 'declined', topic: 'tax-law', text: 'what do I owe' },
  { ...base, type: 'flow-abandoned', flowId: 'locked-out', nodeId: 'careful-attempt', outcome: 'cancelled' },
  { ...base, type: 'feedback', articleId: 'codes-overview', helpful: false, text: 'no code' },
  { ...base, type: 'feedback', articleId: 'codes-overview', helpful: true },
  { ...base, type: 'rating', rating: 4, after: 'handoff' },
];

/** A record as a row of Application Insights' customEvents table, exported as JSON. */
function exportedRow(record: AnalyticsRecord, dimensionsAsText: boolean) {
  const event = customEventOf(record);
  return {
    timestamp: record.time.replace('.000Z', '.0000000Z'),
    name: event.name,
    customDimensions: dimensionsAsText ? JSON.stringify(event.properties) : event.properties,
    customMeasurements: event.measurements,
  };
}

describe('reading events', () => {
  it("reads the local store's records as they are", () => {
    for (const record of RECORDS) expect(parseLine(JSON.stringify(record))).toEqual(record);
  });

  it.each([
    ['as objects', false],
    ['as JSON text', true],
  ])('reads Application Insights customEvents rows (dimensions %s) as the same records', (_how, asText) => {
    for (const record of RECORDS) expect(parseLine(JSON.stringify(exportedRow(record, asText)))).toEqual(record);
  });

  it.each([
    ['not JSON', '{"type":'],
    ['JSON that is not an object', '[1,2,3]'],
    ['an unknown type', JSON.stringify({ ...base, type: 'clicked' })],
    ['an answer without its article', JSON.stringify({ ...base, type: 'answered', score: 1 })],
    ['a rating as text', JSON.stringify({ ...base, type: 'rating', rating: '4', after: 'flow' })],
    ['no time', JSON.stringify({ ...base, time: undefined, type: 'handoff', reason: 'asked' })],
    ['a row without dimensions', JSON.stringify({ timestamp: base.time, name: 'handoff' })],
  ])('skips a line that is %s', (_what, line) => {
    expect(parseLine(line)).toBeUndefined();
  });

  describe('from files', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'report-read-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('streams every line, counting what is not an event, a line too long to be one included', async () => {
      const file = join(dir, 'events.ndjson');
      const long = JSON.stringify({ ...base, type: 'declined', text: 'x'.repeat(MAX_LINE_BYTES) });
      const lines = [
        JSON.stringify(RECORDS[0]),
        'garbage',
        long,
        '',
        JSON.stringify(RECORDS[1]),
        `${JSON.stringify(RECORDS[2])}\r`,
      ];
      writeFileSync(file, lines.join('\n'));
      const read: AnalyticsRecord[] = [];
      const counts = await readEvents([file], (record) => read.push(record));
      expect(read).toEqual(RECORDS.slice(0, 3));
      expect(counts).toEqual({ files: 1, events: 3, skipped: 1, overlong: 1 });
    });

    it('splits lines across read chunks and multi-byte characters', async () => {
      const file = join(dir, 'chunks.ndjson');
      const text = 'é'.repeat(200_000);
      writeFileSync(file, `${JSON.stringify({ a: 'ü'.repeat(30_000) })}\n${'x'.repeat(10)}\n${text.slice(0, 100)}`);
      const counts = { overlong: 0 };
      const lines: string[] = [];
      for await (const line of ndjsonLines(file, counts)) lines.push(line);
      expect(lines).toEqual([JSON.stringify({ a: 'ü'.repeat(30_000) }), 'x'.repeat(10), text.slice(0, 100)]);
      expect(counts.overlong).toBe(0);
    });
  });
});
