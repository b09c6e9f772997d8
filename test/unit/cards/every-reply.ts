import { DateTime } from 'luxon';
import type { Content } from '../../../src/content/load-content';
import type { Flow } from '../../../src/content/flow-schema';
import {
  articleChoice,
  articleReply,
  declineReply,
  flowChoice,
  intentReply,
  welcomeReply,
  type ReplyDeps,
} from '../../../src/conversation/replies';
import type { ResponderDeps } from '../../../src/conversation/outcome';
import { respond } from '../../../src/conversation/responder';
import { newSession } from '../../../src/conversation/session';
import { helpdeskCardFor, todayFor, type TurnFacts } from '../../../src/conversation/turn-facts';
import { computations } from '../../../src/flows/computations';
import { answerFlow, pendingQuestion, startFlow } from '../../../src/flows/flow-engine';
import type { FlowContext, FlowInput, FlowState } from '../../../src/flows/flow-state';
import { createMatcher } from '../../../src/matching/create-matcher';
import { createLanguage } from '../../../src/matching/create-language';
import { defaultRoutePolicy } from '../../../src/matching/router';
import type { Choice, Reply } from '../../../src/reply/reply';

/**
 * Every reply the bot can send that carries a card or buttons, made by the bot's own functions
 * from the real content: the welcome, every article's answer, every step of every flow (each
 * choice of each question clicked, dates typed), the help-desk card open and closed, the help
 * command, did-you-mean menus, declines and small talk.
 */
export interface NamedReply {
  readonly name: string;
  readonly reply: Reply;
}

/** A user in Chicago (so times show in two zones, the longest wording) on an open and a closed day. */
const ZONE = 'America/Chicago';
export const MOMENTS: Readonly<Record<'open' | 'closed', TurnFacts>> = {
  // Tuesday 2026-11-24, 10:00 Eastern.
  open: { now: DateTime.fromISO('2026-11-24T15:00:00Z', { zone: 'utc' }), channelZone: ZONE },
  // Saturday 2026-11-28, 10:00 Eastern.
  closed: { now: DateTime.fromISO('2026-11-28T15:00:00Z', { zone: 'utc' }), channelZone: ZONE },
};

export function everyReply(content: Content): NamedReply[] {
  const replies: NamedReply[] = [];
  for (const [moment, facts] of Object.entries(MOMENTS)) {
    const deps = responderDeps(content, facts);
    const said = (name: string, reply: Reply) => replies.push({ name: `${name} (desk ${moment})`, reply });
    said('the welcome', welcomeReply(content));
    for (const article of content.articles.values()) said(`the answer "${article.id}"`, articleReply(article, deps));
    said('the help command', respond({ text: content.routing.commands.help[0] }, newSession, deps).reply);
    said('asking for a person', respond({ text: content.routing.commands.helpdesk[0] }, newSession, deps).reply);
    said('the help-desk card after trying online', [{ helpdesk: helpdeskCardFor(ZONE, facts, content, true) }]);
    for (const flow of content.flows.values()) {
      for (const step of flowSteps(flow, content, facts, deps)) said(`"${flow.id}" ${step.name}`, step.reply);
    }
  }
  const deps = responderDeps(content, MOMENTS.open);
  replies.push({ name: 'a first miss', reply: declineReply(false, content) });
  replies.push({ name: 'a second miss', reply: declineReply(true, content) });
  for (const [index, menu] of didYouMeanMenus(content).entries())
    replies.push({ name: `did-you-mean menu ${index + 1}`, reply: menu });
  const related = [...content.articles.values()][0];
  for (const intent of content.intents) {
    replies.push({ name: `small talk "${intent.id}"`, reply: intentReply(intent, content, related) });
  }
  replies.push({
    name: 'the help command, again',
    reply: respond({ text: content.routing.commands.help[0] }, newSession, deps).reply,
  });
  return replies;
}

function responderDeps(content: Content, facts: TurnFacts): ResponderDeps & ReplyDeps {
  return {
    content,
    matcher: createMatcher(content),
    language: createLanguage(content.routing, content.intents),
    helpdeskCard: () => helpdeskCardFor(ZONE, facts, content),
    now: facts.now,
    userZone: ZONE,
    today: todayFor(ZONE, facts, content),
  };
}

/**
 * Did-you-mean menus as the responder builds them: up to the router's number of suggestions
 * (articles and flows), then "none of these". Every article and flow appears in one.
 */
function didYouMeanMenus(content: Content): Reply[] {
  const options: Choice[] = [
    ...[...content.articles.keys()].map((id) => articleChoice(id, content)),
    ...[...content.flows.keys()].map((id) => flowChoice(id, content)),
  ];
  const size = defaultRoutePolicy.maxSuggestions;
  const menus: Reply[] = [];
  for (let start = 0; start < options.length; start += size) {
    const choices = [
      ...options.slice(start, start + size),
      { label: content.texts.noneOfThese, value: { action: 'none-of-these' } } as const,
    ];
    menus.push([{ text: content.texts.didYouMean, choices }]);
  }
  return menus;
}

/** Every step of a flow: from its start, each choice of each question clicked; dates typed. */
function flowSteps(flow: Flow, content: Content, facts: TurnFacts, deps: ResponderDeps): NamedReply[] {
  const today = todayFor(ZONE, facts, content);
  const context: FlowContext = {
    today,
    texts: content.texts,
    article: (id) => {
      const article = content.articles.get(id);
      return article ? [...articleReply(article, deps)] : [];
    },
    helpdeskCard: (request) => helpdeskCardFor(request?.zone ?? ZONE, facts, content, request?.triedOnline ?? false),
    computations,
    language: deps.language,
  };
  const version = content.flowVersions.get(flow.id) ?? '';
  const first = startFlow(flow, version, context);
  const steps: NamedReply[] = [{ name: 'start', reply: first.reply }];
  const queue: FlowState[] = first.state ? [first.state] : [];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const state = queue.shift() as FlowState;
    const key = JSON.stringify([state.nodeId, state.awaiting, state.values]);
    if (seen.has(key)) continue;
    seen.add(key);
    steps.push({ name: `${state.nodeId} asked again`, reply: pendingQuestion(flow, state, context, true) });
    for (const [answer, input] of answersTo(flow, state, today)) {
      const step = answerFlow(flow, state, input, context);
      if (!step) continue;
      steps.push({ name: `${state.nodeId} → ${answer}`, reply: step.reply });
      if (step.state) queue.push(step.state);
    }
  }
  return steps;
}

/** What a user could answer at this point: each button, or a recent and an old date. */
function answersTo(flow: Flow, state: FlowState, today: string): Array<[string, FlowInput]> {
  const node = flow.nodes[state.nodeId];
  const click = (choiceId: string): [string, FlowInput] => [
    choiceId,
    { text: '', value: { action: 'flow-answer', flowId: flow.id, nodeId: state.nodeId, choiceId } },
  ];
  if (state.awaiting === 'confirm') return [click('yes'), click('no')];
  if (node?.kind === 'ask') return node.choices.map((choice) => click(choice.id));
  if (node?.kind === 'date') {
    const daysAgo = (days: number) => DateTime.fromISO(today).minus({ days }).toISODate() ?? today;
    return [3, 40].map((days): [string, FlowInput] => [`${days} days ago`, { text: daysAgo(days) }]);
  }
  return [];
}
