import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { EVENT_TYPES, type AnalyticsRecord, type EventType } from '../../src/analytics/analytics-event';
import { MEASUREMENT_FIELDS } from '../../src/analytics/custom-event';
import { ndjsonLines, type LineCounts } from './ndjson-lines';

/** What reading found besides events. */
export interface ReadCounts extends LineCounts {
  files: number;
  events: number;
  /** Lines that are not events of either shape. */
  skipped: number;
}

const TYPES: ReadonlySet<string> = new Set(EVENT_TYPES);
const FILE = /\.(ndjson|jsonl|json)$/;

/** The NDJSON files to read: a file itself, or every .ndjson/.jsonl/.json file in a folder, by name. */
export async function eventFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    if ((await stat(path)).isDirectory()) {
      const names = (await readdir(path)).filter((name) => FILE.test(name)).sort();
      files.push(...names.map((name) => join(path, name)));
    } else {
      files.push(path);
    }
  }
  return files;
}

/**
 * Streams every event in the files to `onEvent`, one line at a time. A line is either a record
 * of the local store or a row of Application Insights' customEvents table exported as JSON
 * (timestamp, name, customDimensions, customMeasurements; see docs/analytics.md).
 */
export async function readEvents(
  files: readonly string[],
  onEvent: (record: AnalyticsRecord) => void,
  counts: ReadCounts = { files: 0, events: 0, skipped: 0, overlong: 0 },
): Promise<ReadCounts> {
  for (const file of files) {
    counts.files += 1;
    for await (const line of ndjsonLines(file, counts)) {
      const record = parseLine(line);
      if (record) {
        counts.events += 1;
        onEvent(record);
      } else {
        counts.skipped += 1;
      }
    }
  }
  return counts;
}

/** One line as a record, or undefined for anything else. */
export function parseLine(line: string): AnalyticsRecord | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (!isObject(value)) return undefined;
  const flat = 'customDimensions' in value || 'timestamp' in value ? fromCustomEvent(value) : value;
  return flat && isRecord(flat) ? flat : undefined;
}

/** A customEvents row: its dimensions are strings (booleans and lists as JSON), its measurements numbers. */
function fromCustomEvent(row: Record<string, unknown>): Record<string, unknown> | undefined {
  const dimensions = objectOf(row.customDimensions);
  const measurements = objectOf(row.customMeasurements) ?? {};
  if (!dimensions || typeof row.name !== 'string' || typeof row.timestamp !== 'string') return undefined;
  const record: Record<string, unknown> = { type: row.name, time: isoTime(row.timestamp) };
  for (const [key, value] of Object.entries(dimensions)) {
    if (typeof value !== 'string') record[key] = value;
    else if (key === 'helpful') record[key] = value === 'true';
    else if (key === 'options') record[key] = jsonOrUndefined(value);
    else if (key === 'v') record[key] = Number(value);
    else record[key] = value;
  }
  for (const [key, value] of Object.entries(measurements)) {
    if (MEASUREMENT_FIELDS.has(key)) record[key] = typeof value === 'string' ? Number(value) : value;
  }
  return record;
}

/** Enough of a record's shape for the report to count it without tripping over it. */
function isRecord(value: Record<string, unknown>): value is AnalyticsRecord {
  if (typeof value.type !== 'string' || !TYPES.has(value.type) || typeof value.time !== 'string') return false;
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value.time)) return false;
  if (typeof value.conversation !== 'string' || typeof value.channel !== 'string') return false;
  const fields = REQUIRED[value.type as EventType];
  return fields.every(([field, kind]) =>
    kind === 'array' ? Array.isArray(value[field]) : typeof value[field] === kind,
  );
}

const REQUIRED: Record<EventType, ReadonlyArray<readonly [string, 'string' | 'number' | 'boolean' | 'array']>> = {
  answered: [['articleId', 'string']],
  menu: [['options', 'array']],
  declined: [],
  'flow-started': [['flowId', 'string']],
  'flow-finished': [
    ['flowId', 'string'],
    ['outcome', 'string'],
  ],
  'flow-abandoned': [
    ['flowId', 'string'],
    ['outcome', 'string'],
  ],
  handoff: [['reason', 'string']],
  feedback: [
    ['articleId', 'string'],
    ['helpful', 'boolean'],
  ],
  rating: [
    ['rating', 'number'],
    ['after', 'string'],
  ],
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** customDimensions arrive as an object (jq over the query API) or as a JSON string (CSV, some exports). */
function objectOf(value: unknown): Record<string, unknown> | undefined {
  if (isObject(value)) return value;
  if (typeof value !== 'string') return undefined;
  const parsed = jsonOrUndefined(value);
  return isObject(parsed) ? parsed : undefined;
}

function jsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Kusto writes "2026-11-26T15:00:01.1234567Z" (seven decimals), sometimes without the Z: made like the store's. */
function isoTime(timestamp: string): string {
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(timestamp)) return timestamp;
  const parsed = Date.parse(/[Zz]$|[+-]\d{2}:\d{2}$/.test(timestamp) ? timestamp : `${timestamp}Z`);
  return Number.isFinite(parsed) ? new Date(parsed).toISOString() : timestamp;
}
