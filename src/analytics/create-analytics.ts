import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import type { Config } from '../config';
import { errorSummary, type Logger } from '../logger';
import { noAnalytics, type Analytics, type AnalyticsSink } from './analytics';
import { AppInsightsSink } from './app-insights-sink';
import { NdjsonFileStore, type FileStoreOptions } from './ndjson-file-store';
import { QueuedAnalytics, type QueueLimits } from './queued-analytics';
import { toRecord } from './to-record';

export interface AnalyticsOptions {
  /** The local store's size limits (tests make them small). */
  readonly fileStore?: Omit<FileStoreOptions, 'dir'>;
  readonly queue?: QueueLimits;
}

/**
 * The analytics the configuration asks for: off (ANALYTICS_ENABLED=false), Application Insights
 * custom events (APPLICATIONINSIGHTS_CONNECTION_STRING), or the local NDJSON store in
 * ANALYTICS_DIR. Never rejects: analytics that cannot start are said in the log and the bot runs
 * without them.
 */
export async function createAnalytics(
  config: Config,
  logger: Logger,
  options: AnalyticsOptions = {},
): Promise<Analytics> {
  if (!config.ANALYTICS_ENABLED) {
    logger.info({ analytics: 'off' }, 'analytics off');
    return noAnalytics;
  }
  // config.ts refuses Application Insights without a salt; the local store can do with one per process.
  const salt = config.ANALYTICS_SALT ?? randomBytes(32).toString('hex');
  if (config.ANALYTICS_SALT === undefined) {
    logger.warn(
      { analytics: 'ANALYTICS_SALT' },
      'ANALYTICS_SALT is not set: ids are hashed with a random salt for this process, so they do not match ' +
        'across restarts or instances',
    );
  }
  let sink: AnalyticsSink;
  try {
    sink = await createSink(config, logger, options);
  } catch (error) {
    logger.error({ analytics: 'off', error: errorSummary(error) }, 'analytics could not start: running without them');
    return noAnalytics;
  }
  logger.info({ analytics: sink.kind, keepText: config.ANALYTICS_KEEP_TEXT }, 'analytics on');
  const policy = { salt, keepText: config.ANALYTICS_KEEP_TEXT };
  return new QueuedAnalytics(sink, (event) => toRecord(event, policy), logger, options.queue);
}

async function createSink(config: Config, logger: Logger, options: AnalyticsOptions): Promise<AnalyticsSink> {
  const connectionString = config.APPLICATIONINSIGHTS_CONNECTION_STRING;
  if (connectionString === undefined) {
    return new NdjsonFileStore({ dir: resolve(config.ANALYTICS_DIR), ...options.fileStore });
  }
  const { sink, patched } = await AppInsightsSink.create(connectionString);
  if (patched) {
    logger.warn(
      { analytics: sink.kind },
      'the Application Insights SDK was loaded by another package first: its require/console patches are on',
    );
  }
  return sink;
}
