import { deskHours } from '../helpdesk/helpdesk-card';
import { aboutAbove, answerFromKnowledge, articleTopic, certainAbove } from './knowledge-answer';
import type { Outcome, ResponderDeps } from './outcome';
import { articleReply } from './replies';
import type { Session } from './session';

/**
 * "Who can I call about this?" is the help desk (undefined: the caller shows its card), unless
 * the rest names what an answer covers ("who do I call about my ID.me lockout?" is ID.me's to
 * handle).
 */
export function whoToCall(text: string, session: Session, deps: ResponderDeps): Outcome | undefined {
  const found = whoHelps(text, session, deps);
  // "What number do EAs use when the login is broken?" asks for a number to ring: whoever helps
  // today, and the desk's card too (which says what it was for), never only a name.
  const calling = deps.language.asksWhoToCall(text) && !deps.language.asksWhoHandles(text);
  const helper = found?.decision.kind === 'answer' && isAHelper(found.decision.articleId, deps);
  if (!found || !calling || !helper || found.reply.some((part) => part.helpdesk !== undefined)) return found;
  return { ...found, reply: [...found.reply, { helpdesk: deps.helpdeskCard() }] };
}

function whoHelps(text: string, session: Session, deps: ResponderDeps): Outcome | undefined {
  const rest = deps.language.withoutWhoToCall(text);
  // "Still no luck, who do I call?": the rest says nothing to answer either.
  if (deps.language.namesOnlyTheSubject(rest) || deps.language.intentOf(rest)?.whole === true)
    return whoHelpsWith(session, deps);
  // What the call is about is one matter: "…can't get in and the reset isn't working" is not two.
  const about = answerFromKnowledge(rest, session, deps, true);
  // "Where do I call about my refund": a matter known to be outside the subject is declined, not
  // sent to the desk.
  const { language } = deps;
  // So is one named ("…for my client who owes back taxes").
  const outside =
    (deps.matcher.namesOutOfScopeOnly(rest) || language.namesOutsideMatter(rest)) &&
    !language.namesTheDesk(rest) &&
    !language.namesTheRegistration(rest);
  if (outside && about.decision.kind === 'decline') return about;
  const clear = about.decision.kind === 'answer' && about.decision.score >= aboutAbove(deps);
  // "Skip the chat, what number do I ring?" says nothing a call is about (no problem, no "about…",
  // "if…"); "what number do I call to book the TAC visit?" has no "about", but a clear answer.
  const saysWhatAbout =
    deps.language.describesProblem(rest) || deps.language.saysWhatAbout(rest) || deps.language.asksWhoHandles(text);
  if (!saysWhatAbout && !clear) return whoHelpsWith(session, deps);
  // "Who do I contact if that new login acts up?": whoever helps with what the rest is about.
  const named = clear && about.decision.kind === 'answer' ? helpFor(about.decision.articleId, deps) : undefined;
  if (named) return named;
  // "…uses ID.me now, and if their login breaks who do I contact", "id.me froze me out, who
  // handles that": a problem of today's sign-in, read no clearer, is whoever helps with today's.
  if (!clear && deps.language.asksAboutToday(rest)) {
    const today = todaysHelper(deps);
    if (today) return helpFor(today, deps);
  }
  // Otherwise whoever helps with the topic, unless the rest is certainly about something else.
  const helper = whoHelpsWith(session, deps);
  const bar = helper ? certainAbove(deps) : aboutAbove(deps);
  return about.decision.kind === 'answer' && about.decision.score >= bar ? withDeskFor(about, deps) : helper;
}

/**
 * "Who do I speak to about the text code never arriving?": the answer about it, and, for a step
 * of the 2016-2018 process, the desk that helped with it (today's steps name their own helper).
 * An answer that names the desk's number but not its hours still gets the card: asked whom to
 * call, the user needs when to call too.
 */
function withDeskFor(about: Outcome, deps: ResponderDeps): Outcome {
  const decision = about.decision;
  const article = decision.kind === 'answer' ? deps.content.articles.get(decision.articleId) : undefined;
  const { helpdesk } = deps.content;
  const namesDesk =
    article !== undefined &&
    article.answer.includes(helpdesk.number) &&
    article.answer.includes(deskHours(helpdesk).opens);
  if (!article?.historical || namesDesk || about.reply.some((part) => part.helpdesk !== undefined)) return about;
  return { ...about, reply: [...about.reply, { helpdesk: deps.helpdeskCard() }] };
}

/** The article that says who helps with today's sign-in: the helper of the answers about today. */
function todaysHelper(deps: ResponderDeps): string | undefined {
  return [...deps.content.articles.values()].find((article) => !article.historical && article.whoHelps)?.whoHelps;
}

/** "Who do I contact then?" after an answer someone other than the desk helps with: who does. */
function whoHelpsWith(session: Session, deps: ResponderDeps): Outcome | undefined {
  return session.topic?.kind === 'article' ? helpFor(session.topic.id, deps) : undefined;
}

/** The article is the one some answer names as who helps with its subject ("ID.me handles sign-in now"). */
function isAHelper(articleId: string, deps: ResponderDeps): boolean {
  return [...deps.content.articles.values()].some((article) => article.whoHelps === articleId);
}

/** The answer that says who helps with an article's subject: its `whoHelps`, or itself when it is one. */
function helpFor(articleId: string, deps: ResponderDeps): Outcome | undefined {
  const topic = deps.content.articles.get(articleId);
  // The topic may be the helper itself ("ID.me handles sign-in now" … "so who do I contact?").
  const helper = topic?.whoHelps
    ? deps.content.articles.get(topic.whoHelps)
    : topic && isAHelper(topic.id, deps)
      ? topic
      : undefined;
  if (!helper) return undefined;
  return {
    reply: articleReply(helper, deps),
    session: { misses: 0, topic: articleTopic(helper) },
    decision: { kind: 'answer', articleId: helper.id, score: 1 },
    events: [{ type: 'answered', articleId: helper.id, score: 1 }],
  };
}
