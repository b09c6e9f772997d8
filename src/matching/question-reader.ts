import type { Routing } from '../content/routing-schema';
import { rawWords } from './normalizer';
import { createPhraseDetector } from './phrase-detector';

/** The words of a clause that say it tells a plan ("will try tonight", "will sit tight"). */
const PLAN_OPENING_WORDS = 3;

/** How many words a clause asked midway needs to ask on its own ("why not?" leads in). */
const ASKED_MIDWAY_WORDS = 3;

/**
 * Whether a message asks: at its end ("…?"), by a clause's first word ("I'm in Ohio, can I call
 * at 8?"), by a clause asked midway ("phones open at this exact moment? client in 20 min"), or
 * by words that ask wherever they stand ("once I ask for the letter how long before it lands").
 * All words from knowledge/routing.yaml; `statesAPlan` tells "will try tonight" from "will it work".
 */
export function createQuestionReader(
  routing: Routing,
  statesAPlan: (text: string) => boolean,
): (text: string) => boolean {
  const starters = new Set(routing.questionStarters.flatMap(rawWords));
  const asksAnywhere = createPhraseDetector(routing.askingAnywhere);
  const leadIns = new Set(routing.questionLeadIns.flatMap(rawWords));
  const hedges = new Set((routing.hedgeOpenings ?? []).map((hedge) => rawWords(hedge).join(' ')));
  const pastModals = new Set(routing.pastModals.flatMap(rawWords));
  const stating = new Set(routing.statingAuxiliaries.flatMap(rawWords));
  const openers = new Set(routing.tellingOpeners.words.flatMap(rawWords));
  const subjects = new Set(routing.tellingOpeners.subjects.flatMap(rawWords));
  const askedAfter = new Set(routing.tellingOpeners.askedAfter.flatMap(rawWords));
  // "Secure access acct? nope, this is all new to me" echoes a question and answers it.
  const replyWords = new Set(
    [...routing.answers.yes, ...routing.answers.no].filter((word) => !word.includes(' ')).flatMap(rawWords),
  );
  // "Why not? my name is on it": a word or two asked ("why not?", "really?") leads into what is told.
  const askedMidway = (text: string) => {
    const parts = text.split(/\?+\s+/);
    return parts.slice(1).some((after, index) => {
      const asked = rawWords(parts[index].split(/[,;.!:]/).pop() ?? '');
      return asked.length >= ASKED_MIDWAY_WORDS && !replyWords.has(rawWords(after)[0] ?? '');
    });
  };
  const clauseAsks = (clause: string, index: number): boolean => {
    const all = rawWords(clause);
    // "Hard pull or not, and…": a clause that ends in "or not" asks which.
    if (all.length >= 3 && all[all.length - 2] === 'or' && all[all.length - 1] === 'not') return true;
    // "btw is all of this gonna show…?": lead-in words come before the question's first word.
    const lead = all.findIndex((word) => !leadIns.has(word));
    const words = lead > 0 ? all.slice(lead) : all;
    // A later clause asks only when it reads as one ("…, can I call at 8"), not "no, did not get it";
    // "can't get past the phone step" reports, it doesn't ask, and "should've come by text" says
    // what was meant to happen.
    if (!starters.has(words[0] ?? '') || words[1] === 'not') return false;
    // "could be my birthday or SSN": a guess, told ("could it be…" asks).
    if (hedges.has(`${words[0]} ${words[1] ?? ''}`)) {
      const but = words.indexOf('but');
      return but > 0 && clauseAsks(words.slice(but + 1).join(' '), 1);
    }
    // "ok merci, will try tonight": what the user will do, told ("will it work?" asks).
    if (words[0] === 'will' && statesAPlan(words.slice(0, PLAN_OPENING_WORDS).join(' '))) return false;
    if (words[1] === 'have' && pastModals.has(words[0])) return false;
    // "was expecting a text", "is showing my old address": the subject left out, told.
    if (stating.has(words[0]) && VERB_FORM.test(words[1] ?? '')) return false;
    // "when it tries to text me": when or where it happens, told.
    // ("when i call what do i press" goes on to ask.)
    const tells = openers.has(words[0]) && subjects.has(words[1] ?? '');
    if (tells && !words.slice(2).some((word) => askedAfter.has(word))) return false;
    return index === 0 || words.length >= 3;
  };
  return (text) =>
    /\?\s*$/.test(text) ||
    askedMidway(text) ||
    // "6:30" and "6.30" are times, not clause breaks.
    text.split(/[,;!?()]|(?<!\d)[:.]|[:.](?!\d)|\s[-–—]\s/).some(clauseAsks) ||
    asksAnywhere(text);
}

/**
 * A verb's -ing or -ed form ("expecting", "mailed"), long enough not to be a short word ("bed"),
 * and no "anything" or "everything" ("is anything needed?" asks).
 */
const VERB_FORM = /^(?![a-z]*thing$)[a-z]{3,}(?:ing|ed)$/;
