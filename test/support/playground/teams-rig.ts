import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DateTime } from 'luxon';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumExecutable } from '../chromium';
import { startBot } from '../local-bot';
import type { LocalBot } from '../local-service';
import { RecordingLogger } from '../recording-logger';
import { startPlayground, type PlaygroundIds, type PlaygroundProcess } from './playground-process';
import { TrafficRecorder } from './traffic';

/**
 * Everything a Teams end-to-end test needs, all on 127.0.0.1:
 *
 *   Chromium -> Agents Playground (child process) -> traffic recorder -> the bot (in this process)
 *   the bot  -> traffic recorder /_connector      -> Agents Playground (the bot's replies)
 */
export interface TeamsRig {
  readonly bot: LocalBot;
  readonly botLog: RecordingLogger;
  readonly traffic: TrafficRecorder;
  readonly playground: PlaygroundProcess;
  readonly ids: PlaygroundIds;
  readonly browser: Browser;
  stop(): Promise<void>;
}

export interface TeamsRigOptions {
  /** The user's zone, as the Playground process reports it (its TZ). */
  readonly timeZone: string;
  /** The bot's clock. */
  readonly clock: () => DateTime;
}

/**
 * Starts the bot as `npm start` composes it, with DEV_LOCAL_TOOLS on (it then posts replies to
 * the Playground's loopback serviceUrl; nothing else changes) and analytics off, then the
 * Playground (telemetry off), then Chromium (its own profile folder, and every name but loopback
 * unresolvable, so the page cannot reach the Office CDN it asks for fonts). stop() ends them
 * all, whatever state the test left.
 */
export async function startTeamsRig(options: TeamsRigOptions): Promise<TeamsRig> {
  const stops: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const step of stops.reverse()) await step().catch(() => undefined);
    stops.length = 0;
  };
  try {
    const botLog = new RecordingLogger();
    const bot = await startBot({
      // Analytics (telemetry) off: the tests record nothing anywhere.
      variables: { DEV_LOCAL_TOOLS: 'true', ANALYTICS_ENABLED: 'false' },
      clock: options.clock,
      logger: botLog,
    });
    stops.push(() => bot.stop());
    const traffic = await TrafficRecorder.start(bot.url);
    stops.push(() => traffic.close());
    const playground = await startPlayground({
      botEndpoint: `${traffic.url}/api/messages`,
      serviceUrl: `${traffic.url}/_connector`,
      timeZone: options.timeZone,
    });
    stops.push(() => playground.stop());
    traffic.setPlayground(playground.url);
    const ids = await playground.ids();
    // Chromium's crash handler leaves the browser's process group; its command line names the
    // profile folder, so any left behind can be found by it.
    const profile = mkdtempSync(join(tmpdir(), 'teams-chromium-'));
    stops.push(async () => {
      killProcessesNaming(profile);
      rmSync(profile, { recursive: true, force: true });
    });
    const browser = await chromium.launch({
      executablePath: chromiumExecutable(),
      headless: true,
      args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1'],
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: profile, XDG_CONFIG_HOME: profile },
    });
    stops.push(() => browser.close());
    return { bot, botLog, traffic, playground, ids, browser, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** SIGKILLs this machine's processes whose command line contains `marker` (a unique temp path). */
function killProcessesNaming(marker: string): void {
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    let commandLine: string;
    try {
      commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue; // Ended meanwhile.
    }
    if (Number(pid) !== process.pid && commandLine.includes(marker)) {
      try {
        process.kill(Number(pid), 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  }
}
