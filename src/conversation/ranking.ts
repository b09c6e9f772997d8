import type { Candidate } from '../matching/candidate';
import { rawWords } from '../matching/normalizer';
import { flowChoice } from './replies';
import { asksAboutItsDetail, asksTheSameAgain, pointsAtTheTopic, tellsTheTopicsCase } from './topic-again';
import { twoQuestions, type TwoHalves } from './two-questions';
import { problemPastAsides } from './problem-past-asides';
import { restBesidePlea } from './plea';
import { readAtTheDesk } from './desk-reading';
import { callingCountsLess } from './calling-weight';
import { defaultRoutePolicy, route, type RouteDecision, type RoutePolicy } from '../matching/router';
import type { ResponderDeps } from './outcome';
import type { Session, Topic } from './session';
import { candidatesFor, questionAfterLeadIn, readsClearly } from './story-reading';
import { aboutToday, isOld } from './today-reading';
import { callsAnotherOffice } from './another-office';
import { withoutMailAssumed } from './mail-assumed';

/** One decision, or two answers for a message that asks two things. */
export type Routed = { readonly kind: 'one'; readonly decision: RouteDecision } | TwoHalves;

/**
 * Ranks a message against the knowledge base and decides. A follow-up ("who handles that
 * then?") is also ranked with the topic it follows, and the better-supported reading wins; a
 * message that asks two things gets two answers when each half has a clear one, unless it is read
 * `whole` (what a call is about is one matter).
 */
export function rankAndRoute(text: string, session: Session, deps: ResponderDeps, whole = false): Routed {
  // "My QuickBooks login wants two-step verification": another system's sign-in, whatever its
  // words share with ours.
  if (deps.language.namesOtherSystem(text))
    return { kind: 'one', decision: { kind: 'decline', repeated: session.misses >= 1 } };
  // Worded exactly as one of a document's phrases, the message is one thing, whatever joins its words.
  const two =
    whole || deps.matcher.exact(text)
      ? undefined
      : twoQuestions(text, (part) => decide(part, session, deps, text), deps);
  if (two) return two;
  return { kind: 'one', decision: decide(text, session, deps) };
}

/** `whole`: the message a part of which `text` is, or `text` itself. */
function decide(text: string, session: Session, deps: ResponderDeps, whole = text): RouteDecision {
  const policy = deps.policy ?? defaultRoutePolicy;
  // "Why not?" right after an answer asks why it is so: that answer, which gives its reasons.
  if (session.topic?.kind === 'article' && deps.language.asksWhyAlone(text))
    return { kind: 'answer', articleId: session.topic.id, score: policy.certainAbove };
  // Worded exactly as one of a document's phrases: the content's authors said what it means.
  const exact = deps.matcher.exact(text);
  if (exact?.kind === 'flow' && deps.content.flows.has(exact.id))
    return { kind: 'flow', flowId: exact.id, score: exact.score };
  if (exact?.kind === 'article') return { kind: 'answer', articleId: exact.id, score: exact.score };
  // A flow's button label typed (a channel where buttons can't be clicked): that flow.
  const typed = rawWords(text).join(' ');
  const offered = [...deps.content.flows.keys()].find(
    (id) => rawWords(flowChoice(id, deps.content).label).join(' ') === typed,
  );
  if (offered) return { kind: 'flow', flowId: offered, score: 1 };
  // "I need help with my e-services registration": help with nothing narrower named is the
  // troubleshooting, which asks where it stops.
  const main = deps.content.texts.troubleshootFlow;
  if (deps.language.asksHelpWithTheSubject(text) && deps.content.flows.has(main))
    return { kind: 'flow', flowId: main, score: 1 };
  // "…, help": a plea at either end asks for help with the rest; its "help" names no help desk.
  const pleaded = restBesidePlea(text, deps);
  if (pleaded) return decide(pleaded, session, deps, whole);
  // A problem told with asides about something else ("…, I'm helping her with the computer
  // stuff"): the problem is what the message is about.
  const problem = problemPastAsides(text, deps);
  if (problem) return decide(problem, session, deps, whole);
  // Questions read by what they combine ("sole prop EA, 4x a yr, still gotta reregister??"),
  // whatever else the message says ("zero problems for a decade, so why…"):
  // the article that answers that kind of question.
  // "Back to that letter - …": the answer before the last is what the follow-up is about.
  const topic: Topic | undefined =
    session.earlier !== undefined && deps.language.goesBack(text)
      ? { kind: 'article', id: session.earlier }
      : session.topic;
  const topicArticle = topic?.kind === 'article' ? deps.content.articles.get(topic.id) : undefined;
  // "What happens after that?" after how to start: the answer that gives the next step.
  if (topicArticle?.nextStep && (deps.language.asksWhatNext(text) || deps.language.asksWhatToDo(text)))
    return { kind: 'answer', articleId: topicArticle.nextStep, score: policy.certainAbove };
  // "So what do I do?" after an answer with no step after it: that answer, which says what to do.
  if (topicArticle && deps.language.asksWhatToDo(text))
    return { kind: 'answer', articleId: topicArticle.id, score: policy.certainAbove };
  // After an answer about today ("which documents are accepted?" after the ID.me answer) the
  // next question asks about today too: the conversation's era carries over.
  const todayTopic = topicArticle?.historical === false;
  const today = deps.language.asksAboutToday(text) || todayTopic;
  const named = namedQuestionTopic(text, deps, topicArticle?.id);
  // A kind of question the 2016-2018 process answered, asked about today ("what do I need to have
  // ready to set it up" after the ID.me answer), is read in today's era instead.
  // The message's own today words ("new hire", "anymore") leave such a question as it is: they
  // were read with it.
  const namedOld = named !== undefined && todayTopic && deps.content.articles.get(named)?.historical === true;
  if (named && !namedOld) return { kind: 'answer', articleId: named, score: policy.certainAbove };
  // "My registration won't go through": a problem with nothing narrower named starts the main
  // troubleshooting flow, which asks where it stops; no article is about the whole subject.
  // A question that names nothing narrower ("…bombed again, what am I doing wrong?") still
  // reports; one that does ("and I shouldn't keep trying online till then?") is answered.
  // Problem words that name their own flow ("I'm still locked out") start it instead.
  const asked = deps.language.isQuestion(text);
  // "…troubleshoot with me?" asks for the flow itself, and so does "troubleshooting please" alone.
  const troubleshoot =
    deps.language.asksToTroubleshoot(text) &&
    (deps.language.describesProblem(text) || deps.language.wordCount(text) <= TERSE_WORDS);
  const general =
    troubleshoot || deps.language.reportsOnlyAProblem(text) || (!asked && reportsNothingNarrower(text, deps));
  // "Phone problem", "address mismatch": a step named in a word or two with a problem starts it
  // too (its opening reads the step); spelled only when that short, as spelling costs.
  const short = !asked && deps.language.wordCount(text) <= TERSE_WORDS;
  const terse = short && deps.language.reportsTersely(deps.matcher.spell(text));
  if ((general || terse) && deps.content.flows.has(main) && !namesItsOwnFlow(text, deps))
    return { kind: 'flow', flowId: main, score: 1 };
  // A question is also read by what people's wordings teach, a follow-up question too ("what's the
  // point of that, seems overkill" is worded as people ask why the code comes at every login). A
  // statement at a topic ("don't have it, shredded it") is read by its words and the topic's only,
  // today's era by its own words, and a problem reported by the flows that sort it out.
  const learned = (topic === undefined || asked) && !deps.language.describesProblem(text);
  let candidates = today ? aboutToday(text, deps) : candidatesFor(text, deps, undefined, learned);
  const plainCandidates = candidates;
  // A follow-up ("who handles that then?", "and if it doesn't come?") is read with the topic's
  // title in the background: the topic's words make "that" mean something, but weigh too little
  // to override what the message says clearly ("and my phone is a German mobile").
  // A message that reads two ways on its own is read against the topic too: context breaks the tie.
  // After an answer about today, a reading of the 2016-2018 process is no plain reading of a
  // question that doesn't name that era ("what kind of ID do they accept?" after the ID.me answer).
  const otherEra = todayTopic && !deps.language.asksAboutToday(text) && isOld(candidates[0], deps);
  if (
    topicArticle &&
    (otherEra ||
      (!readsPlainly(candidates, policy) && (deps.language.isFollowUp(text) || !readsClearly(candidates, deps))))
  ) {
    const plain = candidates;
    const isTopic = (candidate: Candidate) => candidate.kind === 'article' && candidate.id === topicArticle.id;
    // The topic's own words lift other readings, never the topic itself, which was just answered:
    // it keeps what the message alone gives it, discounted.
    // A question about a detail the topic's answer gives ("what kind of ID do they accept?" after
    // the ID.me answer) may be the topic again, read with its words; a problem reported with it,
    // or a question for something else ("ok what else can I use?"), is not.
    const askedAgain = asked && !deps.language.describesProblem(text) && !deps.language.asksForSomethingElse(text);
    const topicScore = (plain.find(isTopic)?.score ?? 0) * REPEAT_DISCOUNT;
    // What the topic names as its follow-ups is what people ask next ("ok, what else can I use?").
    const related = new Set(topicArticle.followUps);
    // Read in the conversation's era too ("which documents will it ask for?" after ID.me).
    const context = { text: topicArticle.title, weight: CONTEXT_WEIGHT };
    candidates = (today ? aboutToday(text, deps, context) : candidatesFor(text, deps, context, learned)).map(
      (candidate) =>
        isTopic(candidate)
          ? { ...candidate, score: askedAgain ? Math.max(topicScore, candidate.score * REPEAT_DISCOUNT) : topicScore }
          : candidate.kind === 'article' && related.has(candidate.id)
            ? { ...candidate, score: candidate.score * RELATED_LIFT }
            : candidate,
    );
    candidates.sort((a, b) => b.score - a.score);
  }
  // "Can they just mail me the code?" after the desk's card: about the desk.
  if (topic?.kind === 'helpdesk' && deps.language.pointsAtTheDesk(text))
    candidates = readAtTheDesk(text, deps, learned, { weight: CONTEXT_WEIGHT, lift: RELATED_LIFT });
  // "What should I have pulled together before I start?" says nothing about calling.
  if (!deps.language.asksAboutCalling(text)) candidates = callingCountsLess(candidates, topic, deps);
  // "How long does EFIN approval take?": a word only out-of-scope topics know is what the message
  // is about, unless an article answers it for certain.
  const outOfScope = deps.matcher.namesOutOfScopeOnly(text);
  const topScore = candidates[0]?.score ?? 0;
  const outOfScopeScore = candidates.find((candidate) => candidate.kind === 'out-of-scope')?.score ?? 0;
  // The out-of-scope reading must also be a real one ("I have a PTIN; how long does the code take?" is not).
  if (outOfScope && topScore < policy.certainAbove && outOfScopeScore >= OUT_OF_SCOPE_SHARE * topScore)
    return { kind: 'decline', repeated: session.misses >= 1 };
  // "CAF number for my firm, how do I get one": a tax or IRS matter outside the subject, named,
  // is what the message is about, unless an article answers it beyond doubt.
  // So is calling another office ("what are the hours at my local IRS office").
  if (
    (deps.language.namesOutsideMatter(text) || callsAnotherOffice(text, deps.language)) &&
    topScore < OUTSIDE_CERTAIN_ABOVE
  )
    return { kind: 'decline', repeated: session.misses >= 1 };
  // "The partners as well?", "same for a PTIN holder?": the last question again about someone
  // else, in too few words to mean anything on their own: the topic's answer covers it.
  if (topicArticle && asksTheSameAgain(text, plainCandidates, topicArticle.id, deps))
    return { kind: 'answer', articleId: topicArticle.id, score: policy.suggestAbove };
  // "Which password specifically?" after the answer that says which: that answer again.
  // "Why did they send that letter?" after the answer about Letter 5903: that answer, unless the
  // words alone read as another beyond doubt (a flow is none: a question pointing at the answer
  // asks about it, "what if we never got that letter"), or as another named after the thing
  // pointed at too ("does this phone need to be in my name?").
  const plainBest = plainCandidates[0];
  const certainElse =
    plainBest?.kind !== 'flow' && plainBest?.id !== topicArticle?.id && (plainBest?.score ?? 0) >= policy.certainAbove;
  if (topicArticle && !certainElse && pointsAtTheTopic(text, topicArticle, deps, plainBest))
    return { kind: 'answer', articleId: topicArticle.id, score: policy.suggestAbove };
  if (topicArticle && asksAboutItsDetail(text, topicArticle, deps))
    return { kind: 'answer', articleId: topicArticle.id, score: policy.suggestAbove };
  // "It's on my sister's account" after the answer about phones not in your name: told, in a few
  // words that read only as the topic's own case, the topic's answer is the one that fits.
  if (topicArticle && tellsTheTopicsCase(text, plainCandidates, { ...topicArticle, weight: CONTEXT_WEIGHT }, deps))
    return { kind: 'answer', articleId: topicArticle.id, score: policy.suggestAbove };
  // "Trying again", with no code asked for by mail: not "wait for the letter".
  candidates = withoutMailAssumed(whole, candidates, topic, deps);
  const describesProblem = deps.language.describesProblem(questionAfterLeadIn(text, deps) ?? text);
  const decision = route(
    {
      candidates,
      describesProblem,
      isQuestion: asked,
      previousMisses: session.misses,
      related: (first, second) => relatedArticles(first, second, deps),
    },
    policy,
  );
  // "It will not go through, two days now": a problem reported, not asked, that no answer fits
  // clearly is sorted out step by step from the top, not answered by a near miss.
  // So is one whose words find the subject only faintly ("…typed in all my personal info, and now
  // it just spins"): a problem about nothing outside the subject is no question to decline.
  const nearMiss = decision.kind === 'answer' && decision.score < policy.specificAbove;
  const faint =
    decision.kind === 'decline' &&
    !outOfScope &&
    candidates[0]?.kind !== 'out-of-scope' &&
    topScore >= FAINT_PROBLEM_ABOVE;
  if (describesProblem && !asked && (nearMiss || faint) && deps.content.flows.has(main) && !namesItsOwnFlow(text, deps))
    return { kind: 'flow', flowId: main, score: decision.kind === 'answer' ? decision.score : topScore };
  // "When you say tax return information, is that just the 1040?" after the answer that says it:
  // a follow-up naming no outside matter, read about as well as that answer (or one it lists as
  // related) as about something outside, is about the answer.
  if (decision.kind === 'decline' && topicArticle && !outOfScope && candidates[0]?.kind === 'out-of-scope') {
    // (Its plain reading: the topic's own discount is for asking it again, not for this.)
    const near = plainCandidates.find(
      (candidate) =>
        candidate.kind === 'article' &&
        (candidate.id === topicArticle.id || topicArticle.followUps.includes(candidate.id)),
    );
    if (near && near.score >= policy.suggestAbove && near.score >= IN_CONTEXT_SHARE * topScore)
      return { kind: 'answer', articleId: near.id, score: near.score };
  }
  return decision;
}

/** How close to an outside reading an answer to the topic must come to be what a follow-up means. */
const IN_CONTEXT_SHARE = 0.85;

/**
 * "Stuck somewhere in the middle of secure access, pls advise": a problem reported (not asked
 * about) whose words beyond the problem and the subject find no article of their own. Judged by
 * the matcher, not a word list: people's words around a problem are too many to list.
 */
function reportsNothingNarrower(text: string, deps: ResponderDeps): boolean {
  if (!deps.language.describesProblem(text)) return false;
  const rest = deps.language.narrowerPart(deps.matcher.spell(text));
  return rest.length === 0 || (deps.matcher.rank(rest, 1)[0]?.score ?? 0) < NARROWER_ABOVE;
}

/**
 * The article for a kind of question read whole: whether the requirement applies to the asker,
 * or one of the content's question kinds (sharing one registration, signing in with an account
 * from another tool, a phone on someone else's plan…).
 */
function namedQuestionTopic(text: string, deps: ResponderDeps, topic?: string): string | undefined {
  const { language } = deps;
  const { texts, articles, routing } = deps.content;
  if (articles.has(texts.whoMustRegisterTopic) && language.asksIfItApplies(text)) {
    // "So do I still need to re-register?" after who need not verify again: that answer says.
    const answered =
      topic !== undefined &&
      (routing.appliesQuestion?.answeredBy ?? []).includes(topic) &&
      language.asksOnlyForSelf(text);
    return answered ? topic : texts.whoMustRegisterTopic;
  }
  return language.questionKindArticle(text);
}

/** The problem words name a narrower problem themselves ("I'm still locked out"): its own flow leads. */
function namesItsOwnFlow(text: string, deps: ResponderDeps): boolean {
  const ranked = deps.matcher.rank(text, 5);
  const [top] = ranked;
  const main = deps.content.texts.troubleshootFlow;
  const policy = deps.policy ?? defaultRoutePolicy;
  if (top?.kind !== 'flow' || top.id === main || top.score < policy.flowAbove) return false;
  // "Cant get thru secure access" reads as the lockout's flow and the main one alike: no narrower
  // problem is named, and the main flow asks where it stops.
  const mainScore = ranked.find((candidate) => candidate.kind === 'flow' && candidate.id === main)?.score ?? 0;
  return top.score - mainScore >= policy.margin * top.score;
}

/** Words a problem told tersely may have, as read ("cant get code" reads as four). */
const TERSE_WORDS = 6;
/** How well the rest of a problem report must match something to name a narrower problem. */
const NARROWER_ABOVE = 0.2;

/** Below the floor but above this, a problem report still names the subject, if faintly. */
const FAINT_PROBLEM_ABOVE = 0.1;

/** How well an article must match a message naming an outside matter to be answered (matching.md). */
const OUTSIDE_CERTAIN_ABOVE = 0.6;

/** How close an out-of-scope reading must come to the best for a word only it knows to decline. */
const OUT_OF_SCOPE_SHARE = 0.6;

/** How much a word of the topic's title counts in a follow-up, against the message's own words. */
const CONTEXT_WEIGHT = 0.35;

/**
 * A follow-up that says clearly what it asks on its own ("and which address do they mail it
 * to?"): read as it is, even when that is the topic again; the topic's words are for the unclear.
 */
function readsPlainly(candidates: readonly Candidate[], policy: RoutePolicy): boolean {
  const [top, second] = candidates;
  if (!top || top.kind === 'out-of-scope' || top.score < policy.suggestAbove) return false;
  return !second || top.score - second.score >= PLAIN_LEAD * top.score;
}

/** How far ahead of the next reading a follow-up's own best must be to need no context. */
const PLAIN_LEAD = 0.1;

/** How much more the topic's own follow-up articles count in a follow-up. */
const RELATED_LIFT = 1.2;

/** How much less the topic just answered counts when a follow-up is read against it. */
const REPEAT_DISCOUNT = 0.8;

function relatedArticles(first: string, second: string, deps: ResponderDeps): boolean {
  const { articles } = deps.content;
  return (
    (articles.get(first)?.followUps.includes(second) ?? false) ||
    (articles.get(second)?.followUps.includes(first) ?? false)
  );
}
