import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { TurnContext } from 'botbuilder';
import type { Content } from '../content/load-content';
import type { Flow, FlowOutcome } from '../content/flow-schema';
import { computations } from '../flows/computations';
import { answerFlow, hasTriedOnline, pendingQuestion, startFlow, type FlowContext, type FlowState, type FlowStep } from '../flows/flow-engine';
import { parseChoiceValue } from './choice-value';
import type { HelpdeskCard, Reply } from './reply';
import { articleReply, respond, type ResponderDeps } from './responder';

export const FLOW_DIALOG_ID = 'flow';

/** What the dialog needs to know about the turn it runs in. */
export interface TurnFacts {
  readonly userZone: string | undefined;
  /** Today in the user's zone, YYYY-MM-DD. */
  readonly today: string;
}

export interface FlowDialogDeps {
  readonly content: Content;
  readonly responder: (context: TurnContext) => ResponderDeps;
  readonly turnFacts: (context: TurnContext) => Promise<TurnFacts>;
  readonly helpdeskCard: (userZone: string | undefined, triedOnline: boolean) => HelpdeskCard;
  readonly send: (context: TurnContext, reply: Reply) => Promise<void>;
  /** A flow ended: log it, signal a handoff, remember what the user asked us to. */
  readonly onStep: (context: TurnContext, flow: Flow, step: FlowStep) => Promise<void>;
}

interface FlowDialogState {
  flow?: FlowState;
}

/**
 * One dialog that runs any flow from dialogs/*.yaml. The flow's position and answers live in
 * dialog state; the decisions are the pure flow engine's. Mid-flow, a knowledge question is
 * answered and the pending question asked again; "start over", "cancel", "help" and "talk to a
 * person" work at any point.
 */
export class FlowDialog extends Dialog<{ flowId: string }> {
  constructor(private readonly deps: FlowDialogDeps) {
    super(FLOW_DIALOG_ID);
  }

  override async beginDialog(dc: DialogContext, options?: { flowId: string }): Promise<DialogTurnResult> {
    const flow = options ? this.deps.content.flows.get(options.flowId) : undefined;
    if (!flow) return dc.endDialog();
    const context = await this.flowContext(dc.context);
    return this.apply(dc, flow, startFlow(flow, this.version(flow), context));
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = (dc.activeDialog?.state as FlowDialogState | undefined)?.flow;
    const flow = state ? this.deps.content.flows.get(state.flowId) : undefined;
    const { texts } = this.deps.content;
    if (!state || !flow) return dc.endDialog();

    const context = await this.flowContext(dc.context);
    if (state.flowVersion !== this.version(flow)) {
      // The flow changed under this conversation (a deploy): its saved position may not exist.
      await this.deps.send(dc.context, [{ text: texts.flowChanged }]);
      return this.apply(dc, flow, startFlow(flow, this.version(flow), context));
    }

    const activity = dc.context.activity;
    const text = typeof activity.text === 'string' ? activity.text.trim() : '';
    const value = parseChoiceValue(activity.value);
    const responder = this.deps.responder(dc.context);
    const command = value ? undefined : responder.detectCommand(text);
    switch (command) {
      case 'restart':
        return this.apply(dc, flow, startFlow(flow, this.version(flow), context));
      case 'cancel':
        await this.deps.send(dc.context, [{ text: texts.flowCancelled }]);
        await this.deps.onStep(dc.context, flow, { reply: [], ended: { outcome: 'cancelled' } });
        return dc.endDialog();
      case 'help':
        await this.deps.send(dc.context, [{ text: texts.help }, ...pendingQuestion(flow, state, context)]);
        return Dialog.EndOfTurn;
      case 'helpdesk': {
        const step: FlowStep = {
          reply: [{ helpdesk: this.deps.helpdeskCard((await this.deps.turnFacts(dc.context)).userZone, hasTriedOnline(state.values)) }],
          ended: { outcome: 'handed-off', handoffSummary: `${flow.title}: ${state.trail.join(', ') || '-'}` },
        };
        return this.apply(dc, flow, step);
      }
      default:
        break;
    }

    const step = answerFlow(flow, state, { text, value }, context);
    if (step) return this.apply(dc, flow, step);

    // Not an answer: maybe a question of its own. Answer it, then ask ours again.
    const outcome = text ? respond({ text }, { misses: 0 }, responder) : undefined;
    if (outcome?.decision.kind === 'answer') {
      // Related-question buttons would compete with the flow's own choices.
      const answer = outcome.reply.map((message) => ({ ...message, choices: undefined, choicesPrompt: undefined }));
      await this.deps.send(dc.context, [...answer, { text: texts.flowResumeLead }, ...pendingQuestion(flow, state, context)]);
    } else {
      await this.deps.send(dc.context, pendingQuestion(flow, state, context, true));
    }
    return Dialog.EndOfTurn;
  }

  private async apply(dc: DialogContext, flow: Flow, step: FlowStep): Promise<DialogTurnResult> {
    await this.deps.send(dc.context, step.reply);
    await this.deps.onStep(dc.context, flow, step);
    if (!step.state) return dc.endDialog(step.ended?.outcome satisfies FlowOutcome | undefined);
    (dc.activeDialog!.state as FlowDialogState).flow = step.state;
    return Dialog.EndOfTurn;
  }

  private version(flow: Flow): string {
    return this.deps.content.flowVersions.get(flow.id) ?? '';
  }

  private async flowContext(turn: TurnContext): Promise<FlowContext> {
    const facts = await this.deps.turnFacts(turn);
    const responder = this.deps.responder(turn);
    return {
      today: facts.today,
      texts: this.deps.content.texts,
      article: (id) => {
        const article = this.deps.content.articles.get(id);
        return article ? [...articleReply(article, responder)] : [];
      },
      helpdesk: (triedOnline) => this.deps.helpdeskCard(facts.userZone, triedOnline),
      computations,
    };
  }
}
