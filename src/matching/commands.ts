import type { CommandName, Routing } from '../content/routing-schema';
import { rawWords } from './normalizer';

/**
 * Recognises whole-message commands ("help", "start over", "talk to a person"). Only the whole
 * message counts, so "how do I get help with my password" is still a question.
 */
export function createCommandDetector(commands: Routing['commands']): (text: string) => CommandName | undefined {
  const byPhrase = new Map<string, CommandName>();
  for (const [name, phrases] of Object.entries(commands) as Array<[CommandName, string[]]>) {
    for (const phrase of phrases) {
      const key = phrase.trim() === '?' ? '?' : rawWords(phrase).join(' ');
      if (key) byPhrase.set(key, name);
    }
  }
  return (text) => {
    const trimmed = text.trim();
    const key = trimmed === '?' ? '?' : rawWords(trimmed.replace(/^(please|pls)\s+/i, '')).join(' ');
    return byPhrase.get(key);
  };
}
