import type { Intent } from '../content/intents-schema';
import { certainAbove, suggestAbove } from './knowledge-answer';
import { rawWords } from '../matching/normalizer';
import type { ResponderDeps } from './outcome';
import type { Session } from './session';
import { CLAUSE_BREAK } from '../matching/clause-break';

/**
 * "thanks heaps, pulling the car loan paperwork out tonight and giving it another go", "so a real
 * cell in my own name and nothing virtual. thank you": after an answer, thanks or a goodbye said
 * anywhere in a message that asks nothing and reports no problem closes the conversation. What is
 * said beside it tells what the user will do next (read faintly, if at all, as an answer), or says back what
 * they were just told (the answer's own words); people's words for both are too many to list.
 * Words that read as an answer and say something new ("my phone is on my wife's plan, thanks";
 * after the card, "thanks, they hung up on me twice") are still answered.
 * Returns the thanks or goodbye said, or undefined.
 */
export function closingSaid(text: string, session: Session, deps: ResponderDeps): Intent | undefined {
  const { language } = deps;
  const topic = session.topic;
  // After an answer or the card (a flow reads its own replies).
  if (topic === undefined || topic.kind === 'flow') return undefined;
  if (language.isQuestion(text) || language.describesProblem(text)) return undefined;
  // "thank you. and for my partner overseas which number she must dial please" asks, without a question mark.
  if (language.asksForAdvice(text) || language.requests(text) || language.asksWhoToCall(text)) return undefined;
  const clauses = text.split(CLAUSE_BREAK).filter((clause) => clause.trim().length > 0);
  const said = clauses.map((clause) => closingIn(clause, deps));
  const closing = said.find((intent) => intent !== undefined);
  if (!closing) return undefined;
  const rest = clauses.filter((_, at) => said[at] === undefined).join(', ');
  const reading = deps.matcher.rank(rest, READINGS).find((candidate) => candidate.kind === 'article');
  // After the card or an answer that came with it, words about what the card says (its hours, the
  // phone menu, what to have ready) say it back; "thanks, they hung up on me twice" is news.
  const withCard = topic.kind === 'helpdesk' || topic.withCard === true;
  const sayBackCard = reading !== undefined && deps.content.routing.cardTopics.includes(reading.id);
  const aboutTheDesk = language.pointsAtTheDesk(rest);
  if (withCard && sayBackCard && !aboutTheDesk && reading.score < certainAbove(deps) && !saysNo(rest)) return closing;
  // Words that read as nothing are a plan or a remark; after the card, unless they tell about the
  // desk ("they hung up on me twice"), whose own readings decide.
  const faint = !reading || reading.score < suggestAbove(deps);
  if (faint && (topic.kind === 'article' || !aboutTheDesk)) return closing;
  if (topic.kind !== 'article' || !reading) return undefined;
  // Words read for certain as an answer ask it ("thanks, my phone is on my husband's plan"), and a
  // negation makes them news ("thanks, my phone is not in my own name").
  if (reading.score >= certainAbove(deps) || saysNo(rest)) return undefined;
  // Words about the answer just given or the one before it, or most of its own words said back.
  if (reading.id === topic.id || reading.id === session.earlier) return closing;
  return repeatsTheAnswer(rest, topic.id, deps) ? closing : undefined;
}

/** Thanks or a goodbye that is the whole of the text ("thanks, bye now"), if it is one. */
export function thanksSaidWhole(text: string, deps: ResponderDeps): Intent | undefined {
  const said = deps.language.intentOf(text);
  return said?.whole === true && said.intent.helped === true ? said.intent : undefined;
}

/** Thanks or a goodbye in one clause: said whole, or one of its words (filler words alone are neither). */
function closingIn(clause: string, deps: ResponderDeps): Intent | undefined {
  const whole = thanksSaidWhole(clause, deps);
  if (whole && whole.fillersOnly !== true) return whole;
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
  if (!article) return false;
  const words = new Set(deps.language.terms(rest));
  if (words.size < 2) return false;
  const answer = new Set(deps.language.terms(`${article.title} ${article.answer}`));
  const repeated = [...words].filter((word) => answer.has(word)).length;
  return repeated >= REPEATED_SHARE * words.size;
}

/** A word of negation turns words around ("my phone is not in my own name"): news, not said back. */
function saysNo(text: string): boolean {
  return rawWords(text).some((word) => NEGATIONS.has(word));
}

/** How many of the rest's best readings are looked through for an article. */
const READINGS = 3;

/** The share of the rest's words that must be the answer's own for it to be said back. */
const REPEATED_SHARE = 0.6;

/** Words that turn a statement around (language mechanics, never shown). */
const NEGATIONS: ReadonlySet<string> = new Set(['not', 'no', 'never', 'without', 'cannot', 'nothing', 'none', 'nor']);

/**
 * "Ok I'll wait", "alright, will try that tonight": an acknowledging word first, then what the user
 * will do, asking nothing and reporting no problem. (A call planned gets the card elsewhere.)
 */
export function acknowledgedPlan(text: string, deps: ResponderDeps): Intent | undefined {
  if (!onlyAPlan(text, deps) || deps.language.intendsToCall(text)) return undefined;
  const [first] = rawWords(text);
  return first === undefined ? undefined : thanksSaidWhole(first, deps);
}

/** What the user will do, told: asking nothing and reporting no problem ("will try tonight"). */
export function onlyAPlan(text: string, deps: ResponderDeps): boolean {
  const { language } = deps;
  return language.statesAPlan(text) && !language.isQuestion(text) && !language.describesProblem(text);
}
