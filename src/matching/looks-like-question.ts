import { rawWords } from './normalizer';

const QUESTION_START = /^(what|whats|how|when|where|why|who|which|is|are|can|could|do|does|did|should|will|would)\b/;

/**
 * Whether a reply reads as a question of its own ("what's the phone number?") rather than an
 * answer to ours. Such a reply is only taken as an answer when it is exactly one (a label, a
 * number); otherwise the bot answers it and asks its own question again.
 */
export function looksLikeQuestion(text: string): boolean {
  return /\?\s*$/.test(text) || QUESTION_START.test(rawWords(text).join(' '));
}
