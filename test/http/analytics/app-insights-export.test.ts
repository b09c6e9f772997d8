import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnalyticsEvent } from '../../../src/analytics/analytics-event';
import { createAnalytics } from '../../../src/analytics/create-analytics';
import { parseConfig } from '../../../src/config';
import { syntheticEvents } from '../../../tools/bench/bench-report-events';
import { buildReport, type ReportRun } from '../../../tools/report/report';
import { realContent } from '../../support/content';
import { RecordingLogger } from '../../support/recording-logger';
import { IngestionStandIn, type Envelope } from './ingestion-stand-in';

const content = realContent();
const SALT = 'a-salt-of-at-least-thirty-two-characters';
const standIn = new IngestionStandIn();
let root: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'analytics-export-'));
  await standIn.start();
});
afterAll(async () => {
  await standIn.stop();
  rmSync(root, { recursive: true, force: true });
});

/**
 * A row of Application Insights' customEvents table as the documented export gives it (the
 * query API through jq, docs/analytics.md): dynamic columns arrive as JSON text, timestamps
 * with seven decimals.
 */
function exportedRow(envelope: Envelope) {
  return {
    timestamp: envelope.time.replace(/\.(\d{3})Z$/, '.$10000Z'),
    name: envelope.data.baseData.name,
    customDimensions: JSON.stringify(envelope.data.baseData.properties ?? {}),
    customMeasurements: JSON.stringify(envelope.data.baseData.measurements ?? {}),
  };
}

/** The report without where it came from. */
function figures(run: ReportRun) {
  const { source: _source, ...model } = run.model;
  return model;
}

describe('a report from an Application Insights export', () => {
  it('shows the same figures as one from the local store, for the same conversations', async () => {
    const events: AnalyticsEvent[] = [
      ...syntheticEvents(content, { count: 1_500, days: 20, lastDay: '2026-11-25', seed: 3, withText: true }),
    ];
    const variables = { ANALYTICS_SALT: SALT, ANALYTICS_KEEP_TEXT: 'true', ANALYTICS_DIR: join(root, 'analytics') };
    const local = await createAnalytics(parseConfig(variables), new RecordingLogger());
    const cloud = await createAnalytics(
      parseConfig({ ...variables, APPLICATIONINSIGHTS_CONNECTION_STRING: standIn.connectionString }),
      new RecordingLogger(),
    );
    for (const event of events) {
      local.record(event);
      cloud.record(event);
    }
    await Promise.all([local.close(), cloud.close()]);
    expect(standIn.envelopes).toHaveLength(events.length);

    const exported = join(root, 'customEvents.ndjson');
    writeFileSync(exported, standIn.envelopes.map((envelope) => JSON.stringify(exportedRow(envelope))).join('\n'));
    const fromStore = await buildReport({ inputs: [join(root, 'analytics')], content });
    const fromExport = await buildReport({ inputs: [exported], content });

    expect(fromExport.model.events).toBe(events.length);
    expect(fromStore.model.unanswered.length).toBeGreaterThan(0);
    expect(figures(fromExport)).toEqual(figures(fromStore));
    expect(fromExport.yaml).toBe(fromStore.yaml);
  });
});
