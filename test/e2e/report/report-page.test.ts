import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { NdjsonFileStore } from '../../../src/analytics/ndjson-file-store';
import { QueuedAnalytics } from '../../../src/analytics/queued-analytics';
import { toRecord } from '../../../src/analytics/to-record';
import { writeSyntheticStore } from '../../../tools/bench/bench-report-events';
import { RATE_DEFINITIONS, RATE_ORDER } from '../../../tools/report/report-figures';
import { buildReport, type ReportRun } from '../../../tools/report/report';
import { launchChromium } from '../../support/chromium';
import { realContent } from '../../support/content';
import { RecordingLogger } from '../../support/recording-logger';
import { RESULTS_DIR } from '../../support/webchat/chat-page';
import { axeViolations } from '../../support/axe';

const content = realContent();
let root: string;
let browser: Browser;
let report: ReportRun;
let reportUrl: string;

/**
 * The report for six weeks of a small firm's synthetic conversations (seeded, so the page is the
 * same every run). docs/images/report.png is this test's test-results/report.png, made smaller
 * with `pngquant --quality 70-90`.
 */
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'report-e2e-'));
  const store = join(root, 'analytics');
  await writeSyntheticStore(store, content, {
    count: 4_000,
    days: 42,
    lastDay: '2026-11-25',
    seed: 16,
    withText: true,
  });
  report = await buildReport({ inputs: [store], content, source: './analytics' });
  writeFileSync(join(root, 'report.html'), report.html);
  reportUrl = pathToFileURL(join(root, 'report.html')).href;
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  rmSync(root, { recursive: true, force: true });
});

/** Opens a page; every request it makes is kept, and so is every Content-Security-Policy violation. */
async function open(url: string, options: { bypassCSP?: boolean } = {}) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 1250 }, ...options });
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.addInitScript(() => {
    const violations: string[] = [];
    Object.defineProperty(window, '__cspViolations', { value: violations });
    document.addEventListener('securitypolicyviolation', (event) => violations.push(event.violatedDirective));
  });
  await page.goto(url);
  const violations = () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
  return { page, requests, violations, close: () => context.close() };
}

const text = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((nodes) => nodes.map((node) => (node.textContent ?? '').trim()));

describe('the report in Chromium', () => {
  it('renders the figures, every chart drawn, with no request beyond the file itself', async () => {
    const { page, requests, violations, close } = await open(reportUrl);
    try {
      expect(await text(page, 'h1')).toEqual(['Support bot report']);
      const tiles = await text(page, '.tile');
      expect(tiles).toHaveLength(RATE_ORDER.length);
      RATE_ORDER.forEach((name, index) => {
        const value = report.model.rates[name].value;
        expect(tiles[index]).toContain(RATE_DEFINITIONS[name].title);
        expect(tiles[index]).toContain(value === undefined ? '–' : `${Math.round(value * 100)}%`);
      });

      const charts = page.locator('svg[role="img"]');
      expect(await charts.count()).toBe(1 + RATE_ORDER.length);
      for (let index = 0; index < (await charts.count()); index++) {
        const chart = charts.nth(index);
        expect(await chart.isVisible()).toBe(true);
        const box = await chart.boundingBox();
        expect(box?.width).toBeGreaterThan(200);
        // Something drawn: bars with height, or a line with length.
        const drawn = await chart.evaluate((svg) => {
          const bars = [...svg.querySelectorAll('rect')].filter((rect) => rect.getBBox().height > 0).length;
          const line = svg.querySelector('path.line') as SVGPathElement | null;
          return bars + (line ? line.getTotalLength() : 0);
        });
        expect(drawn).toBeGreaterThan(0);
      }

      const unanswered = await text(page, 'section[aria-labelledby="unanswered"] table:first-of-type tbody tr');
      expect(unanswered.length).toBe(report.model.unanswered.length);
      expect(unanswered[0]).toContain(report.model.unanswered[0].examples[0]);
      expect(await text(page, 'section[aria-labelledby="least-helpful"] tbody tr')).toHaveLength(
        report.model.articles.length,
      );
      expect(await text(page, 'section[aria-labelledby="give-up"] tbody tr')).toHaveLength(report.model.giveUps.length);

      expect(requests).toEqual([reportUrl]);
      expect(await violations()).toEqual([]);
      mkdirSync(RESULTS_DIR, { recursive: true });
      await page.screenshot({ path: join(RESULTS_DIR, 'report.png') });
    } finally {
      await close();
    }
  });

  it('has no accessibility violations (axe-core)', async () => {
    const { page, close } = await open(reportUrl, { bypassCSP: true });
    try {
      const violations = (await axeViolations(page)).map(({ id, impact, nodes }) => ({ id, impact, nodes }));
      expect(violations).toEqual([]);
    } finally {
      await close();
    }
  });

  it('shows a question carrying markup as text, and runs none of it', async () => {
    const store = join(root, 'hostile');
    const analytics = new QueuedAnalytics(
      new NdjsonFileStore({ dir: store }),
      (event) => toRecord(event, { salt: 'a-salt-of-at-least-thirty-two-characters', keepText: true }),
      new RecordingLogger(),
    );
    const attack = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script> how do I renew my EFIN';
    for (let n = 0; n < 3; n++) {
      analytics.record({
        type: 'declined',
        text: attack,
        time: '2026-11-25T10:00:00Z',
        channel: 'webchat',
        conversationId: `hostile-${n}`,
        userId: 'someone',
      });
    }
    await analytics.close();
    const hostile = await buildReport({ inputs: [store], content });
    writeFileSync(join(root, 'hostile.html'), hostile.html);
    const { page, requests, close } = await open(pathToFileURL(join(root, 'hostile.html')).href);
    try {
      const state = await page.evaluate(() => ({
        ran: (window as unknown as { __xss?: number }).__xss,
        images: document.querySelectorAll('img').length,
        scripts: document.querySelectorAll('script').length,
      }));
      expect(state).toEqual({ ran: undefined, images: 0, scripts: 0 });
      expect((await text(page, '.examples li'))[0]).toBe(attack);
      expect(requests).toHaveLength(1);
    } finally {
      await close();
    }
  });
});
