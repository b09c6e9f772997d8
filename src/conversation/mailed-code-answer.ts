import { fillTemplate } from '../content/fill-template';
import { mailedCodeDue } from '../flows/computations';
import type { Content } from '../content/load-content';
import type { Reply } from '../reply/reply';
import type { UserProfile } from './conversation-data';
import type { Outcome, ResponderDeps } from './outcome';
import type { Session } from './session';
import { todayFor, userZoneOf, type TurnFacts } from './turn-facts';

/**
 * "Any news on my code?" from someone who told us when they asked for it by mail, and "and if
 * it doesn't come by then?" after that: the due date worked out, and for a late code the card.
 */
export function mailedCodeAnswer(text: string, session: Session, deps: ResponderDeps): Outcome | undefined {
  const { language, content } = deps;
  if (!deps.mailedCodeRequestedOn || !deps.today) return undefined;
  const onCode = session.topic?.kind === 'article' && session.topic.id === content.texts.mailedCodeTopic;
  const ifLate =
    language.asksIfCodeLate(text) && (onCode || language.asksWhenCodeArrives(text) || language.isFollowUp(text));
  if (!ifLate && !language.asksWhenCodeArrives(text)) return undefined;
  const due = mailedCodeDue(deps.mailedCodeRequestedOn, deps.today);
  const values = { requestedOnText: due.requestedOnText, dueDateText: due.dueDateText };
  const template = due.overdue
    ? content.texts.mailedCodeLate
    : ifLate
      ? content.texts.mailedCodeIfLate
      : content.texts.mailedCodeOnTheWay;
  const card = due.overdue || ifLate ? [{ helpdesk: deps.helpdeskCard() }] : [];
  return {
    reply: [{ text: fillTemplate(template, values) }, ...card],
    session: { misses: 0, topic: { kind: 'article', id: content.texts.mailedCodeTopic } },
    decision: { kind: 'mailed-code' },
  };
}

/** On a later visit: when the mailed activation code is due, unprompted. */
export function mailReminder(user: UserProfile, facts: TurnFacts, content: Content): Reply {
  if (!user.mailedCodeRequestedOn) return [];
  const due = mailedCodeDue(user.mailedCodeRequestedOn, todayFor(userZoneOf(user, facts), facts, content));
  const template = due.overdue ? content.texts.mailReminderOverdue : content.texts.mailReminderPending;
  return [{ text: fillTemplate(template, { requestedOnText: due.requestedOnText, dueDateText: due.dueDateText }) }];
}
