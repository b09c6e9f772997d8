import type { AnalyticsRecord } from './analytics-event';

/** A record as an Application Insights custom event (customEvents: name, customDimensions, customMeasurements). */
export interface CustomEvent {
  readonly name: string;
  readonly time: Date;
  readonly properties: Record<string, string>;
  readonly measurements: Record<string, number>;
}

/** The record fields that are numbers to chart, not labels: customMeasurements. */
export const MEASUREMENT_FIELDS: ReadonlySet<string> = new Set(['score', 'rating']);

/**
 * The event type is the event's name, the time its timestamp; numbers to chart are measurements;
 * every other field is a property (string-valued, as Application Insights keeps them: booleans as
 * "true"/"false", the menu's options as a JSON array).
 */
export function customEventOf(record: AnalyticsRecord): CustomEvent {
  const properties: Record<string, string> = {};
  const measurements: Record<string, number> = {};
  for (const [key, value] of Object.entries(record) as Array<[string, unknown]>) {
    if (key === 'type' || key === 'time' || value === undefined) continue;
    if (MEASUREMENT_FIELDS.has(key) && typeof value === 'number') measurements[key] = value;
    else properties[key] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return { name: record.type, time: new Date(record.time), properties, measurements };
}
