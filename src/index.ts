import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { createApp } from './app';
import { addWebchat } from './channels/webchat/add-webchat';
import { ConfigError, loadConfig, type Config } from './config';
import { ContentError } from './content/content-error';
import { loadContent } from './content/load-content';
import { createLogger } from './logger';
import { createStorage } from './state/create-storage';

/**
 * The composition root: configuration, content, storage, app, listen. The only place that
 * reads the real clock and the process environment (through loadConfig).
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
  const projectRoot = join(__dirname, '..', '..');
  let content;
  try {
    content = loadContent({ knowledgeDir: config.KNOWLEDGE_DIR, dialogsDir: config.DIALOGS_DIR });
  } catch (error) {
    if (error instanceof ContentError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const version = (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string }).version;
  const clock = () => DateTime.now();
  const { storage, kind } = await createStorage(config, { logger, clock: () => Date.now() });
  const app = createApp({ config, content, logger, clock, storage, storageKind: kind, version });
  addWebchat(app, { config, logger, clock: () => clock().toMillis(), publicDir: join(projectRoot, 'public') });

  const { server } = app.http;
  server.listen(config.PORT, config.HOST, () => {
    const address = server.address();
    logger.info({ port: address.port, contentVersion: content.version, storage: kind }, 'listening');
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, inFlight: app.http.inFlight() }, 'stopping: finishing turns in flight');
    // close() stops accepting and waits for open requests; idle keep-alive sockets would hold
    // it open, so they are closed now and again as requests finish.
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
    logger.error({ err: reason instanceof Error ? { name: reason.name, message: reason.message } : String(reason) }, 'unhandled rejection');
  });
}

void main().catch((error: unknown) => {
  process.stderr.write(`Start-up failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});

