import type { Activity, ConversationState, TurnContext, UserState } from 'botbuilder';
import { isETagConflict } from '../state/etag-conflict';
import { StorageUnavailableError } from '../state/storage-unavailable-error';
import type { Logger } from '../logger';
import type { Reply } from '../reply/reply';
import { channelTraits, renderReply } from './render';
import { TurnQueue } from './turn-queue';

/** What the runner needs: the two states it saves, and what to say when it cannot. */
export interface TurnRunnerDeps {
  readonly conversationState: ConversationState;
  readonly userState: UserState;
  readonly logger: Logger;
  /** Said when the turn kept colliding with other instances' writes. */
  readonly busyReply: () => Reply;
  /** Said when storage is down: the help-desk details, from content in memory. */
  readonly storageDownReply: (context: TurnContext) => Reply;
  /** Milliseconds of jitter before a re-run; random by default, fixed in tests. */
  readonly jitter?: () => number;
  /** Called once the turn's state is saved: what the turn did is now for real (analytics). */
  readonly saved?: (context: TurnContext) => void;
}

const MAX_TURN_ATTEMPTS = 6;

/**
 * Runs turns safely: one at a time per conversation in this process, replies held until the
 * turn's state is saved, and a turn that lost an eTag race to another instance run again on
 * fresh state with its held replies dropped, so no update is lost and the user never sees a reply
 * whose state was thrown away. If storage is down, the user still gets the help-desk details.
 */
export class TurnRunner {
  private readonly queue = new TurnQueue();

  constructor(private readonly deps: TurnRunnerDeps) {}

  run(context: TurnContext, turn: () => Promise<void>): Promise<void> {
    const key = `${context.activity.channelId}/${context.activity.conversation?.id ?? ''}`;
    return this.queue.run(key, () => this.runOnce(context, turn));
  }

  private async runOnce(context: TurnContext, turn: () => Promise<void>): Promise<void> {
    const { conversationState, userState, logger } = this.deps;
    const outbox = holdReplies(context);
    const send = (reply: Reply) =>
      context.sendActivities(renderReply(reply, channelTraits(context.activity.channelId)));
    for (let attempt = 1; ; attempt++) {
      try {
        await turn();
        // User state first: its changes are idempotent (a zone, a date), so if the conversation
        // write then collides and the turn runs again, writing them twice does no harm.
        await userState.saveChanges(context, false);
        await conversationState.saveChanges(context, false);
        this.deps.saved?.(context);
        break;
      } catch (error) {
        outbox.discard();
        if (isETagConflict(error) && attempt < MAX_TURN_ATTEMPTS) {
          // Another instance wrote first: wait a little (jittered, so colliding instances spread
          // out) and run the turn again on what it saved.
          await delay(attempt * (5 + (this.deps.jitter ?? (() => Math.random() * 20))()));
          await conversationState.load(context, true);
          await userState.load(context, true);
          continue;
        }
        if (isETagConflict(error)) {
          logger.warn(
            { conversationId: context.activity.conversation?.id, attempts: attempt },
            'turn collided repeatedly',
          );
          await send(this.deps.busyReply());
        } else if (error instanceof StorageUnavailableError) {
          await send(this.deps.storageDownReply(context));
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
}

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
