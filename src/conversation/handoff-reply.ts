import type { HandoffReason } from '../analytics/analytics-event';
import type { Reply } from '../reply/reply';
import type { Outcome, ResponderDeps } from './outcome';
import { articleReply } from './replies';
import type { Session } from './session';

/** The help-desk card, asked for: with the callback note when a call back was asked for. */
export function handoff(text: string, session: Session, deps: ResponderDeps, reason: HandoffReason = 'asked'): Outcome {
  const callback = deps.language.wantsCallback(text) ? [{ text: deps.content.texts.callbackNote }] : [];
  return {
    reply: [...callback, ...fromAbroad(deps), { helpdesk: deps.helpdeskCard() }],
    session: { misses: 0, topic: { kind: 'helpdesk' } },
    decision: { kind: 'handoff' },
    handoff: true,
    events: [{ type: 'handoff', reason }],
  };
}

/**
 * Asked for the desk from London or Manila: the toll-free line may not work from there, so the
 * answer about calling from abroad comes with the card (without its related questions).
 */
function fromAbroad(deps: ResponderDeps): Reply {
  const zone = deps.content.timeZones.zones.find((entry) => entry.zone === deps.userZone);
  const article = deps.content.articles.get(deps.content.texts.abroadTopic);
  if (!zone?.abroad || !article) return [];
  return articleReply(article, deps).map((message) => ({ ...message, choices: undefined, choicesPrompt: undefined }));
}
