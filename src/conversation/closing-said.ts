import type { Intent } from '../content/intents-schema';
import { certainAbove, suggestAbove } from './knowledge-answer';
import { rawWords } from '../matching/normalizer';
import type { ResponderDeps } from './outcome';
import type { Session } from './session';
import { CLAUSE_BREAK } from './closing-at-the-end';

/**
 * "thanks heaps, pulling the car loan paperwork out tonight and giving it another go", "so a real
 * cell in my own name and nothing virtual. thank you": after a reply, thanks or a goodbye said
 * anywhere in a message that asks nothing and reports no problem closes the conversation. What is
 * said beside it tells what the user will do next, or says back what they were just told; people's
 * words for both are too many to list. Words that read clearly as another answer, one the reply
 * did not give ("my phone is on my wife's plan, thanks"), are still answered.
 * Returns the thanks or goodbye said, or undefined.
 */
export function closingSaid(text: string, session: Session, deps: ResponderDeps): Intent | undefined {
  const { language } = deps;
  const topic = session.topic;
  if (topic === undefined || language.isQuestion(text) || language.describesProblem(text)) return undefined;
  // "thank you. and for my partner overseas which number she must dial please" asks, without a question mark.
  if (language.asksForAdvice(text) || language.requests(text) || language.asksWhoToCall(text)) return undefined;
  const clauses = text.split(CLAUSE_BREAK).filter((clause) => clause.trim().length > 0);
  const said = clauses.map((clause) => closingIn(clause, deps));
  const closing = said.find((intent) => intent !== undefined);
  if (!closing) return undefined;
  const rest = clauses.filter((_, at) => said[at] === undefined).join(', ');
  const reading = deps.matcher.rank(rest, READINGS).find((candidate) => candidate.kind === 'article');
  if (!reading || reading.score < suggestAbove(deps)) return closing;
  // The reply just given, or the one before it, is what the words repeat.
  const given = topic.kind === 'article' ? [topic.id, session.earlier] : [session.earlier];
  if (given.includes(reading.id)) return closing;
  // After the desk's card, words about calling it repeat the card.
  if (topic.kind === 'helpdesk' && deps.content.routing.deskTopics.includes(reading.id)) return closing;
  // Words read for certain as another answer ("thanks, my phone is on my husband's plan") ask it.
  if (topic.kind !== 'article' || reading.score >= certainAbove(deps)) return undefined;
  return repeatsTheAnswer(rest, topic.id, deps) ? closing : undefined;
}

/** Thanks or a goodbye in one clause: said whole, or one of its words. */
function closingIn(clause: string, deps: ResponderDeps): Intent | undefined {
  const whole = deps.language.intentOf(clause);
  if (whole?.whole === true && whole.intent.helped === true && whole.intent.fillersOnly !== true) return whole.intent;
  const signal = deps.language.smallTalkSignal(clause);
  return signal?.helped === true && signal.fillersOnly !== true ? signal : undefined;
}

/**
 * "so a real cell in my own name and nothing virtual": most of the words are the answer's own,
 * said back. A word of negation may turn the same words around ("my phone is not in my own
 * name"): that is news, not the answer said back.
 */
function repeatsTheAnswer(rest: string, articleId: string, deps: ResponderDeps): boolean {
  const article = deps.content.articles.get(articleId);
  if (!article || rawWords(rest).some((word) => NEGATIONS.has(word))) return false;
  const words = new Set(deps.language.terms(rest));
  if (words.size < 2) return false;
  const answer = new Set(deps.language.terms(`${article.title} ${article.answer}`));
  const repeated = [...words].filter((word) => answer.has(word)).length;
  return repeated >= REPEATED_SHARE * words.size;
}

/** How many of the rest's best readings are looked through for an article. */
const READINGS = 3;

/** The share of the rest's words that must be the answer's own for it to be said back. */
const REPEATED_SHARE = 0.6;

/** Words that turn a statement around (language mechanics, never shown). */
const NEGATIONS: ReadonlySet<string> = new Set(['not', 'no', 'never', 'without', 'cannot', 'nothing', 'none', 'nor']);
