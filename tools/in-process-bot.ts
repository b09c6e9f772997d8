import type { Activity } from 'botbuilder';
import { parseConfig, readEnvironment } from '../src/config';
import { startService, type Service } from '../src/service';
import { sendActivity } from './bot-client';

/** The bot for a tool: running in this process on a free loopback port, or another one already running. */
export interface ToolBot {
  readonly url: string;
  /** The service, when it runs in this process. */
  readonly service?: Service;
  send(activity: Partial<Activity>): Promise<Array<Partial<Activity>>>;
  stop(): Promise<void>;
}

/**
 * Starts the service as `npm start` would (the project's configuration and content), quietly,
 * on 127.0.0.1 with a free port; `variables` override the environment.
 */
export async function startInProcessBot(variables: Record<string, string> = {}): Promise<ToolBot> {
  const config = parseConfig({ ...readEnvironment(), LOG_LEVEL: 'silent', STORAGE: 'memory', ...variables });
  const service = await startService({ config, clock: () => Date.now(), port: 0, host: '127.0.0.1' });
  return {
    url: service.url,
    service,
    send: (activity) => sendActivity(service.url, activity),
    stop: () => service.stop(),
  };
}

/** A bot already running at `url`. */
export function remoteBot(url: string): ToolBot {
  const base = url.replace(/\/$/, '');
  return { url: base, send: (activity) => sendActivity(base, activity), stop: async () => undefined };
}
