import type { Language } from '../matching/language';
import { defaultRoutePolicy, type RouteDecision } from '../matching/router';
import type { ResponderDeps } from './outcome';
import { splitAtJoiners } from '../matching/joined-parts';

/**
 * Two halves answered, or one answered (an article, or a flow to start) beside one outside the
 * subject (`outside`, in the message's words).
 */
export type TwoHalves =
  | { readonly kind: 'two'; readonly articleIds: readonly string[]; readonly parts: readonly string[] }
  | {
      /** Two problems, one answered by an article, the other by its troubleshooting (on `part`). */
      readonly kind: 'answer-and-flow';
      readonly articleId: string;
      readonly flow: { readonly id: string; readonly part: string };
    }
  | {
      readonly kind: 'one-outside';
      /** `part`: the message's part it answers. */
      readonly answered: { readonly kind: 'article' | 'flow'; readonly id: string; readonly part: string };
      readonly outside: string;
    };

/**
 * Where a message may hold two questions ("…hours and do I need…", "…? …?", "2 things: …, and …"):
 * the article for each half, when each has a clear answer of its own (`decide` reads a half). "What
 * do I need to register. also what's the standard deduction": a half outside the subject beside
 * one with a clear answer is declined on its own, and the other answered, not the whole declined.
 * Two problems told ("wont accept my address and wont accept my amex", "account suspended + forgot
 * password") are two halves too, joined by a word ("also", "plus") or by "and", when each has a
 * clear answer and neither asks; so is a problem beside a question outside ("phone wont validate,
 * also whats the status of my client's refund": its troubleshooting, and the other half declined).
 */
export function twoQuestions(
  text: string,
  decide: (part: string) => RouteDecision,
  deps: ResponderDeps,
): TwoHalves | undefined {
  const announced = deps.language.announcesTwo(text);
  const asked = (announced ? announcedParts(text, deps.language) : questionParts(text, deps.language))
    .map((part) => part.trim())
    .filter((part) => part.split(/\s+/).length >= 3);
  // Both halves must ask something: "Can I use my work phone? it's the firm's account" is one
  // question, unless the message said it holds two ("2 things: wait time for the code, and…").
  const byQuestions = asked.length === 2 && (announced || asked.every((part) => deps.language.isQuestion(part)));
  const { parts, pairOnlyOutside } = byQuestions ? { parts: asked, pairOnlyOutside: false } : toldParts(text, deps);
  if (parts.length !== 2) return undefined;
  // Cut at "and" between parts that are not two problems, only a part outside beside one in the
  // subject can come of it: no reading of either part unless one is outside (a message with "and"
  // in it is common, and each reading ranks the part against the whole knowledge base).
  if (pairOnlyOutside && !parts.some((part) => isOutside(part, deps))) return undefined;
  const policy = deps.policy ?? defaultRoutePolicy;
  const decisions = parts.map(decide);
  // Told, a part needs a clearer answer: "can you help with the secure access stuff" reads faintly
  // as the desk's menu.
  const bar = byQuestions ? policy.twoAnswersAbove : Math.max(policy.twoAnswersAbove, TOLD_ANSWER_ABOVE);
  const ids = decisions.map((decision) =>
    decision.kind === 'answer' && decision.score >= bar ? decision.articleId : undefined,
  );
  const outside = parts.findIndex((part, index) => decisions[index].kind === 'decline' && isOutside(part, deps));
  const other = decisions[1 - outside];
  const answered =
    ids[1 - outside] !== undefined
      ? { kind: 'article' as const, id: ids[1 - outside]!, part: parts[1 - outside] }
      : other?.kind === 'flow' && !byQuestions
        ? { kind: 'flow' as const, id: other.flowId, part: parts[1 - outside] }
        : undefined;
  if (outside >= 0 && answered !== undefined) return { kind: 'one-outside', answered, outside: parts[outside] };
  if (pairOnlyOutside) return undefined;
  // Told, two answers only for two problems: "Can I use my work phone? it's the firm's account"
  // asks one question, the other part telling its context.
  const told = byQuestions || parts.every((part) => !deps.language.isQuestion(part));
  if (!told) return undefined;
  // "My phone won't verify and I forgot my password": the password's answer, then the phone's
  // troubleshooting (a flow asks last, as its buttons wait for the next message).
  const flowAt = decisions.findIndex((decision) => decision.kind === 'flow');
  const flowDecision = decisions[flowAt];
  const beside = flowAt >= 0 ? decisions[1 - flowAt] : undefined;
  // Beside a flow, the other part's answer must be clearer still: "my address is wrong" reads
  // 0.51 as the password attempts.
  const answeredBeside =
    beside?.kind === 'answer' && beside.score >= ANSWER_BESIDE_FLOW_ABOVE ? ids[1 - flowAt] : undefined;
  if (
    !byQuestions &&
    flowDecision?.kind === 'flow' &&
    answeredBeside !== undefined &&
    !coveredBy(flowDecision.flowId, answeredBeside, deps)
  )
    return {
      kind: 'answer-and-flow',
      articleId: answeredBeside,
      flow: { id: flowDecision.flowId, part: parts[flowAt] },
    };
  if (ids.some((id) => id === undefined) || ids[0] === ids[1]) return undefined;
  return { kind: 'two', articleIds: ids as string[], parts };
}

/**
 * Two parts told, not asked: cut at a word joining a second part ("also", "plus"), or else at
 * "and"; never at a comma or full stop alone ("ok, car loan it is. signing off" is one message).
 * Cut at "and", two answers only for two problems reported: "I moved in the summer and my latest
 * return already shows the new address" is one story. Its parts may still be one outside the
 * subject beside one in it (`pairOnlyOutside`): "account suspended and when is my client's refund
 * coming".
 */
function toldParts(text: string, deps: ResponderDeps): { parts: string[]; pairOnlyOutside: boolean } {
  const { toldJoiners, joiners } = deps.content.routing.secondQuestion;
  const joined = splitAtJoiners(text, toldJoiners, false);
  if (joined.length === 2) return { parts: joined, pairOnlyOutside: false };
  const anded = splitAtJoiners(
    text,
    joiners.filter((word) => word === AND),
    false,
  );
  return { parts: anded, pairOnlyOutside: !anded.every((part) => deps.language.describesProblem(part)) };
}

/**
 * "I forgot my password and can't get in": the password's own flow gives the password's answer on
 * its way, so it is one problem told twice. (The main troubleshooting gives every step's answer:
 * it covers nothing in particular.)
 */
function coveredBy(flowId: string, articleId: string, deps: ResponderDeps): boolean {
  if (flowId === deps.content.texts.troubleshootFlow) return false;
  const flow = deps.content.flows.get(flowId);
  return Object.values(flow?.nodes ?? {}).some((node) => node.kind === 'say' && node.article === articleId);
}

/** The joiner that also joins the words of one thing ("name and address"): tried last. */
const AND = 'and';

/** A half that names a matter outside the subject, or a word only out-of-scope topics have. */
function isOutside(part: string, deps: ResponderDeps): boolean {
  // "…or is it one per firm" is declined for reading as nothing clearly: no matter outside is named.
  // "Is the e-help desk the same as the practitioner priority line?" asks about the desk.
  if (deps.language.namesTheRegistration(part) || deps.language.namesTheDesk(part)) return false;
  return deps.language.namesOutsideMatter(part) || deps.matcher.namesOutOfScopeOnly(part);
}

/**
 * The message cut where a second question may start: after "?" and the spaces that follow it
 * (when more text comes), and around a joining word before a question word ("… and do I …").
 * One pass over the text: a pattern that starts with a run of spaces would be tried again at
 * every space of a long run, which takes time that grows with the square of its length.
 */
function questionParts(text: string, language: Language): string[] {
  const parts: string[] = [];
  let partStart = 0;
  let at = 0;
  while (at < text.length) {
    const afterQuestion = text[at] === '?';
    const spaces = afterQuestion ? at + 1 : at;
    const end = endOfSpaces(text, spaces);
    if (end === spaces) {
      at++;
      continue;
    }
    const cut = afterQuestion ? (end < text.length ? end : undefined) : language.secondQuestionAt(text, end);
    if (cut !== undefined) {
      // The first half keeps its "?": it says the half is asked ("…e-svcs use. required for us?").
      parts.push(text.slice(partStart, afterQuestion ? at + 1 : at));
      partStart = cut;
    }
    at = cut ?? end;
  }
  parts.push(text.slice(partStart));
  return parts;
}

/**
 * "2 things: wait time for the mailed code, and is it ok to keep trying online": past the lead-in
 * (up to a colon), cut where a second question starts, or else at the first ", and" or ";".
 */
function announcedParts(text: string, language: Language): string[] {
  const colon = text.indexOf(':');
  const rest = colon >= 0 && colon < ANNOUNCEMENT_LENGTH ? text.slice(colon + 1) : text;
  const parts = questionParts(rest, language);
  if (parts.length === 2) return parts;
  const cut = /,\s*(?:and|also|plus)\s+|;\s*/i.exec(rest);
  return cut ? [rest.slice(0, cut.index), rest.slice(cut.index + cut[0].length)] : [rest];
}

/** How far in a lead-in's colon may be ("2 quick credit things:"). */
const ANNOUNCEMENT_LENGTH = 40;

const SPACE = /\s/;

/** Where the run of spaces (as `\s` reads them) starting at `from` ends. */
function endOfSpaces(text: string, from: number): number {
  let end = from;
  while (end < text.length && SPACE.test(text[end])) end++;
  return end;
}

/**
 * The score a told part's answer needs: "student loan no match" reads 0.70 as its answer; "can you
 * help with the secure access stuff" only 0.47 as the desk's menu.
 */
const TOLD_ANSWER_ABOVE = 0.5;

/** The score a told part's answer needs beside a part that starts a flow ("forgot password" reads 1). */
const ANSWER_BESIDE_FLOW_ABOVE = 0.6;
