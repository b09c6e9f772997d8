import { rawWords } from '../matching/normalizer';

const CUES = [/\b(i am|we are|i live|we live|i work|located|based|living)\b/, /\btime ?zone\b/, /\b(on|in) \w+( \w+)? time\b/, /\bmy (time|zone|timezone)\b/];

/**
 * Whether a message tells us where the user is ("I'm in Phoenix", "my time zone is Pacific",
 * "we're on Central time") rather than merely naming a place ("weather in Boston"). A message
 * of one or two words ("Pacific", "Honolulu") counts too: it answers "where are you?".
 */
export function isZoneStatement(text: string): boolean {
  const words = rawWords(text);
  if (words.length > 0 && words.length <= 2) return true;
  const joined = words.join(' ');
  return CUES.some((cue) => cue.test(joined));
}
