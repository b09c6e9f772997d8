import type { Config } from '../../config';

/** Which Direct Line the page talks to. */
export type PageDirectLine = 'azure' | 'local' | 'none';

/** How the website channel runs, decided once from the configuration. */
export interface WebchatMode {
  /** The local Direct Line routes (and the connector routes the bot replies to) are served. */
  readonly localDirectLine: boolean;
  /** POST /api/directline/token exchanges DIRECT_LINE_SECRET for an Azure Direct Line token. */
  readonly azureTokenRoute: boolean;
  /** What the page uses. */
  readonly page: PageDirectLine;
  /** Why, in a sentence, for the start-up log. */
  readonly reason: string;
}

type ModeConfig = Pick<Config, 'LOCAL_DIRECT_LINE' | 'DIRECT_LINE_SECRET' | 'MicrosoftAppId'>;

/**
 * Decides the website channel's mode:
 * - DIRECT_LINE_SECRET set: the page uses Azure Bot Service's Direct Line (production wins),
 *   and the local Direct Line is off: it would serve no one and only be one more open door.
 * - otherwise the local Direct Line, unless LOCAL_DIRECT_LINE=false or the bot has app
 *   credentials. With credentials the adapter insists on a Bot Framework JWT for every incoming
 *   activity and fetches an AAD token before every reply, which a local channel can neither
 *   give nor check; a registered bot uses Azure's Direct Line instead.
 */
export function webchatMode(config: ModeConfig): WebchatMode {
  const azureTokenRoute = config.DIRECT_LINE_SECRET !== undefined;
  const localDirectLine = !azureTokenRoute && config.LOCAL_DIRECT_LINE && config.MicrosoftAppId === undefined;
  const page: PageDirectLine = azureTokenRoute ? 'azure' : localDirectLine ? 'local' : 'none';
  let reason: string;
  if (azureTokenRoute) reason = 'DIRECT_LINE_SECRET is set: the page uses Azure Bot Service Direct Line';
  else if (localDirectLine) reason = 'the page uses the local Direct Line (set DIRECT_LINE_SECRET for Azure)';
  else if (!config.LOCAL_DIRECT_LINE)
    reason = 'LOCAL_DIRECT_LINE=false and no DIRECT_LINE_SECRET: the page has no Direct Line';
  else
    reason = 'MicrosoftAppId is set, so the local Direct Line is off; set DIRECT_LINE_SECRET to use Azure Direct Line';
  return Object.freeze({ localDirectLine, azureTokenRoute, page, reason });
}
