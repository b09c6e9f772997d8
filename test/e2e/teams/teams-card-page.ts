import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as AdaptiveCardsModule from 'adaptivecards';
import type { Browser, Locator, Page } from 'playwright-core';
import { FIXTURES_DIR } from '../../support/paths';
import { TEAMS_SCREENSHOTS_DIR } from '../../support/playground/teams-page';

/**
 * Adaptive Cards drawn as a Teams client draws them, in real Chromium: Microsoft's own renderer
 * (the `adaptivecards` package, the version botframework-webchat uses) with its stock stylesheet
 * and Microsoft's published host config for Teams,
 * https://github.com/microsoft/AdaptiveCards/blob/644d933e185a8482c4dcf4c375d177aac37fd095/samples/HostConfig/microsoft-teams-light.json
 * (kept unchanged in test/fixtures/teams/host-config-light.json; its README says more). That host
 * config lays a card's actions out side by side (`actionsOrientation: Horizontal`), as Teams does,
 * and the renderer cuts a title that does not fit with an ellipsis, as Teams does.
 *
 * What differs from Teams: Teams' own stylesheet, and its font. The cards ask for Segoe UI, which
 * this machine lacks; Chromium falls back to DejaVu Sans, a wider face, so a label that fits here
 * fits in Segoe UI too.
 */

/** One card to draw, and a name for it in the page and the screenshots. */
export interface CardSample {
  readonly name: string;
  readonly card: Record<string, unknown>;
}

/** Something the user can tap on a drawn card, as its accessible name, with what keeps it from being read whole. */
export interface Tappable {
  readonly name: string;
  readonly problems: string[];
}

/** An Action.Submit the renderer executed: what Teams would send to the bot. */
export interface Submitted {
  readonly card: string;
  readonly data: unknown;
}

export interface TeamsCardPage {
  readonly page: Page;
  /** Draws the cards one under another, each `width` px wide, and opens every "more" card in them. */
  show(samples: readonly CardSample[], width: number): Promise<void>;
  /** The tappable things on a drawn card that are on screen, in page order. */
  tappables(name: string): Promise<Tappable[]>;
  /** The named card's button or row with this accessible name. */
  button(card: string, name: string): Locator;
  /** The Action.Submits executed since the cards were drawn. */
  submitted(): Promise<Submitted[]>;
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

const RENDERER = require.resolve('adaptivecards/dist/adaptivecards.min.js');
const STYLESHEET = require.resolve('adaptivecards/dist/adaptivecards.css');
const HOST_CONFIG = JSON.parse(readFileSync(join(FIXTURES_DIR, 'teams', 'host-config-light.json'), 'utf8')) as object;
/** Room around each card, so a screenshot shows its edges. */
const MARGIN = 12;

interface PageGlobals {
  AdaptiveCards: typeof AdaptiveCardsModule;
  submitted: Submitted[];
}

export async function openTeamsCardPage(browser: Browser): Promise<TeamsCardPage> {
  const page = await browser.newPage({ viewport: { width: 480, height: 800 } });
  // Nothing leaves the machine: the page is built here, and any request it makes fails.
  await page.route('**/*', (route) => route.abort());
  await page.setContent(
    `<!doctype html><html lang="en"><head><title>Teams cards</title></head>` +
      `<body style="margin:0;background:#f5f5f5"><main id="cards"></main></body></html>`,
  );
  await page.addStyleTag({ path: STYLESHEET });
  await page.addScriptTag({ path: RENDERER });
  const frame = (name: string) => page.locator(`[data-card=${JSON.stringify(name)}]`);

  return {
    page,
    async show(samples, width) {
      await page.setViewportSize({ width: width + 2 * MARGIN, height: 800 });
      await page.evaluate(drawCards, { samples, hostConfig: HOST_CONFIG, width, margin: MARGIN });
    },
    tappables: (name) => frame(name).evaluate(measureTappables),
    button: (card, name) => frame(card).getByRole('button', { name, exact: true }),
    submitted: () => page.evaluate(() => (window as unknown as PageGlobals).submitted.slice()),
    async screenshot(name) {
      mkdirSync(TEAMS_SCREENSHOTS_DIR, { recursive: true });
      const path = join(TEAMS_SCREENSHOTS_DIR, `${name}.png`);
      // No hover highlight left from an earlier click.
      await page.mouse.move(0, 0);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    close: () => page.close(),
  };
}

/** In the page: each card under its name, in a frame as wide as a Teams card; "more" cards opened. */
function drawCards(options: {
  samples: readonly CardSample[];
  hostConfig: object;
  width: number;
  margin: number;
}): void {
  const globals = window as unknown as PageGlobals;
  const AC = globals.AdaptiveCards;
  globals.submitted = [];
  const main = document.getElementById('cards');
  if (!main) throw new Error('the page has no #cards');
  main.replaceChildren();
  for (const { name, card } of options.samples) {
    const caption = document.createElement('h2');
    caption.textContent = name;
    caption.style.cssText = `font:600 12px sans-serif;margin:${options.margin}px ${options.margin}px 4px`;
    const frame = document.createElement('div');
    frame.dataset.card = name;
    frame.style.cssText = `width:${options.width}px;margin:0 ${options.margin}px;outline:1px solid #bbb;background:#fff`;
    const adaptive = new AC.AdaptiveCard();
    adaptive.hostConfig = new AC.HostConfig(options.hostConfig);
    adaptive.onExecuteAction = (action) => {
      if (action instanceof AC.SubmitAction) globals.submitted.push({ card: name, data: action.data });
    };
    adaptive.parse(card);
    const element = adaptive.render();
    if (!element) throw new Error(`the renderer drew nothing for ${name}`);
    frame.append(element);
    main.append(caption, frame);
  }
  // Open every "more" card (and any "more" on it), as a user would to see the rest of the list.
  for (let opened = 0; opened < 1000; opened++) {
    const closed = document.querySelector<HTMLElement>('[aria-expanded="false"]');
    if (!closed) return;
    closed.click();
  }
  throw new Error('a "more" button does not open');
}

/**
 * In the page: every button and every tappable row (a `selectAction`) of a drawn card that is on
 * screen, and why its label cannot be read whole: text wider than its box (scrollWidth over
 * clientWidth: cut, as an ellipsis is drawn, where the box hides what overflows; else spilling
 * out), or the thing itself reaching out of a box that clips it, or out of the card.
 */
function measureTappables(frame: Element): Tappable[] {
  const card = frame.getBoundingClientRect();
  const outside = (box: DOMRect, edge: DOMRect) => box.left < edge.left - 0.5 || box.right > edge.right + 0.5;
  const span = (box: DOMRect) => `${Math.round(box.left)}-${Math.round(box.right)} px`;
  const tappables = [...frame.querySelectorAll<HTMLElement>('[role="button"]')].filter(
    (element) => element.getClientRects().length > 0,
  );
  return tappables.map((element) => {
    const problems: string[] = [];
    const box = element.getBoundingClientRect();
    for (const inner of [element, ...element.querySelectorAll<HTMLElement>('*')]) {
      // Inline boxes have no client width; the block around them is measured.
      if (inner.clientWidth === 0 || inner.scrollWidth <= inner.clientWidth) continue;
      const style = getComputedStyle(inner);
      const clipped = style.overflowX !== 'visible';
      const how = !clipped
        ? 'spills out of its box'
        : style.textOverflow === 'ellipsis'
          ? 'is cut with an ellipsis'
          : 'is cut off';
      problems.push(`"${inner.textContent ?? ''}" ${how}: ${inner.scrollWidth} px of text in ${inner.clientWidth} px`);
    }
    for (let outer = element.parentElement; outer && outer !== frame; outer = outer.parentElement) {
      if (getComputedStyle(outer).overflowX === 'visible') continue;
      const clip = outer.getBoundingClientRect();
      if (outside(box, clip)) problems.push(`clipped: ${span(box)} in a box of ${span(clip)}`);
    }
    if (outside(box, card)) problems.push(`reaches out of the card: ${span(box)} in ${span(card)}`);
    return { name: element.getAttribute('aria-label') ?? element.innerText.trim(), problems };
  });
}
