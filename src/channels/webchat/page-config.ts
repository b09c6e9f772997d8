import { AZURE_TOKEN_PATH } from './azure-token-route';
import { DIRECT_LINE_PATH } from './direct-line-routes';
import { readableTextOn } from './readable-text-color';
import type { PageDirectLine } from './webchat-mode';

/** How the page reaches a Direct Line. Paths starting with '/' are on the page's own origin. */
export type PageDirectLineConfig =
  | {
      readonly kind: 'local' | 'azure';
      /** Web Chat's `domain` option: the Direct Line 3.0 base URL. */
      readonly domain: string;
      /** POST here for `{ conversationId, token }` to start a conversation. */
      readonly tokenUrl: string;
      /** The local Direct Line polls; Azure's streams over a WebSocket. */
      readonly webSocket: boolean;
      /** How often a polling client asks for new activities. */
      readonly pollingIntervalMs?: number;
    }
  | { readonly kind: 'none' };

/** What the page script reads from /webchat/config.json. Nothing secret goes in here. */
export interface PageConfig {
  readonly firmName: string;
  readonly accentColor: string;
  /** Black or white, whichever reads better on the accent colour. */
  readonly accentTextColor: string;
  readonly directLine: PageDirectLineConfig;
}

/**
 * Half Web Chat's default second: replies show up sooner, and a poll of the local Direct Line
 * is a lookup in memory.
 */
const LOCAL_POLLING_INTERVAL_MS = 500;

/** The page's configuration for a mode. */
export function pageConfig(options: {
  readonly firmName: string;
  readonly accentColor: string;
  readonly page: PageDirectLine;
  readonly azureEndpoint: string;
}): PageConfig {
  const { firmName, accentColor } = options;
  const accentTextColor = readableTextOn(accentColor);
  switch (options.page) {
    case 'local':
      return {
        firmName,
        accentColor,
        accentTextColor,
        directLine: {
          kind: 'local',
          domain: DIRECT_LINE_PATH,
          tokenUrl: `${DIRECT_LINE_PATH}/tokens/generate`,
          webSocket: false,
          pollingIntervalMs: LOCAL_POLLING_INTERVAL_MS,
        },
      };
    case 'azure':
      return {
        firmName,
        accentColor,
        accentTextColor,
        directLine: {
          kind: 'azure',
          domain: `${options.azureEndpoint.replace(/\/+$/, '')}/v3/directline`,
          tokenUrl: AZURE_TOKEN_PATH,
          webSocket: true,
        },
      };
    case 'none':
      return { firmName, accentColor, accentTextColor, directLine: { kind: 'none' } };
  }
}
