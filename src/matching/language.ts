import type { CommandName, Routing } from '../content/routing-schema';
import { createCommandDetector } from './commands';
import { rawWords } from './normalizer';
import { createPhraseDetector } from './phrase-detector';

/** How people answer a question with Yes/No or "did that solve it?" buttons. */
export interface AnswerWords {
  readonly yes: readonly string[];
  readonly no: readonly string[];
  readonly solved: readonly string[];
  readonly stillStuck: readonly string[];
}

/**
 * What the bot knows about how people write, all of it from knowledge/routing.yaml: the words
 * live in content, the code only applies them.
 */
export interface Language {
  /** The message reads as a question of its own ("what's the phone number?"). */
  isQuestion(text: string): boolean;
  /** The message reports a problem ("I can't…", "it keeps failing"). */
  describesProblem(text: string): boolean;
  /** The whole message is a command ("help", "start over", "talk to a person"). */
  detectCommand(text: string): CommandName | undefined;
  /** The message tells where the user is ("I'm in Phoenix"), rather than naming a place. */
  isZoneStatement(text: string): boolean;
  /** The button a message picks by its place: 1-based, 'last', or undefined ("the second one" is 2). */
  choicePosition(text: string): number | 'last' | undefined;
  readonly answers: AnswerWords;
}

export function createLanguage(routing: Routing): Language {
  const starters = new Set(routing.questionStarters.flatMap(rawWords));
  const describesProblem = createPhraseDetector(routing.problemCues);
  const zoneCue = createPhraseDetector(routing.zoneCues);
  const { positions } = routing;
  const before = new Set(positions.before.flatMap(rawWords));
  const after = new Set(positions.after.flatMap(rawWords));
  const last = new Set(positions.last.flatMap(rawWords));
  const positionOf = (word: string): number | 'last' | undefined =>
    /^\d{1,2}$/.test(word) ? Number(word) : last.has(word) ? 'last' : positions.words[word];
  return {
    isQuestion: (text) => /\?\s*$/.test(text) || starters.has(rawWords(text)[0] ?? ''),
    describesProblem,
    detectCommand: createCommandDetector(routing.commands, routing.politeWords),
    // One or two words ("Pacific", "Honolulu") answer "where are you?" on their own.
    isZoneStatement: (text) => {
      const count = rawWords(text).length;
      return (count > 0 && count <= 2) || zoneCue(text);
    },
    choicePosition: (text) => {
      const words = rawWords(text);
      if (words.length === 0 || words.length > 3) return undefined;
      // The whole message, or one word before ("the", "option") and/or one after ("one").
      const candidates = [words];
      if (words.length > 1 && before.has(words[0])) candidates.push(words.slice(1));
      for (const candidate of [...candidates]) {
        if (candidate.length > 1 && after.has(candidate[candidate.length - 1])) candidates.push(candidate.slice(0, -1));
      }
      const single = candidates.find((candidate) => candidate.length === 1 && positionOf(candidate[0]) !== undefined);
      return single ? positionOf(single[0]) : undefined;
    },
    answers: routing.answers,
  };
}
