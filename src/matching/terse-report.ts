import type { Routing } from '../content/routing-schema';
import { rawWords } from './normalizer';

/** How many words a problem reported tersely has at most ("phone problem", "cant get code"). */
const TERSE_WORDS = 6;

/** How many words a step named alone has at most ("id verification", "the phone step"). */
const STEP_ALONE_WORDS = 3;

/**
 * A problem told in a few words, asking nothing ("phone problem", "address mismatch"): a step the
 * troubleshooting knows, with a problem word, and nothing else. "Printer problem", "selfie problem"
 * and "po box error" are about something else (another answer, or none).
 */
export function createTerseReportReader(
  routing: Pick<
    Routing,
    'terseProblemWords' | 'terseSteps' | 'terseStepFillers' | 'terseStepMarkers' | 'terseVagueSteps'
  >,
  isQuestion: (text: string) => boolean,
  describesProblem: (text: string) => boolean,
  canonical: (word: string) => readonly string[] = (word) => [word],
): (text: string) => boolean {
  const problemWords = new Set(routing.terseProblemWords.flatMap(rawWords));
  const steps = new Set(routing.terseSteps.flatMap(rawWords));
  const fillers = new Set(routing.terseStepFillers.flatMap(rawWords));
  const markers = new Set(routing.terseStepMarkers.flatMap(rawWords));
  const vague = new Set(routing.terseVagueSteps.flatMap(rawWords));
  return (text) => {
    // Counted as typed: "cant" is one word here, though read as "can not".
    const typed = text.split(/\s+/).filter((word) => word.length > 0).length;
    if (typed === 0 || typed > TERSE_WORDS || isQuestion(text)) return false;
    const words = rawWords(text);
    const named = words.filter((word) => !problemWords.has(word) && !fillers.has(word));
    // "Adress mismatch": a step written another way the synonyms know is that step.
    const isStep = (word: string) => {
      const forms = canonical(word);
      return steps.has(word) || (forms.length > 0 && forms.every((form) => steps.has(form)));
    };
    if (named.length === 0 || !named.every(isStep)) return false;
    // "Phone verification", "the phone step": a step named alone as a step, in a few words, is where
    // it stops too ("phone" or "credit card" alone asks about it).
    // One step word beside the marker: "credit card verification" asks about cards in general.
    const alone =
      typed <= STEP_ALONE_WORDS &&
      words.some((word) => markers.has(word)) &&
      named.filter((word) => !markers.has(word)).length <= 1 &&
      !named.some((word) => vague.has(word));
    return alone || describesProblem(text) || words.some((word) => problemWords.has(word));
  };
}
