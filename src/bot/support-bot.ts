import {
  ActivityHandler,
  type ConversationState,
  type InvokeResponse,
  type StatePropertyAccessor,
  type TurnContext,
  type UserState,
} from 'botbuilder';
import type { DateTime } from 'luxon';
import type { EventBody } from '../analytics/analytics-event';
import type { Analytics } from '../analytics/analytics';
import {
  emptyConversation,
  emptyUser,
  type ConversationData,
  type UserProfile,
} from '../conversation/conversation-data';
import { answerAskedAbout, withMessageId } from '../conversation/feedback-turn';
import { storageDownReply } from '../conversation/replies';
import { decideTurn } from '../conversation/turn-policy';
import type { PolicyDeps, TurnInput, TurnPlan } from '../conversation/turn-plan';
import type { TurnFacts } from '../conversation/turn-facts';
import { errorSummary, type Logger } from '../logger';
import { isETagConflict } from '../state/etag-conflict';
import { channelTimeZone } from './channel-facts';
import { handoffEvent } from './handoff-event';
import { welcomeAudience } from './install-welcome';
import { channelTraits, renderReply } from './render';
import { answerSentWithButtons, FEEDBACK_RECEIVED, teamsFeedbackOf, watchSentAnswers } from './teams-feedback';
import { TurnRunner } from './turn-runner';

export interface SupportBotDeps {
  readonly policy: PolicyDeps;
  readonly conversationState: ConversationState;
  readonly userState: UserState;
  readonly logger: Logger;
  /** The one clock, from the composition root. */
  readonly clock: () => DateTime;
  /** Send a `handoff.initiate` event when the user is handed to the help desk. */
  readonly handoffEvents: boolean;
  /** Where each turn's events go (hashed and redacted there); never slows or fails a turn. */
  readonly analytics: Analytics;
}

/** Writes of an answer's message id tried before giving up (each after another instance's write). */
const MESSAGE_ID_ATTEMPTS = 3;

/** A turn's events, held until its state is saved (a turn re-run after an eTag collision records once). */
const PENDING_EVENTS = Symbol('pendingAnalyticsEvents');

interface PendingEvents {
  readonly events: readonly EventBody[];
  /** The turn's instant, ISO 8601 UTC. */
  readonly time: string;
}

/**
 * The bot at the Bot Framework edge: it turns an activity into the turn's input and facts, loads
 * the saved state, asks the pure turn policy what to do, and carries the plan out (state,
 * replies rendered for the channel, a handoff event, a log line). Every decision is the policy's.
 */
export class SupportBot extends ActivityHandler {
  private readonly conversationData: StatePropertyAccessor<ConversationData>;
  private readonly userProfile: StatePropertyAccessor<UserProfile>;
  private readonly runner: TurnRunner;

  constructor(private readonly deps: SupportBotDeps) {
    super();
    this.conversationData = deps.conversationState.createProperty<ConversationData>('conversationData');
    this.userProfile = deps.userState.createProperty<UserProfile>('userProfile');
    const { texts } = deps.policy.content;
    this.runner = new TurnRunner({
      conversationState: deps.conversationState,
      userState: deps.userState,
      logger: deps.logger,
      busyReply: () => [{ text: texts.busy }],
      storageDownReply: (context) => {
        this.record(context, { events: [{ type: 'handoff', reason: 'storage' }], time: this.now() });
        return storageDownReply(this.facts(context), deps.policy.content);
      },
      saved: (context) => {
        const pending = context.turnState.get<PendingEvents | undefined>(PENDING_EVENTS);
        if (pending) this.record(context, pending);
      },
    });

    this.onMembersAdded(async (context, next) => {
      await this.welcome(context);
      await next();
    });
    this.onInstallationUpdate(async (context, next) => {
      await this.welcome(context);
      await next();
    });
    this.onEvent(async (context, next) => {
      if (context.activity.name === 'webchat/join') await this.take(context, { kind: 'join' });
      await next();
    });
    this.onMessage(async (context, next) => {
      const { text, value } = context.activity;
      await this.take(context, { kind: 'message', text: typeof text === 'string' ? text : '', value });
      await next();
    });
  }

  /**
   * Teams' feedback buttons on an answer: the rating is taken like a turn (its state saved with
   * the rest), and Teams gets the empty 200 it expects, also for a rating it cannot use (a
   * malformed value, a message id that is no answer of this conversation, a replay).
   */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const feedback = teamsFeedbackOf(context.activity);
    if (feedback === undefined) return super.onInvokeActivity(context);
    if (feedback !== 'malformed') await this.take(context, { kind: 'reaction', ...feedback });
    return FEEDBACK_RECEIVED;
  }

  /** Runs a turn through the runner: queued per conversation, replies held until state is saved. */
  override run(context: TurnContext): Promise<void> {
    const activity = context.activity;
    // Teams: the id an answer's message gets once sent, for its feedback invoke to name it.
    if (channelTraits(activity.channelId).nativeFeedback)
      watchSentAnswers(context, (token, messageId) => this.rememberMessageId(context, token, messageId));
    return this.runner.run(context, async () => {
      // Typing goes out at once (not held with the replies), where the channel shows it and a
      // reply will follow over the connector rather than in this response.
      if (
        activity.type === 'message' &&
        activity.deliveryMode !== 'expectReplies' &&
        channelTraits(activity.channelId, activity.conversation?.conversationType).typing
      ) {
        await context.sendActivity({ type: 'typing' });
      }
      await super.run(context);
    });
  }

  private facts(context: TurnContext): TurnFacts {
    const type = context.activity.conversation?.conversationType;
    return {
      now: this.deps.clock(),
      channelZone: channelTimeZone(context.activity),
      shared: type === 'channel' || type === 'groupChat',
    };
  }

  /**
   * Welcomes a person's chat, or a Teams channel or group chat the bot was added to; once per
   * conversation, as the conversation state remembers.
   */
  private async welcome(context: TurnContext): Promise<void> {
    const audience = welcomeAudience(context.activity);
    if (audience === 'none') return;
    if (audience === 'person') return this.take(context, { kind: 'join' });
    // A welcome to everyone carries nothing from the installer's own profile (a reminder about
    // their mailed code), and leaves that profile as it was.
    const state = {
      conversation: await this.conversationData.get(context, emptyConversation),
      user: await this.userProfile.get(context, emptyUser),
    };
    const plan = decideTurn({ kind: 'join' }, this.facts(context), { ...state, user: emptyUser }, this.deps.policy);
    await this.carryOut(context, { ...plan, user: state.user });
  }

  private async take(context: TurnContext, input: TurnInput): Promise<void> {
    const state = {
      conversation: await this.conversationData.get(context, emptyConversation),
      user: await this.userProfile.get(context, emptyUser),
    };
    const plan = decideTurn(input, this.facts(context), state, this.deps.policy);
    await this.carryOut(context, plan);
  }

  private async carryOut(context: TurnContext, plan: TurnPlan): Promise<void> {
    const conversationId = context.activity.conversation?.id;
    context.turnState.set(PENDING_EVENTS, { events: plan.events ?? [], time: this.now() });
    answerSentWithButtons(context, answerAskedAbout(plan.replies));
    if (plan.reset) await this.deps.conversationState.delete(context);
    await this.conversationData.set(context, plan.conversation);
    await this.userProfile.set(context, plan.user);
    const activities = renderReply(
      plan.replies,
      channelTraits(context.activity.channelId),
      this.deps.policy.content.texts,
    );
    if (activities.length > 0) await context.sendActivities(activities);
    if (plan.flowEnded)
      this.deps.logger.info(
        { conversationId, flow: plan.flowEnded.flowId, outcome: plan.flowEnded.outcome },
        'flow ended',
      );
    if (plan.handoff && this.deps.handoffEvents) {
      await context.sendActivity(
        handoffEvent(context, plan.handoff, plan.conversation.transcript, this.deps.policy.content.helpdesk.number),
      );
      this.deps.logger.info({ conversationId }, 'handoff event sent');
    }
    if (!plan.decision.startsWith('welcome'))
      this.deps.logger.info({ conversationId, decision: plan.decision }, 'turn answered');
  }

  /**
   * Keeps the id the connector gave an answer's message with the answer. The message goes out
   * only once the turn's state is saved, so this is a second, small write: on fresh state, again
   * if another instance wrote first. If it cannot be kept, Teams' feedback on that message is
   * ignored like feedback on a message the bot does not know.
   */
  private async rememberMessageId(context: TurnContext, token: string, messageId: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.deps.conversationState.load(context, true);
        const conversation = await this.conversationData.get(context, emptyConversation);
        await this.conversationData.set(context, withMessageId(conversation, token, messageId));
        await this.deps.conversationState.saveChanges(context, false);
        return;
      } catch (error) {
        if (isETagConflict(error) && attempt < MESSAGE_ID_ATTEMPTS) continue;
        const conversationId = context.activity.conversation?.id;
        this.deps.logger.warn({ err: errorSummary(error), conversationId }, 'answer message id not kept');
        return;
      }
    }
  }

  private now(): string {
    return this.deps.clock().toUTC().toISO() ?? '';
  }

  /** Hands events to analytics with the turn's context (raw ids: analytics hash them). */
  private record(context: TurnContext, { events, time }: PendingEvents): void {
    const { channelId, conversation, from } = context.activity;
    for (const body of events) {
      try {
        this.deps.analytics.record({
          ...body,
          time,
          channel: channelId ?? '',
          conversationId: conversation?.id ?? '',
          userId: from?.id ?? '',
        });
      } catch (error) {
        // Analytics never break a turn, whatever an implementation does.
        this.deps.logger.warn({ err: errorSummary(error) }, 'analytics refused an event');
      }
    }
  }
}
