import { rawWords } from './normalizer';

/** The words of a failure told as something that goes on happening, from knowledge/routing.yaml. */
export interface RepeatedFailureWords {
  /** Words that say it goes on: "keeps", "kept". */
  readonly leads: readonly string[];
  /** What may go on without anything failing ("keep trying", "still waiting to hear"). */
  readonly except: readonly string[];
}

/** An -ing form long enough to be a verb's ("asking", "reloading"), not "thing" or "king". */
const DOING = /^[a-z]{2,}ing$/;
const NOT_DOING = /thing$/;

/**
 * Whether a message tells of something going on and on ("keeps asking me to start over", "kept
 * saying mismatch"): a lead word, then (past "on") an -ing form. No list of
 * verbs can hold every way a form misbehaves; what repeats against the user is a problem.
 */
export function createRepeatedFailureReader(words: RepeatedFailureWords | undefined): (text: string) => boolean {
  if (!words) return () => false;
  const leads = new Set(words.leads.flatMap(rawWords));
  const except = new Set(words.except.flatMap(rawWords));
  return (text) => {
    const all = rawWords(text);
    return all.some((word, index) => {
      if (!leads.has(word)) return false;
      const next = all[index + 1] === 'on' ? all[index + 2] : all[index + 1];
      return next !== undefined && DOING.test(next) && !NOT_DOING.test(next) && !except.has(next);
    });
  };
}
