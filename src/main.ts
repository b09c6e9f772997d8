import { ConfigError, loadConfig, type Config } from './config';
import { ContentError } from './content/content-error';
import { createLogger } from './logger';
import { startService } from './service';

/**
 * `npm start`: the process around the service. The only place that reads the real clock and the
 * environment (through loadConfig); turns a bad configuration or content file into one clear
 * line and exit code 1, and SIGTERM into a graceful stop.
 */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.LOG_LEVEL);
  let service;
  try {
    service = await startService({ config, logger, clock: () => Date.now() });
  } catch (error) {
    if (error instanceof ContentError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, inFlight: service.http.inFlight() }, 'stopping: finishing turns in flight');
    // close() stops accepting and waits for open requests; idle keep-alive sockets would hold
    // it open, so they are closed now and again as requests finish.
    const { server } = service.http;
    server.close(() => {
      logger.info({}, 'stopped');
      process.exit(0);
    });
    const idle = setInterval(() => server.server.closeIdleConnections(), 100);
    idle.unref();
    server.server.closeIdleConnections();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('unhandledRejection', (reason) => {
    logger.error(
      { err: reason instanceof Error ? { name: reason.name, message: reason.message } : String(reason) },
      'unhandled rejection',
    );
  });
}

void main().catch((error: unknown) => {
  process.stderr.write(`Start-up failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
