import {
  ActivityHandler,
  EventFactory,
  type Activity,
  type ConversationState,
  type StatePropertyAccessor,
  type Transcript,
  type TurnContext,
  type UserState,
} from 'botbuilder';
import { DialogSet, DialogTurnStatus, type DialogState } from 'botbuilder-dialogs';
import { DateTime } from 'luxon';
import type { Content } from '../content/load-content';
import { fillTemplate } from '../content/fill-template';
import type { Flow } from '../content/flow-schema';
import { mailedCodeDue } from '../flows/computations';
import type { FlowStep } from '../flows/flow-engine';
import { resolveUserZone, zoneFromText } from '../helpdesk/user-zone';
import { isZoneStatement } from '../helpdesk/zone-statement';
import type { Logger } from '../logger';
import { findSensitiveNumbers, redactForRecords, redactSensitiveNumbers } from '../privacy/sensitive-numbers';
import { isETagConflict } from '../state/etag-conflict';
import { StorageUnavailableError } from '../state/storage-unavailable-error';
import { parseChoiceValue } from './choice-value';
import { TurnQueue } from './turn-queue';
import { FLOW_DIALOG_ID, FlowDialog, type TurnFacts } from './flow-dialog';
import { channelTraits, renderReply } from './render';
import type { HelpdeskCard, Reply } from './reply';
import { newSession, respond, welcomeReply, type ResponderDeps, type Session } from './responder';

/** What the bot keeps per conversation. */
export interface ConversationData {
  readonly session: Session;
  readonly welcomed: boolean;
  /**
   * Recent messages, numbers redacted, kept only when handoff events are on: attached to a
   * handoff so an agent sees what happened.
   */
  readonly transcript: ReadonlyArray<{ readonly from: 'user' | 'bot'; readonly text: string }>;
  /** When the last message turn ran (ISO), to tell a later visit in a long-lived chat. */
  readonly lastTurnAt?: string;
}

/** What the bot keeps per user, across conversations. */
export interface UserProfile {
  /** A time zone the user told us ("I'm in Phoenix"); wins over the channel's guess. */
  readonly timeZone?: string;
  /** When the user asked for an activation code by mail (YYYY-MM-DD), if they asked us to remember. */
  readonly mailedCodeRequestedOn?: string;
}

export interface SupportBotDeps extends Omit<ResponderDeps, 'helpdeskCard'> {
  readonly conversationState: ConversationState;
  readonly userState: UserState;
  readonly logger: Logger;
  readonly clock: () => DateTime;
  /** The live help-desk card for a user in this zone (undefined: Eastern only). */
  readonly helpdeskCard: (userZone: string | undefined, triedOnline?: boolean) => HelpdeskCard;
  readonly maxMessageLength: number;
  /** Send a `handoff.initiate` event when the user is handed to the help desk. */
  readonly handoffEvents: boolean;
}

const TRANSCRIPT_LENGTH = 30;
const emptyConversation: ConversationData = Object.freeze({ session: newSession, welcomed: false, transcript: [] });

/**
 * The bot: greets once, runs a troubleshooting flow when one is active, and otherwise answers
 * through the responder. Bot Framework types stay here; the decisions are pure functions.
 */
export class SupportBot extends ActivityHandler {
  private readonly conversationData: StatePropertyAccessor<ConversationData>;
  private readonly userProfile: StatePropertyAccessor<UserProfile>;
  private readonly dialogs: DialogSet;
  private readonly turns = new TurnQueue();

  constructor(private readonly deps: SupportBotDeps) {
    super();
    this.conversationData = deps.conversationState.createProperty<ConversationData>('conversationData');
    this.userProfile = deps.userState.createProperty<UserProfile>('userProfile');
    this.dialogs = new DialogSet(deps.conversationState.createProperty<DialogState>('dialogState'));
    this.dialogs.add(
      new FlowDialog({
        content: deps.content,
        responder: (context) => this.responderDeps(context),
        turnFacts: (context) => this.turnFacts(context),
        helpdeskCard: (zone, triedOnline) => deps.helpdeskCard(zone, triedOnline),
        send: (context, reply) => this.send(context, reply),
        onStep: (context, flow, step) => this.onFlowStep(context, flow, step),
      }),
    );

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

  /**
   * Runs a turn. Replies are held until the turn's state is saved: if another turn of the same
   * conversation saved first (an eTag conflict), the held replies are dropped and the turn runs
   * again on fresh state, so no update is lost and the user never sees a reply whose state was
   * thrown away. If the storage is down, the user still gets the help-desk details.
   */
  override run(context: TurnContext): Promise<void> {
    const key = `${context.activity.channelId}/${context.activity.conversation?.id ?? ''}`;
    return this.turns.run(key, () => this.runTurn(context));
  }

  private async runTurn(context: TurnContext): Promise<void> {
    const activity = context.activity;
    // Typing goes out at once (not held with the replies), where the channel shows it and a
    // reply will follow over the connector rather than in this response.
    if (activity.type === 'message' && activity.deliveryMode !== 'expectReplies' && channelTraits(activity.channelId, activity.conversation?.conversationType).typing) {
      await context.sendActivity({ type: 'typing' });
    }
    const outbox = holdReplies(context);
    for (let attempt = 1; ; attempt++) {
      try {
        await super.run(context);
        // User state first: its changes are idempotent (a zone, a date), so if the conversation
        // write then collides and the turn runs again, writing them twice does no harm.
        await this.deps.userState.saveChanges(context, false);
        await this.deps.conversationState.saveChanges(context, false);
        break;
      } catch (error) {
        outbox.discard();
        if (isETagConflict(error) && attempt < MAX_TURN_ATTEMPTS) {
          // Another instance wrote first: wait a little (jittered, so colliding instances spread
          // out) and run the turn again on what it saved.
          await delay(attempt * (5 + Math.random() * 20));
          await this.deps.conversationState.load(context, true);
          await this.deps.userState.load(context, true);
          continue;
        }
        if (isETagConflict(error)) {
          this.deps.logger.warn({ conversationId: context.activity.conversation?.id, attempts: attempt }, 'turn collided repeatedly');
          await context.sendActivities(renderReply([{ text: this.content.texts.busy }], channelTraits(context.activity.channelId)));
        } else if (error instanceof StorageUnavailableError) {
          const reply: Reply = [{ text: this.content.texts.storageDown }, { helpdesk: this.deps.helpdeskCard(resolveUserZone(channelTimeZone(context))) }];
          await context.sendActivities(renderReply(reply, channelTraits(context.activity.channelId)));
        } else {
          // Let the adapter's error handler apologise: its reply must not be held back.
          outbox.passThrough();
          throw error;
        }
        break;
      }
    }
    await outbox.release();
  }

  private get content(): Content {
    return this.deps.content;
  }

  private async welcome(context: TurnContext): Promise<void> {
    const data = await this.conversationData.get(context, emptyConversation);
    if (data.welcomed) return;
    await this.conversationData.set(context, { ...data, welcomed: true });
    await this.send(context, [...(await this.mailReminder(context)), ...welcomeReply(this.deps)]);
  }

  /** On a later visit: when the mailed activation code is due, unprompted. */
  private async mailReminder(context: TurnContext): Promise<Reply> {
    const profile = await this.userProfile.get(context, {});
    if (!profile.mailedCodeRequestedOn) return [];
    const { today } = await this.turnFacts(context);
    const due = mailedCodeDue(profile.mailedCodeRequestedOn, today);
    const template = due.overdue ? this.content.texts.mailReminderOverdue : this.content.texts.mailReminderPending;
    return [{ text: fillTemplate(template, { requestedOnText: due.requestedOnText, dueDateText: due.dueDateText }) }];
  }

  private async answer(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const value = parseChoiceValue(activity.value);
    const rawText = typeof activity.text === 'string' ? activity.text.trim() : '';
    const { texts } = this.content;
    if (!value && rawText.length === 0) {
      await this.send(context, [{ text: texts.nonText }]);
      return;
    }
    if (!value && rawText.length > this.deps.maxMessageLength) {
      await this.send(context, [{ text: fillTemplate(texts.tooLong, { max: this.deps.maxMessageLength }) }]);
      return;
    }
    if (!value && this.deps.detectCommand(rawText) === 'reset') {
      await this.deps.conversationState.delete(context);
      await this.conversationData.set(context, { ...emptyConversation, welcomed: true });
      await this.send(context, [{ text: this.content.texts.resetDone }, ...welcomeReply(this.deps)]);
      this.logTurn(context, 'reset');
      return;
    }
    const sensitive = findSensitiveNumbers(rawText).length > 0;
    // Matching never needs the numbers, and nothing downstream should ever see them.
    const text = sensitive ? redactSensitiveNumbers(rawText) : rawText;
    if (sensitive) await this.send(context, [{ text: texts.privacyWarning }]);
    await this.record(context, 'user', text);

    const data = await this.conversationData.get(context, emptyConversation);
    const now = this.deps.clock();
    const lastTurn = data.lastTurnAt ? DateTime.fromISO(data.lastTurnAt) : undefined;
    // A later visit without a join event (Teams one-to-one chats keep one conversation for
    // ever): the first message here, or the first after a long pause.
    const laterVisit = !data.welcomed || (lastTurn !== undefined && now.diff(lastTurn, 'hours').hours >= LATER_VISIT_HOURS);
    await this.conversationData.set(context, { ...data, welcomed: true, lastTurnAt: now.toISO() ?? undefined });
    if (laterVisit) {
      const reminder = await this.mailReminder(context);
      if (reminder.length > 0) await this.send(context, reminder);
    }
    const zoneReply = value ? [] : await this.rememberZone(context, text);
    await this.turnFacts(context);

    const dc = await this.dialogs.createContext(context);
    if (dc.activeDialog) {
      const result = await dc.continueDialog();
      this.logTurn(context, `flow:${result.status === DialogTurnStatus.complete ? 'ended' : 'waiting'}`);
      return;
    }

    const outcome = respond({ text, value }, data.session, this.responderDeps(context));
    await this.conversationData.set(context, { ...(await this.conversationData.get(context, emptyConversation)), session: outcome.session });
    this.logTurn(context, outcome.decision.kind);
    if (outcome.startFlow) {
      await dc.beginDialog(FLOW_DIALOG_ID, { flowId: outcome.startFlow });
      return;
    }
    const declined = outcome.decision.kind === 'decline';
    await this.send(context, zoneReply.length > 0 && declined ? zoneReply : outcome.reply);
    if (outcome.handoff) await this.signalHandoff(context, texts.helpdeskButton);
  }

  /** "I'm in Phoenix": remember the zone for this user. Returns the acknowledgement. */
  private async rememberZone(context: TurnContext, text: string): Promise<Reply> {
    if (!isZoneStatement(text)) return [];
    const zone = resolveUserZone(zoneFromText(text, this.content.timeZones));
    if (!zone) return [];
    const profile = await this.userProfile.get(context, {});
    await this.userProfile.set(context, { ...profile, timeZone: zone });
    context.turnState.delete(TURN_FACTS_KEY);
    return [{ text: fillTemplate(this.content.texts.zoneRemembered, { zone }) }];
  }

  private responderDeps(context: TurnContext): ResponderDeps {
    return {
      ...this.deps,
      helpdeskCard: () => this.deps.helpdeskCard(this.userZoneNow(context)),
    };
  }

  /** The user's zone for this turn, from the turn's facts once worked out (synchronous). */
  private userZoneNow(context: TurnContext): string | undefined {
    const facts = context.turnState.get(TURN_FACTS_KEY) as TurnFacts | undefined;
    return facts?.userZone ?? channelTimeZone(context);
  }

  private async turnFacts(context: TurnContext): Promise<TurnFacts> {
    const known = context.turnState.get(TURN_FACTS_KEY) as TurnFacts | undefined;
    if (known) return known;
    const profile = await this.userProfile.get(context, {});
    const userZone = resolveUserZone(profile.timeZone) ?? resolveUserZone(channelTimeZone(context));
    const now = this.deps.clock().setZone(userZone ?? this.content.helpdesk.zone);
    const facts = { userZone, today: now.toFormat('yyyy-MM-dd') };
    context.turnState.set(TURN_FACTS_KEY, facts);
    return facts;
  }

  private async onFlowStep(context: TurnContext, flow: Flow, step: FlowStep): Promise<void> {
    const remembered = step.remember?.mailedCodeRequestedOn;
    if (remembered !== undefined) {
      const { mailedCodeRequestedOn: _old, ...profile } = await this.userProfile.get(context, {});
      await this.userProfile.set(context, remembered === null ? profile : { ...profile, mailedCodeRequestedOn: remembered });
    }
    if (!step.ended) return;
    this.deps.logger.info({ conversationId: context.activity.conversation?.id, flow: flow.id, outcome: step.ended.outcome }, 'flow ended');
    if (step.ended.outcome === 'handed-off') await this.signalHandoff(context, step.ended.handoffSummary ?? flow.title);
  }

  /**
   * Tells a contact-centre product (if the firm connected one) that this user is being handed
   * to the help desk: a `handoff.initiate` event with a summary, the user's zone and the
   * redacted transcript. Off by default; the user sees the same reply either way.
   */
  private async signalHandoff(context: TurnContext, summary: string): Promise<void> {
    if (!this.deps.handoffEvents) return;
    const data = await this.conversationData.get(context, emptyConversation);
    const { userZone } = await this.turnFacts(context);
    const transcript: Transcript = {
      activities: data.transcript.map((entry) => ({ type: 'message', text: entry.text, from: { id: entry.from, name: entry.from } }) as Activity),
    };
    const event = EventFactory.createHandoffInitiation(
      context,
      { summary: redactForRecords(summary), userZone: userZone ?? this.content.helpdesk.zone, helpdesk: this.content.helpdesk.number },
      transcript,
    );
    await context.sendActivity(event);
    this.deps.logger.info({ conversationId: context.activity.conversation?.id }, 'handoff event sent');
  }

  /** Keeps recent messages for a handoff's transcript; only when handoff events are on. */
  private async record(context: TurnContext, from: 'user' | 'bot', text: string): Promise<void> {
    // Kept only for the handoff event: otherwise it would cost state size and time every turn.
    if (!text || !this.deps.handoffEvents) return;
    const data = await this.conversationData.get(context, emptyConversation);
    // What the user typed may hold a number in a format nobody foresaw: keep no long digit runs.
    const kept = from === 'user' ? redactForRecords(text) : redactSensitiveNumbers(text);
    const transcript = [...data.transcript, { from, text: kept.slice(0, 500) }].slice(-TRANSCRIPT_LENGTH);
    await this.conversationData.set(context, { ...data, transcript });
  }

  private logTurn(context: TurnContext, decision: string): void {
    this.deps.logger.info({ conversationId: context.activity.conversation?.id, decision }, 'turn answered');
  }

  private async send(context: TurnContext, reply: Reply): Promise<void> {
    const activities = renderReply(reply, channelTraits(context.activity.channelId));
    if (activities.length === 0) return;
    for (const message of reply) if (message.text) await this.record(context, 'bot', message.text);
    await context.sendActivities(activities);
  }
}

const TURN_FACTS_KEY = Symbol('turnFacts');
const MAX_TURN_ATTEMPTS = 6;
const LATER_VISIT_HOURS = 8;

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Holds the turn's outgoing activities until release(), so a turn that is re-run (or fails)
 * sends nothing it has to take back.
 */
function holdReplies(context: TurnContext): { discard(): void; passThrough(): void; release(): Promise<void> } {
  let held: Array<Partial<Activity>> = [];
  let releasing = false;
  context.onSendActivities(async (_context, activities, next) => {
    if (releasing) return next();
    held.push(...activities);
    return activities.map(() => ({ id: '' }));
  });
  return {
    discard: () => {
      held = [];
    },
    passThrough: () => {
      held = [];
      releasing = true;
    },
    release: async () => {
      releasing = true;
      if (held.length > 0) await context.sendActivities(held);
      held = [];
    },
  };
}

/** The user's zone as the channel reports it: Web Chat's localTimezone, Teams' clientInfo. */
export function channelTimeZone(context: TurnContext): string | undefined {
  const activity = context.activity;
  if (typeof activity.localTimezone === 'string' && activity.localTimezone) return activity.localTimezone;
  const entities: unknown = activity.entities;
  const clientInfo = Array.isArray(entities)
    ? (entities as unknown[]).find((entity): entity is Record<string, unknown> => typeof entity === 'object' && entity !== null && (entity as { type?: unknown }).type === 'clientInfo')
    : undefined;
  const timezone: unknown = clientInfo?.timezone;
  return typeof timezone === 'string' && timezone ? timezone : undefined;
}
