import type { Activity } from 'botbuilder';

/**
 * Who a welcome would be for:
 * - `person`: one person's chat (Teams one-to-one, Web Chat, the Emulator), welcomed as before;
 * - `everyone`: a Teams channel or group chat the bot was just added to, welcomed once, in the
 *   conversation itself;
 * - `none`: not a moment to welcome anyone.
 */
export type WelcomeAudience = 'none' | 'person' | 'everyone';

/**
 * Decides whether an install or members-added activity calls for a welcome. Teams' store rules:
 * one welcome to the channel when the bot is installed in a team or group chat, and none when
 * people join one (they see the bot's earlier posts). Whether the conversation was already
 * welcomed is the conversation state's business, so a re-add or the second of Teams' two
 * install events (installationUpdate, then conversationUpdate) sends nothing.
 */
export function welcomeAudience(activity: Partial<Activity>): WelcomeAudience {
  const teams = activity.channelId === 'msteams';
  const shared = teams && isSharedConversation(activity);
  if (activity.type === 'installationUpdate') {
    if (!teams || activity.action !== 'add') return 'none';
    return shared ? 'everyone' : 'person';
  }
  if (activity.type !== 'conversationUpdate') return 'none';
  const botId = activity.recipient?.id;
  const added = activity.membersAdded ?? [];
  const botAdded = added.some((member) => member.id === botId);
  const humanAdded = added.some((member) => member.id !== botId);
  if (shared) return botAdded ? 'everyone' : 'none';
  // A Teams one-to-one install may name only the bot; elsewhere the bot joins every conversation
  // first, so only a person arriving is worth a welcome.
  if (teams) return botAdded || humanAdded ? 'person' : 'none';
  return humanAdded ? 'person' : 'none';
}

/** A team's channel or a group chat, as Teams marks them (several people read what is sent). */
function isSharedConversation(activity: Partial<Activity>): boolean {
  const type = activity.conversation?.conversationType;
  if (type === 'channel' || type === 'groupChat') return true;
  if (type === 'personal') return false;
  return activity.conversation?.isGroup === true;
}
