import { cpus, loadavg } from 'node:os';
import type { Browser } from 'playwright-core';
import { z } from 'zod';
import { readEnvironment } from '../../src/config';
import { loadBotContent } from '../../src/service';
import { launchChromium } from '../chromium';
import { startBenchServer, type BenchServer } from './bench-child';
import { startFloorServer } from './bench-welcome-floor';
import { GREETING_SELECTOR, installProbe, readProbe, type ProbeFigures } from './bench-welcome-probe';
import { median, ms, table, yesNo } from './bench-stats';

/** The chat page's welcome against its floor, measured side by side in one run. */
export interface WelcomeFigures {
  /** Cold loads of our page (`/`), in the order run. */
  readonly ours: readonly ProbeFigures[];
  /** Cold loads of the floor page: the same bundle rendering the welcome from a stub Direct Line. */
  readonly floor: readonly ProbeFigures[];
  /** Bytes of Web Chat's bundle on the wire to our page (compressed as the server chose). */
  readonly bundleBytes: number;
  readonly network: WelcomeNetwork;
  readonly chromium: string;
}

/** The network the loads go over: loopback as it is, or throttled like a slow phone's. */
export type WelcomeNetwork = 'loopback' | 'slow-phone';

export interface WelcomeBenchOptions {
  /** Cold loads of each page. */
  readonly loads: number;
  readonly network?: WelcomeNetwork;
  /** Milliseconds a load may take before the run fails. */
  readonly timeoutMs?: number;
}

/**
 * A slow phone network, as Lighthouse's mobile profile has it: 150 ms round trips, 1.6 Mbit/s
 * down, 750 kbit/s up (Chromium's own throttling, applied to every request of the page).
 */
const SLOW_PHONE = { offline: false, latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 };

/** The ratio the target is about: our median welcome over the floor's. */
export const WELCOME_TARGET_RATIO = 1.1;

/**
 * Loads our chat page and the floor page alternately, each in a new browser context (an empty
 * cache and storage: a first visit), in headless Chromium, and times the welcome in Web Chat
 * from the start of navigation; for our page also the first contentful paint and whether the
 * page's own greeting was in it. One load of each first, not counted, so the servers' one-off
 * work (reading and compressing files on first use) is not charged to the first visitor here.
 */
export async function runWelcomeBench(options: WelcomeBenchOptions): Promise<WelcomeFigures> {
  const content = loadBotContent({ knowledgeDir: 'knowledge', dialogsDir: 'dialogs' });
  const welcomeWords = content.texts.welcome.split(/\s+/).slice(0, 6).join(' ');
  const bot = await startBenchServer('ours');
  try {
    const welcome = await welcomeActivities(bot);
    const floor = await startFloorServer(welcome, await bundleUrl(bot));
    const browser = await launchChromium();
    try {
      const network = options.network ?? 'loopback';
      const load = (url: string) =>
        coldLoad(browser, url, { welcomeWords, network, timeoutMs: options.timeoutMs ?? 60_000 });
      await load(`${bot.url}/`);
      await load(floor.url);
      const ours: LoadFigures[] = [];
      const floors: LoadFigures[] = [];
      for (let run = 0; run < options.loads; run++) {
        ours.push(await load(`${bot.url}/`));
        floors.push(await load(floor.url));
      }
      return {
        ours,
        floor: floors,
        bundleBytes: median(ours.map((load) => load.bundleBytes)),
        network,
        chromium: browser.version(),
      };
    } finally {
      await browser.close();
      await floor.close();
    }
  } finally {
    await bot.stop();
  }
}

type LoadFigures = ProbeFigures & { readonly bundleBytes: number };

async function coldLoad(
  browser: Browser,
  url: string,
  options: { readonly welcomeWords: string; readonly network: WelcomeNetwork; readonly timeoutMs: number },
): Promise<LoadFigures> {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  try {
    const page = await context.newPage();
    if (options.network === 'slow-phone') {
      await (await context.newCDPSession(page)).send('Network.emulateNetworkConditions', SLOW_PHONE);
    }
    let bundleBytes = 0;
    page.on('requestfinished', (request) => {
      if (!/\/webchat\/webchat\.js/.test(request.url())) return;
      void request.sizes().then((sizes) => (bundleBytes = sizes.responseBodySize));
    });
    await page.addInitScript(installProbe, { welcomeWords: options.welcomeWords, greetingSelector: GREETING_SELECTOR });
    await page.goto(url, { waitUntil: 'commit', timeout: options.timeoutMs });
    const figures = await page.waitForFunction(readProbe, undefined, { timeout: options.timeoutMs, polling: 50 });
    return { ...((await figures.jsonValue()) as ProbeFigures), bundleBytes };
  } finally {
    await context.close();
  }
}

/** What the bot sends a new visitor on the page's join event, as Web Chat would receive it. */
async function welcomeActivities(bot: BenchServer): Promise<unknown[]> {
  const response = await fetch(`${bot.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'event',
      name: 'webchat/join',
      value: { language: 'en-US' },
      channelId: 'webchat',
      deliveryMode: 'expectReplies',
      serviceUrl: 'https://webchat.botframework.com/',
      conversation: { id: 'bench-welcome-floor' },
      from: { id: 'bench-user', role: 'user' },
      recipient: { id: 'bot', role: 'bot' },
      locale: 'en-US',
    }),
  });
  const body = z.object({ activities: z.array(z.record(z.string(), z.unknown())) }).parse(await response.json());
  const messages = body.activities.filter((activity) => activity.type === 'message');
  if (messages.length === 0) throw new Error('the bot sent no welcome message for the floor page');
  return messages;
}

/** The bundle's URL as our page names it (with its ?v=), on our bot's origin. */
async function bundleUrl(bot: BenchServer): Promise<string> {
  const html = await (await fetch(`${bot.url}/`)).text();
  const src = /<script src="(\/webchat\/webchat\.js[^"]*)"/.exec(html)?.[1];
  if (!src) throw new Error('the chat page names no Web Chat bundle (script src=/webchat/webchat.js…)');
  return `${bot.url}${src}`;
}

/**
 * The section's report: each load, the medians, the ratio against the target. Besides the ratio
 * of the medians, the median of each pair's ratio (our load over the floor load right after it):
 * on a busy machine it cancels much of what the load of the moment does to both.
 */
export function formatWelcomeBench(figures: WelcomeFigures): string {
  const welcome = median(figures.ours.map((load) => load.welcome));
  const floor = median(figures.floor.map((load) => load.welcome));
  const firstPaint = median(figures.ours.map((load) => load.firstPaint));
  const greetingInFirstPaint = figures.ours.every(
    (load) => load.greeting !== undefined && load.greeting <= load.firstPaint,
  );
  const ratio = welcome / floor;
  const paired = median(figures.ours.map((load, index) => load.welcome / figures.floor[index].welcome));
  const runs = (loads: readonly ProbeFigures[], pick: (load: ProbeFigures) => number) =>
    loads.map((load) => Math.round(pick(load))).join(', ');
  const network = figures.network === 'slow-phone' ? 'a slow phone network (150 ms, 1.6 Mbit/s down)' : 'loopback';
  return [
    `Chromium ${figures.chromium}, ${figures.ours.length} cold loads of each page, alternating, over ${network}`,
    `Web Chat's bundle on the wire: ${(figures.bundleBytes / 1024).toFixed(0)} KB`,
    table([
      ['', 'median', 'loads (ms)'],
      ['(a) our page: welcome in Web Chat', ms(welcome), runs(figures.ours, (load) => load.welcome)],
      ['(b) floor: same bundle, stub Direct Line', ms(floor), runs(figures.floor, (load) => load.welcome)],
      ['(c) our page: first contentful paint', ms(firstPaint), runs(figures.ours, (load) => load.firstPaint)],
      [
        'after the bundle ran: our welcome',
        ms(median(afterBundle(figures.ours))),
        afterBundle(figures.ours).join(', '),
      ],
      [
        'after the bundle ran: floor welcome',
        ms(median(afterBundle(figures.floor))),
        afterBundle(figures.floor).join(', '),
      ],
    ]),
    `Web Chat's bundle had run (median): our page ${ms(median(figures.ours.map((load) => load.bundleRan)))}, ` +
      `floor ${ms(median(figures.floor.map((load) => load.bundleRan)))}`,
    `the page's own greeting in the first paint: ${yesNo(greetingInFirstPaint)}`,
    `median of the pairs' ratios: ${paired.toFixed(2)}`,
    `welcome ratio a/b: ${ratio.toFixed(2)}  (target <= ${WELCOME_TARGET_RATIO.toFixed(2)}: ${yesNo(ratio <= WELCOME_TARGET_RATIO)})`,
  ].join('\n');
}

/** Milliseconds from Web Chat's bundle having run to the welcome on screen, per load. */
function afterBundle(loads: readonly ProbeFigures[]): number[] {
  return loads.map((load) => Math.round(load.welcome - load.bundleRan));
}

const settingsSchema = z.object({
  /** Cold loads of each page. */
  BENCH_WELCOME_LOADS: z.coerce.number().int().positive().default(5),
  BENCH_WELCOME_NETWORK: z.enum(['loopback', 'slow-phone']).default('loopback'),
});

/** BENCH_WELCOME_LOADS (5) and BENCH_WELCOME_NETWORK (loopback, or slow-phone). */
export function welcomeSettings(
  variables: Record<string, string | undefined> = readEnvironment(),
): WelcomeBenchOptions {
  const settings = settingsSchema.parse(variables);
  return { loads: settings.BENCH_WELCOME_LOADS, network: settings.BENCH_WELCOME_NETWORK };
}

if (require.main === module) {
  void (async () => {
    console.log(
      `${cpus().length} cores, load average ${loadavg()
        .map((value) => value.toFixed(2))
        .join(' ')}`,
    );
    console.log(formatWelcomeBench(await runWelcomeBench(welcomeSettings())));
  })().catch((error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(1);
  });
}
