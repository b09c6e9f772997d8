import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { childEnvironment } from '../transpiled-project';

/** The ids the Playground gives its conversations (GET /_internal/v1/config). */
export interface PlaygroundIds {
  readonly personalChat: string;
  readonly groupChat: string;
  /** The team's id, which is also its General channel's id, as in Teams. */
  readonly team: string;
  readonly channels: ReadonlyArray<{ readonly id: string; readonly name: string }>;
  readonly botName: string;
}

/** Microsoft 365 Agents Playground (Teams emulation) running as a child process on loopback. */
export interface PlaygroundProcess {
  readonly url: string;
  ids(): Promise<PlaygroundIds>;
  /** Has the Playground send the install events for a conversation (as a first open does). */
  install(conversationId: string): Promise<void>;
  /**
   * Sends the bot one of the Playground's ready-made events for a conversation, as its "Mock an
   * Activity" menu does (`userAdded`, `botAdded`, `install`, `uninstall`, ...).
   */
  mock(conversationId: string, type: string): Promise<void>;
  /** Lines in which the Playground tried to reach past loopback (refused by the preload). */
  egress(): string[];
  /** Its log, for a failing test's message. */
  log(): string;
  stop(): Promise<void>;
}

export interface PlaygroundOptions {
  /** Where it sends activities: the bot's /api/messages (or a recorder in front of it). */
  readonly botEndpoint: string;
  /** The serviceUrl it stamps on activities, where the bot posts its replies. */
  readonly serviceUrl: string;
  /** The user's time zone: the Playground reports its own process's zone as the user's. */
  readonly timeZone: string;
}

const CLI = require.resolve('@microsoft/m365agentsplayground/cli.js');
const LOOPBACK_ONLY = join(__dirname, 'loopback-only.js');
const START_TIMEOUT_MS = 30_000;
const running = new Set<ChildProcess>();

// If jest ends the worker without afterAll, the Playground must not outlive it.
process.on('exit', () => {
  for (const child of running) killGroup(child, 'SIGKILL');
});

/**
 * Starts the Playground in its own process group and temporary folder (its cwd, HOME and log),
 * listening on 127.0.0.1 only (the preload), on a port the system picks (`-p 0`), with its
 * telemetry off (`--dt`, and no Application Insights "Statsbeat", which `--dt` leaves on) and no
 * browser of its own. Resolves once it answers /_debug/ping; fails fast, with its log, if it exits
 * (it reports start-up errors only in its log file, after printing its port).
 */
export async function startPlayground(options: PlaygroundOptions): Promise<PlaygroundProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'playground-'));
  const stdoutFile = join(dir, 'stdout.log');
  const logFile = join(dir, 'playground.log');
  const fd = openSync(stdoutFile, 'w');
  // Output goes to a file, not a pipe: a child never blocks on a pipe nobody reads.
  const child = spawn(
    process.execPath,
    [
      '-r',
      LOOPBACK_ONLY,
      CLI,
      ...['-e', options.botEndpoint, '-c', 'msteams', '-p', '0', '--su', options.serviceUrl, '--dt'],
    ],
    {
      cwd: dir,
      detached: true,
      stdio: ['ignore', fd, fd],
      env: childEnvironment({
        HOME: dir,
        TZ: options.timeZone,
        TEAMSAPPTESTER_BROWSER: 'none',
        APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
        M365_AGENTS_PLAYGROUND_LOGFILE: logFile,
      }),
    },
  );
  closeSync(fd);
  running.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const read = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : '');
  const log = () => `${read(stdoutFile)}\n${read(logFile)}`;
  const stop = async () => {
    if (running.delete(child)) {
      killGroup(child, 'SIGTERM');
      const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    const port = await waitFor(async () => /Listening on (\d+)/.exec(read(stdoutFile))?.[1], child, log);
    const url = `http://127.0.0.1:${port}`;
    await waitFor(
      async () => ((await fetch(`${url}/_debug/ping`).catch(() => undefined))?.ok ? true : undefined),
      child,
      log,
    );
    return {
      url,
      ids: async () => parseIds(await (await fetch(`${url}/_internal/v1/config`)).json()),
      install: async (conversationId) => {
        const response = await fetch(`${url}/_debug/conversation/${encodeURIComponent(conversationId)}/installation`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{}',
        });
        if (!response.ok) throw new Error(`install in ${conversationId}: HTTP ${response.status}`);
      },
      mock: async (conversationId, type) => {
        const query = new URLSearchParams({ conversationId, type });
        const template = await fetch(`${url}/_internal/v1/customActivities/template?${query.toString()}`);
        if (!template.ok) throw new Error(`no "${type}" activity for ${conversationId}: HTTP ${template.status}`);
        const sent = await fetch(`${url}/_internal/v1/customActivities`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: await template.text(),
        });
        if (!sent.ok) throw new Error(`sending "${type}" to ${conversationId}: HTTP ${sent.status}`);
      },
      egress: () =>
        read(stdoutFile)
          .split('\n')
          .filter((line) => line.startsWith('[egress]')),
      log,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function waitFor<T>(probe: () => Promise<T | undefined>, child: ChildProcess, log: () => string): Promise<T> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the Agents Playground exited (${child.exitCode ?? child.signalCode}):\n${log()}`);
    }
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the Agents Playground did not start within ${START_TIMEOUT_MS} ms:\n${log()}`);
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

interface RawConfig {
  config?: {
    bot?: { name?: string };
    personalChat?: { id?: string };
    groupChats?: Array<{ id?: string }>;
    teams?: Array<{ id?: string; channels?: Array<{ id?: string; name?: string }> }>;
  };
}

function parseIds(body: unknown): PlaygroundIds {
  const config = (body as RawConfig).config;
  const team = config?.teams?.[0];
  const ids = {
    personalChat: config?.personalChat?.id,
    groupChat: config?.groupChats?.[0]?.id,
    team: team?.id,
    botName: config?.bot?.name,
  };
  for (const [name, value] of Object.entries(ids)) {
    if (typeof value !== 'string') throw new Error(`the Playground's config has no ${name}: ${JSON.stringify(body)}`);
  }
  return {
    ...(ids as { personalChat: string; groupChat: string; team: string; botName: string }),
    channels: (team?.channels ?? []).map((channel) => ({ id: String(channel.id), name: String(channel.name) })),
  };
}
