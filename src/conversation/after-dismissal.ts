import type { Language } from '../matching/language';

/**
 * "Forget it. who can I actually call about secure access": a cancel said first, then a
 * question. The question is what to answer; "forget" is no word of it (nor a forgotten password).
 */
export function questionAfterDismissal(text: string, language: Language): string | undefined {
  const cut = /[,.;:!]+\s*|\s[-–—]\s/.exec(text);
  if (!cut || cut.index === 0) return undefined;
  const rest = text.slice(cut.index + cut[0].length).trim();
  if (rest.length === 0 || language.detectCommand(text.slice(0, cut.index)) !== 'cancel') return undefined;
  return language.isQuestion(rest) ? rest : undefined;
}
