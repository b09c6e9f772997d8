import type { Middleware, TurnContext } from 'botbuilder';
import type { Logger } from '../logger';
import { removeBotMention } from '../channels/teams/mentions';
import { isTenantAllowed, tenantOf } from '../channels/teams/tenant-allowlist';

export interface TeamsMiddlewareOptions {
  /** Tenants allowed to use the bot; empty means all. */
  readonly allowedTenants: readonly string[];
  /** The short refusal a foreign tenant gets. */
  readonly refusal: string;
  readonly logger: Logger;
  /**
   * Longer texts are left as they are, before other processing: the bot answers them "too long"
   * anyway, and nothing an attacker sends should cost more than reading it.
   */
  readonly maxTextLength: number;
}

/**
 * Teams at the edge: refuses tenants outside the allowlist (logged without their text), and
 * removes the bot's own @mention so "<at>SupportBot</at> how long does the code take?" is
 * matched as the question it is. Other channels pass through untouched.
 */
export function teamsMiddleware(options: TeamsMiddlewareOptions): Middleware {
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
      const activity = context.activity;
      if (activity.channelId !== 'msteams') return next();
      const tenant = tenantOf(activity);
      if (!isTenantAllowed(tenant, options.allowedTenants)) {
        options.logger.warn(
          { tenant: tenant ?? 'none', conversationId: activity.conversation?.id, type: activity.type },
          'tenant refused',
        );
        if (activity.type === 'message') await context.sendActivity({ type: 'message', text: options.refusal });
        return;
      }
      if (
        activity.type === 'message' &&
        typeof activity.text === 'string' &&
        activity.text.length <= options.maxTextLength
      ) {
        activity.text = removeBotMention(activity.text, activity.entities, activity.recipient?.id ?? '');
      }
      return next();
    },
  };
}
