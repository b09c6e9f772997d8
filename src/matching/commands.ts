import type { CommandName, Routing } from '../content/routing-schema';
import { rawWords } from './normalizer';

/**
 * Recognises whole-message commands ("help", "start over", "talk to a person"). Only the whole
 * message counts (or a message of only that command said twice over), so "how do I get help
 * with my password" is still a question.
 */
export function createCommandDetector(
  commands: Routing['commands'],
  politeWords: readonly string[] = [],
): (text: string) => CommandName | undefined {
  const polite = new Set(politeWords.flatMap(rawWords));
  const byPhrase = new Map<string, CommandName>();
  for (const [name, phrases] of Object.entries(commands) as Array<[CommandName, string[]]>) {
    for (const phrase of phrases) {
      const key = phrase.trim() === '?' ? '?' : rawWords(phrase).join(' ');
      if (key) byPhrase.set(key, name);
    }
  }
  const commandOf = (clause: string): CommandName | undefined => {
    const words = rawWords(clause);
    // "please start over", "ok, actually never mind", "human pls" are still the command.
    let first = 0;
    while (first < words.length - 1 && polite.has(words[first])) first++;
    let end = words.length;
    while (end > first + 1 && polite.has(words[end - 1])) end--;
    return byPhrase.get(words.slice(first, end).join(' '));
  };
  return (text) => {
    const trimmed = text.trim();
    if (trimmed === '?') return byPhrase.get('?');
    const whole = commandOf(trimmed);
    if (whole) return whole;
    // "never mind, forget about it", "nvm I'll deal w it later": every part the same command.
    const clauses = trimmed.split(/[,.;!]+/).filter((clause) => rawWords(clause).length > 0);
    if (clauses.length >= 2) {
      const names = new Set(clauses.map(commandOf));
      const [name] = names;
      if (names.size === 1 && name) return name;
    }
    return commandsInARow(rawWords(trimmed));
  };

  /** Words cut into command phrases of one command (and polite words) alone, or undefined. */
  function commandsInARow(words: readonly string[]): CommandName | undefined {
    if (words.length < 2 || words.length > MAX_RUN_WORDS) return undefined;
    // named[i]: the command of a cut of words[0..i); null for a cut of polite words only.
    const named: Array<CommandName | null | undefined> = new Array(words.length + 1).fill(undefined);
    named[0] = null;
    for (let start = 0; start < words.length; start++) {
      const before = named[start];
      if (before === undefined) continue;
      if (polite.has(words[start]) && named[start + 1] === undefined) named[start + 1] = before;
      for (let end = start + 1; end <= words.length; end++) {
        const name = byPhrase.get(words.slice(start, end).join(' '));
        if (name && (before === null || before === name)) named[end] = name;
      }
    }
    return named[words.length] ?? undefined;
  }
}

/** Longer than every run of commands people type in one breath. */
const MAX_RUN_WORDS = 14;
