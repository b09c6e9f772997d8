import type { Candidate } from '../matching/candidate';
import { rawWords } from '../matching/normalizer';
import { defaultRoutePolicy } from '../matching/router';
import type { ResponderDeps } from './outcome';

/**
 * How a message is read: whole, and, for a run-on story or a question after a short lead-in, by
 * its sentences too (a document keeps its best reading).
 */

/** The conversation's topic, weighed into a follow-up's reading. */
export type RankContext = { readonly text: string; readonly weight: number };

export function candidatesFor(text: string, deps: ResponderDeps, context?: RankContext, learned = false): Candidate[] {
  // A run-on story ("I'm an EA in Ohio. I tried logging in… it keeps saying my information
  // doesn't match. What am I doing wrong?") has its point in one sentence: each sentence is
  // read on its own too, and a document keeps its best reading.
  const whole = deps.matcher.rank(text, 5, context, learned);
  // Keyed by kind too: a flow and an article may share an id.
  const key = (candidate: Candidate) => `${candidate.kind}:${candidate.id}`;
  const best = new Map<string, Candidate>(whole.map((candidate) => [key(candidate), candidate]));
  // A sentence that names nothing narrower than the subject ("What am I doing wrong?") is no point.
  const sentences = text
    .split(STORY_BREAK)
    .filter((sentence) => rawWords(sentence).length >= SENTENCE_WORDS && !deps.language.namesOnlyTheSubject(sentence));
  const story = rawWords(text).length >= RUN_ON_WORDS && sentences.length >= 2;
  const asked = story ? undefined : questionAfterLeadIn(text, deps);
  if ((story || asked) && (whole[0]?.score ?? 0) < (deps.policy ?? defaultRoutePolicy).certainAbove) {
    for (const sentence of asked ? [asked] : sentences) {
      const read = deps.matcher.rank(sentence, 5, context, learned);
      // A sentence that reads two ways at once ("what do I enter on the login?") adds nothing
      // the whole story doesn't say better.
      if (!readsClearly(read, deps) && !reportsToAFlow(read, sentence, deps)) continue;
      // One sentence's out-of-scope reading ("how does that go in the form?") is not the story's.
      for (const candidate of read.filter((reading) => reading.kind !== 'out-of-scope')) {
        // One sentence says less than the whole story: its reading counts a little less.
        const score = candidate.score * SENTENCE_WEIGHT;
        const known = best.get(key(candidate));
        if (!known || score > known.score) best.set(key(candidate), { ...candidate, score });
      }
    }
  }
  // A flow decision is only taken for a flow that can run; the activation code's flow is no
  // reading of a message about another code ("the confirmation code email never came").
  const otherCode = deps.language.namesAnotherCode(text);
  return [...best.values()]
    .filter((candidate) => candidate.kind !== 'flow' || deps.content.flows.has(candidate.id))
    .filter(
      (candidate) => !(otherCode && candidate.kind === 'flow' && candidate.id === deps.content.texts.mailedCodeTopic),
    )
    .sort((a, b) => b.score - a.score)
    .slice(0, 5);
}

/**
 * "Apologies, wrong window. What does Secure Access ask for?": the question after a short
 * lead-in, read past it; the question is the point (and "wrong" in the lead-in reports nothing).
 */
export function questionAfterLeadIn(text: string, deps: ResponderDeps): string | undefined {
  const sentences = text.split(SENTENCE_END).filter((sentence) => rawWords(sentence).length > 0);
  const asked = sentences.filter((sentence) => deps.language.isQuestion(sentence));
  const short = sentences.every(
    (sentence) => deps.language.isQuestion(sentence) || rawWords(sentence).length <= LEAD_IN_WORDS,
  );
  return sentences.length >= 2 && asked.length === 1 && short && rawWords(asked[0]).length >= 3 ? asked[0] : undefined;
}

/** Where a sentence ends: ". ", "! ", "? " (a decimal or an initial has no space after it). */
const SENTENCE_END = /(?<=[.!?])\s+/;
/**
 * Where a story's parts break: sentences, and ": " after a label ("client-data security audit
 * question: …"; "6:30" has no space after it). A label is no lead-in to skip: it names the subject.
 */
const STORY_BREAK = /(?<=[.!?:])\s+/;
/** A message this long may be a story with its point in one sentence… */
const RUN_ON_WORDS = 15;
/** …of at least this many words, whose reading counts this much against the whole's. */
const SENTENCE_WORDS = 5;
const SENTENCE_WEIGHT = 0.9;
/** A lead-in before a question ("Apologies, wrong window.") is at most this many words. */
const LEAD_IN_WORDS = 6;

/** A sentence reporting a problem whose best reading is a flow: the flow sorts out which it is. */
function reportsToAFlow(ranked: readonly Candidate[], sentence: string, deps: ResponderDeps): boolean {
  return ranked[0]?.kind === 'flow' && deps.language.describesProblem(sentence);
}

/** The best reading leads the next by the policy's margin. */
export function readsClearly(ranked: readonly Candidate[], deps: ResponderDeps): boolean {
  const [first, second] = ranked;
  if (!first) return false;
  if (!second || first.score <= 0) return true;
  return (first.score - second.score) / first.score >= (deps.policy ?? defaultRoutePolicy).margin;
}
