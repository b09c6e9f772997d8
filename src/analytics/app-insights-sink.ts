import http from 'node:http';
import https from 'node:https';
import type { TelemetryClient } from 'applicationinsights';
import type { AnalyticsRecord } from './analytics-event';
import type { AnalyticsSink } from './analytics';
import { customEventOf } from './custom-event';
import { loadAppInsights } from './load-app-insights';

/** Above the queue's batch: the SDK never sends on its own (its sends have no outcome to read). */
const SDK_BATCH_SIZE = 1_000;

/**
 * Application Insights custom events through the SDK's TelemetryClient used directly: no
 * setup()/start(), so nothing is auto-collected (requests, dependencies, console, exceptions),
 * no process hooks, no disk retry cache (the SDK's offline files in the temp folder), no
 * statsbeat; one client per sink, so two sinks never share an endpoint. The connection string's
 * IngestionEndpoint decides where events go (tests point it at a loopback stand-in).
 *
 * Each write tracks its records and flushes them in one POST; the flush callback is the SDK's
 * only report of what happened, so it decides whether the write succeeded.
 */
export class AppInsightsSink implements AnalyticsSink {
  readonly kind = 'appinsights';

  private constructor(
    private readonly client: TelemetryClient,
    private readonly agents: readonly http.Agent[],
  ) {}

  static async create(connectionString: string): Promise<{ sink: AppInsightsSink; patched: boolean }> {
    const { sdk, patched } = await loadAppInsights();
    const client = new sdk.TelemetryClient(connectionString);
    client.getStatsbeat()?.enable(false);
    client.channel.setUseDiskRetryCaching(false);
    client.config.samplingPercentage = 100;
    client.config.maxBatchSize = SDK_BATCH_SIZE;
    // The SDK's own timer: cleared by every flush, so it only fires if a flush never comes.
    client.config.maxBatchIntervalMs = 60_000;
    // The SDK would send even loopback traffic through $http_proxy.
    client.config.proxyHttpUrl = '';
    client.config.proxyHttpsUrl = '';
    const agents = [
      new http.Agent({ keepAlive: true, maxSockets: 2 }),
      new https.Agent({ keepAlive: true, maxSockets: 2 }),
    ];
    client.config.httpAgent = agents[0];
    client.config.httpsAgent = agents[1] as https.Agent;
    // The host's name is not the firm's business analytics.
    client.context.tags[client.context.keys.cloudRoleInstance] = 'bot';
    return { sink: new AppInsightsSink(client, agents), patched };
  }

  write(records: readonly AnalyticsRecord[]): Promise<void> {
    for (const record of records) this.client.trackEvent(customEventOf(record));
    return new Promise((resolve, reject) => {
      this.client.flush({
        callback: (response: string) => {
          const outcome = flushOutcome(response);
          if (outcome === undefined) resolve();
          else reject(new Error(outcome));
        },
      });
    });
  }

  close(): Promise<void> {
    for (const agent of this.agents) agent.destroy();
    return Promise.resolve();
  }
}

/**
 * What a flush callback's argument says: undefined when every item was accepted (or there was
 * nothing to send), else why not. The SDK hands over the ingestion response's body for every HTTP
 * status ({"itemsReceived":n,"itemsAccepted":n,"errors":[]} when all is well), and a dump of
 * the error for a network failure.
 */
export function flushOutcome(response: string): string | undefined {
  if (response === 'no data to send') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(response);
  } catch {
    const message = /message: '([^']*)'/.exec(response)?.[1] ?? response;
    return `unreachable: ${message.replace(/\s+/g, ' ').slice(0, 200)}`;
  }
  if (typeof parsed === 'object' && parsed !== null && 'itemsAccepted' in parsed && 'itemsReceived' in parsed) {
    const { itemsAccepted, itemsReceived } = parsed;
    if (typeof itemsAccepted === 'number' && itemsAccepted === itemsReceived) return undefined;
    return `rejected: ${String(itemsAccepted)} of ${String(itemsReceived)} accepted`;
  }
  return `rejected: ${response.replace(/\s+/g, ' ').slice(0, 200)}`;
}
