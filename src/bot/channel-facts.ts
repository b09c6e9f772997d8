import type { Activity } from 'botbuilder';

/** The user's zone as the channel reports it: Web Chat's localTimezone, Teams' clientInfo entity. */
export function channelTimeZone(activity: Partial<Activity>): string | undefined {
  if (typeof activity.localTimezone === 'string' && activity.localTimezone) return activity.localTimezone;
  const entities: unknown = activity.entities;
  const clientInfo = Array.isArray(entities)
    ? (entities as unknown[]).find(
        (entity): entity is Record<string, unknown> =>
          typeof entity === 'object' && entity !== null && (entity as { type?: unknown }).type === 'clientInfo',
      )
    : undefined;
  const timezone: unknown = clientInfo?.timezone;
  return typeof timezone === 'string' && timezone ? timezone : undefined;
}
