import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Activity } from 'botbuilder';
import { JSDOM } from 'jsdom';
import type * as AdaptiveCardsModule from 'adaptivecards';
import { FIXTURES_DIR } from '../../support/paths';

/**
 * Checks activities against what Teams renders, with Microsoft's own Adaptive Cards renderer
 * (the `adaptivecards` package) under jsdom and Microsoft's published Teams host config
 * (test/fixtures/teams/README.md says where it comes from). Teams' own limits that the renderer
 * does not know are checked here too: schema version, message size, a summary, no tel: buttons.
 */

/** Highest Adaptive Card schema version Teams renders. */
export const TEAMS_MAX_VERSION = '1.5';
/** Teams refuses bot messages over about 28 KB. */
export const TEAMS_MAX_BYTES = 28 * 1024;
export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

const dom = new JSDOM('<!doctype html><html><body></body></html>');
// The renderer reaches for browser globals (document, HTMLElement, HTMLButtonElement, …) by name.
for (const name of Object.getOwnPropertyNames(dom.window)) {
  if (
    /^(HTML|SVG)|^(document|navigator|Node|Element|Event|KeyboardEvent|MouseEvent)$/.test(name) &&
    !(name in globalThis)
  )
    Object.defineProperty(globalThis, name, {
      value: (dom.window as unknown as Record<string, unknown>)[name],
      configurable: true,
    });
}
if (!('window' in globalThis)) Object.defineProperty(globalThis, 'window', { value: dom.window, configurable: true });
// The renderer writes text through innerText, which jsdom (having no layout) leaves out; for what
// these checks read, the text content is the same thing.
Object.defineProperty(dom.window.HTMLElement.prototype, 'innerText', {
  get(this: HTMLElement) {
    return this.textContent;
  },
  set(this: HTMLElement, value: string) {
    this.textContent = value;
  },
  configurable: true,
});

// The package's `main` is ES modules without file extensions, which Node and jest cannot load; its
// UMD bundle is the same code, built by Microsoft.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as typeof AdaptiveCardsModule;
// Teams renders markdown itself; here text is rendered as plain text, which is all the checks need
// (and keeps the renderer from warning that no markdown processor is set).
AC.AdaptiveCard.onProcessMarkdown = (_text, result) => {
  result.didProcess = false;
};

const hostConfig = new AC.HostConfig(
  JSON.parse(readFileSync(join(FIXTURES_DIR, 'teams', 'host-config-light.json'), 'utf8')) as object,
);

/** Compares two "major.minor" versions. */
function versionAtMost(version: string, limit: string): boolean {
  const [major, minor] = version.split('.').map(Number);
  const [limitMajor, limitMinor] = limit.split('.').map(Number);
  return major < limitMajor || (major === limitMajor && minor <= limitMinor);
}

/** Every action set in a card, nested ShowCard cards and ActionSets included. */
function actionSets(node: unknown): unknown[][] {
  if (Array.isArray(node)) return node.flatMap(actionSets);
  if (!node || typeof node !== 'object') return [];
  const record = node as Record<string, unknown>;
  const own = Array.isArray(record.actions) ? [record.actions as unknown[]] : [];
  return [...own, ...Object.values(record).flatMap(actionSets)];
}

/** What the renderer said while parsing, validating and rendering one card, and what it drew. */
export interface RenderedCard {
  readonly problems: string[];
  readonly element?: HTMLElement;
}

/** Parses, validates and renders a card the way a Teams client would, collecting every complaint. */
export function renderForTeams(card: Record<string, unknown>): RenderedCard {
  const problems: string[] = [];
  const version = typeof card.version === 'string' ? card.version : '';
  if (!versionAtMost(version, TEAMS_MAX_VERSION)) problems.push(`version "${version}" is above ${TEAMS_MAX_VERSION}`);
  const adaptiveCard = new AC.AdaptiveCard();
  adaptiveCard.hostConfig = hostConfig;
  // Parsed at the card's own version: an element or property from a later one is reported.
  const declared = AC.Version.parse(version, new AC.SerializationContext());
  const context = new AC.SerializationContext(declared?.isValid ? declared : AC.Versions.v1_0);
  adaptiveCard.parse(card, context);
  for (let index = 0; index < context.eventCount; index++) problems.push(`parse: ${context.getEventAt(index).message}`);
  for (const event of adaptiveCard.validateProperties().validationEvents) problems.push(`validate: ${event.message}`);
  const warnings = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  let element: HTMLElement | undefined;
  try {
    element = adaptiveCard.render();
    for (const call of [...warnings.mock.calls, ...errors.mock.calls])
      problems.push(`render: ${call.map(String).join(' ')}`);
  } finally {
    warnings.mockRestore();
    errors.mockRestore();
  }
  if (!element) problems.push('render: nothing rendered');
  for (const set of actionSets(card)) {
    if (set.length > hostConfig.actions.maxActions) problems.push(`${set.length} actions in one set`);
  }
  return { problems, element };
}

/** Everything Teams would object to in one activity the bot sends. */
export function teamsProblems(activity: Partial<Activity>): string[] {
  const problems: string[] = [];
  const json = JSON.stringify(activity);
  const bytes = Buffer.byteLength(json, 'utf8');
  if (bytes > TEAMS_MAX_BYTES) problems.push(`${bytes} bytes, over ${TEAMS_MAX_BYTES}`);
  if (activity.suggestedActions) problems.push('suggested actions (Teams rarely shows them)');
  if (/"tel:/.test(json)) problems.push('a tel: action (it does nothing on Teams desktop and web)');
  const cards = (activity.attachments ?? []).filter((attachment) => attachment.contentType === ADAPTIVE_CARD);
  if (cards.length > 0 && !activity.summary?.trim()) problems.push('a card without a summary');
  for (const attachment of cards)
    problems.push(...renderForTeams(attachment.content as Record<string, unknown>).problems);
  return problems;
}
