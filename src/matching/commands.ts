import type { CommandName, Routing } from '../content/routing-schema';
import { rawWords } from './normalizer';

/**
 * Recognises whole-message commands ("help", "start over", "talk to a person"). Only the whole
 * message counts, so "how do I get help with my password" is still a question.
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
  return (text) => {
    const trimmed = text.trim();
    if (trimmed === '?') return byPhrase.get('?');
    const words = rawWords(trimmed);
    // "please start over" is still the command.
    const first = words.length > 1 && polite.has(words[0]) ? 1 : 0;
    return byPhrase.get(words.slice(first).join(' '));
  };
}
