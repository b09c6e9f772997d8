import {
  ActivityHandler,
  type ConversationState,
  type StatePropertyAccessor,
  type TurnContext,
  type UserState,
} from 'botbuilder';
import type { Content } from '../content/load-content';
import { fillTemplate } from '../content/fill-template';
import type { Logger } from '../logger';
import { parseChoiceValue } from './choice-value';
import { channelTraits, renderReply } from './render';
import type { HelpdeskCard, Reply } from './reply';
import { articleChoice, newSession, respond, type Outcome, type ResponderDeps, type Session } from './responder';

/** What the bot keeps per conversation. */
export interface ConversationData {
  readonly session: Session;
  readonly welcomed: boolean;
}

/** What the bot keeps per user, across conversations. */
export interface UserProfile {
  /** A time zone the user told us ("I'm in Phoenix"); wins over the channel's guess. */
  readonly timeZone?: string;
}

export interface SupportBotDeps extends Omit<ResponderDeps, 'helpdeskCard'> {
  readonly conversationState: ConversationState;
  readonly userState: UserState;
  readonly logger: Logger;
  /** The live help-desk card for a user in this zone (undefined: Eastern only). */
  readonly helpdeskCard: (userZone: string | undefined) => HelpdeskCard;
  readonly maxMessageLength: number;
}

/**
 * The bot: greets once, then answers each message through the responder. Bot Framework types
 * stay here; every decision is made by the pure functions it calls.
 */
export class SupportBot extends ActivityHandler {
  private readonly conversationData: StatePropertyAccessor<ConversationData>;
  private readonly userProfile: StatePropertyAccessor<UserProfile>;

  constructor(private readonly deps: SupportBotDeps) {
    super();
    this.conversationData = deps.conversationState.createProperty<ConversationData>('conversationData');
    this.userProfile = deps.userState.createProperty<UserProfile>('userProfile');

    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const humans = (context.activity.membersAdded ?? []).filter((member) => member.id !== botId);
      if (humans.length > 0) await this.welcome(context);
      await next();
    });
    this.onEvent(async (context, next) => {
      if (context.activity.name === 'webchat/join') await this.welcome(context);
      await next();
    });
    this.onMessage(async (context, next) => {
      await this.answer(context);
      await next();
    });
  }

  /** Runs a turn and saves state, whatever the turn did. */
  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.deps.conversationState.saveChanges(context, false);
    await this.deps.userState.saveChanges(context, false);
  }

  private get content(): Content {
    return this.deps.content;
  }

  private async welcome(context: TurnContext): Promise<void> {
    const data = await this.conversationData.get(context, { session: newSession, welcomed: false });
    if (data.welcomed) return;
    await this.conversationData.set(context, { ...data, welcomed: true });
    const { texts } = this.content;
    await this.send(context, [
      { text: texts.welcome, choices: texts.welcomeTopArticles.map((id) => articleChoice(id, this.deps)) },
    ]);
  }

  private async answer(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const value = parseChoiceValue(activity.value);
    const text = typeof activity.text === 'string' ? activity.text.trim() : '';
    if (!value && text.length === 0) {
      await this.send(context, [{ text: this.content.texts.nonText }]);
      return;
    }
    if (!value && text.length > this.deps.maxMessageLength) {
      await this.send(context, [{ text: fillTemplate(this.content.texts.tooLong, { max: this.deps.maxMessageLength }) }]);
      return;
    }
    const data = await this.conversationData.get(context, { session: newSession, welcomed: true });
    const profile = await this.userProfile.get(context, {});
    const userZone = profile.timeZone ?? channelTimeZone(context);
    const outcome: Outcome = respond({ text, value }, data.session, {
      ...this.deps,
      helpdeskCard: () => this.deps.helpdeskCard(userZone),
    });
    await this.conversationData.set(context, { ...data, session: outcome.session });
    this.deps.logger.info(
      { conversationId: activity.conversation?.id, decision: outcome.decision.kind },
      'turn answered',
    );
    await this.send(context, outcome.reply);
  }

  private async send(context: TurnContext, reply: Reply): Promise<void> {
    const activities = renderReply(reply, channelTraits(context.activity.channelId));
    if (activities.length > 0) await context.sendActivities(activities);
  }
}

/** The user's zone as the channel reports it: Web Chat's localTimezone, Teams' clientInfo. */
export function channelTimeZone(context: TurnContext): string | undefined {
  const activity = context.activity;
  if (typeof activity.localTimezone === 'string' && activity.localTimezone) return activity.localTimezone;
  const clientInfo = (activity.entities ?? []).find((entity) => entity.type === 'clientInfo');
  const timezone: unknown = clientInfo?.timezone;
  return typeof timezone === 'string' && timezone ? timezone : undefined;
}

