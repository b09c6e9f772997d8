import type { Candidate } from '../matching/candidate';
import { defaultRoutePolicy } from '../matching/router';
import type { ResponderDeps } from './outcome';

/**
 * When a follow-up gets the topic's answer again, though it reads as nothing on its own: it adds
 * someone to the last question ("the partners as well?"), or it tells that the user's case is the
 * topic's ("it's on my sister's account").
 */

/**
 * A few words that add someone or something to the last question ("the partners as well?") and
 * that no other answer reads well on their own.
 */
export function asksTheSameAgain(
  text: string,
  candidates: readonly Candidate[],
  topic: string,
  deps: ResponderDeps,
): boolean {
  if (!deps.language.addsToTheQuestion(text) || deps.language.wordCount(text) > SAME_AGAIN_WORDS) return false;
  // "And the mileage rate too?": a word nothing here knows is a question of its own.
  if (!deps.matcher.knowsEveryWord(text)) return false;
  const other = candidates.find((candidate) => candidate.kind !== 'out-of-scope' && candidate.id !== topic);
  return (other?.score ?? 0) < (deps.policy ?? defaultRoutePolicy).suggestAbove;
}

/**
 * A short statement (not a question, not a problem) that nothing reads on its own but that, read
 * with the topic's title (at `weight`), is clearly the topic: the user says their case is the one
 * it covers.
 */
export function tellsTheTopicsCase(
  text: string,
  plain: readonly Candidate[],
  topic: { readonly id: string; readonly title: string; readonly weight: number },
  deps: ResponderDeps,
): boolean {
  const { language } = deps;
  if (language.isQuestion(text) || language.describesProblem(text) || language.wordCount(text) > CASE_WORDS)
    return false;
  const policy = deps.policy ?? defaultRoutePolicy;
  if (plain.some((candidate) => candidate.kind !== 'out-of-scope' && candidate.score >= policy.suggestAbove))
    return false;
  const [first, second] = deps.matcher.rank(text, 2, { text: topic.title, weight: topic.weight });
  return first?.id === topic.id && first.score >= CASE_LEAD * (second?.score ?? 0);
}

/**
 * "Which password specifically?", "even if we moved in june?" after an answer that says which:
 * a short follow-up whose every known word (beyond the subject's) the topic's answer already
 * has asks about a detail of that answer. Not one asking for something else ("what else?"), a
 * problem reported, or a question about today after an answer about the 2016-2018 process.
 */
export function asksAboutItsDetail(
  text: string,
  topic: { readonly title: string; readonly answer: string; readonly historical: boolean },
  deps: ResponderDeps,
): boolean {
  const { language } = deps;
  if (language.wordCount(text) > DETAIL_WORDS || language.describesProblem(text)) return false;
  if (language.asksForSomethingElse(text) || (topic.historical && language.asksAboutToday(text))) return false;
  const asked = deps.matcher.knownTerms(text).filter((term) => !language.namesOnlyTheSubject(term));
  if (asked.length === 0) return false;
  const told = answerTerms(topic, deps);
  // "How long till it's processed?" after an answer that says how long: its kind words are told.
  const given = language.detailTermsGiven(text, told);
  return asked.every((term) => told.has(term) || given.has(term));
}

/**
 * "Remind me, why did they send that letter out in the first place?" after the answer about
 * Letter 5903: a question pointing at a thing the topic is named after ("that letter") asks about
 * the topic, however its other words read. Not a problem reported, unless supposed ("what if
 * we never got that letter", after the answer about the suspensions: the mailed code's "suppose"
 * words are what anyone supposes with).
 */
export function pointsAtTheTopic(
  text: string,
  topic: { readonly id: string; readonly title: string },
  deps: ResponderDeps,
  rival?: Pick<Candidate, 'kind' | 'id'>,
): boolean {
  const { language } = deps;
  if (!language.isQuestion(text) || (language.describesProblem(text) && !language.supposesCodeLate(text))) return false;
  const named = new Set(language.terms(topic.title).filter((term) => !language.namesOnlyTheSubject(term)));
  // "Does this phone need to be in my name?" after the Letter 5903 answer: the best reading of the
  // words alone (an answer or a flow) is named after a phone too, so "this phone" may be either.
  const same = rival?.kind === 'article' && rival.id === topic.id;
  const rivalTitle = rival === undefined || same ? undefined : titleOf(rival, deps);
  const rivalNames = new Set(rivalTitle ? language.terms(rivalTitle) : []);
  return language.pointedAt(text).some((term) => named.has(term) && !rivalNames.has(term));
}

function titleOf(candidate: Pick<Candidate, 'kind' | 'id'>, deps: ResponderDeps): string | undefined {
  const { articles, flows } = deps.content;
  return candidate.kind === 'article'
    ? articles.get(candidate.id)?.title
    : candidate.kind === 'flow'
      ? flows.get(candidate.id)?.title
      : undefined;
}

/** An article's title and answer as terms, worked out once per article (content is fixed once loaded). */
function answerTerms(topic: { readonly title: string; readonly answer: string }, deps: ResponderDeps): Set<string> {
  let terms = TERMS_OF.get(topic);
  if (!terms) {
    terms = new Set(deps.language.terms(`${topic.title} ${topic.answer}`));
    TERMS_OF.set(topic, terms);
  }
  return terms;
}

const TERMS_OF = new WeakMap<object, Set<string>>();

/** How many words a follow-up about a detail of the last answer may have. */
const DETAIL_WORDS = 7;

/** How many words a statement of one's case may have ("it's on my sister's account"). */
const CASE_WORDS = 10;
/** How far ahead of the next reading, with the topic's words, the topic must be. */
const CASE_LEAD = 2;

/** How many words "the partners as well?" may have: more say a question of their own. */
const SAME_AGAIN_WORDS = 6;
