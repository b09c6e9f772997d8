import type { Routing } from '../content/routing-schema';
import { rawWords } from './normalizer';

/** How many words a problem reported tersely has at most ("phone problem", "cant get code"). */
const TERSE_WORDS = 6;

/**
 * A problem told in a few words, asking nothing ("phone problem", "address mismatch"): a step the
 * troubleshooting knows, with a problem word, and nothing else. "Printer problem", "selfie problem"
 * and "po box error" are about something else (another answer, or none).
 */
export function createTerseReportReader(
  routing: Pick<Routing, 'terseProblemWords' | 'terseSteps' | 'terseStepFillers'>,
  isQuestion: (text: string) => boolean,
  describesProblem: (text: string) => boolean,
  canonical: (word: string) => readonly string[] = (word) => [word],
): (text: string) => boolean {
  const problemWords = new Set(routing.terseProblemWords.flatMap(rawWords));
  const steps = new Set(routing.terseSteps.flatMap(rawWords));
  const fillers = new Set(routing.terseStepFillers.flatMap(rawWords));
  return (text) => {
    // Counted as typed: "cant" is one word here, though read as "can not".
    const typed = text.split(/\s+/).filter((word) => word.length > 0).length;
    if (typed === 0 || typed > TERSE_WORDS || isQuestion(text)) return false;
    const words = rawWords(text);
    const named = words.filter((word) => !problemWords.has(word) && !fillers.has(word));
    // "Adress mismatch": a step written another way the synonyms know is that step.
    const isStep = (word: string) => steps.has(word) || canonical(word).every((form) => steps.has(form));
    if (named.length === 0 || !named.every(isStep)) return false;
    return describesProblem(text) || words.some((word) => problemWords.has(word));
  };
}
