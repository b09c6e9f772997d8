import { createLanguage } from '../../../src/matching/language';
import { realContent } from '../../support/content';

/**
 * "Does this apply to little old me?": whether the requirement applies to whoever asks, read by
 * knowledge/routing.yaml's appliesQuestion (a cue, and beyond it only the subject and words for
 * who is asking). Anything else named, or asked why, what or how often, is another question.
 */
const content = realContent();
const language = createLanguage(content.routing, content.intents, content.synonyms);

describe('whether the requirement applies to the asker', () => {
  it.each([
    'one-man shop EA, I barely use e-services, do I really have to do this?',
    "we're a small VITA site, are we included in the re-registration?",
    'part-time preparer here, can I skip the secure access thing?',
    'our reporting agent staff, on the hook for this too?',
  ])('"%s" asks it', (text) => {
    expect(language.asksIfItApplies(text)).toBe(true);
  });

  it.each([
    'why do I have to re-register?',
    'do I have to redo it every year?',
    'does this apply to my Google Voice number?',
    'is TIN matching included?',
    'what do I need to register?',
  ])('"%s" is another question', (text) => {
    expect(language.asksIfItApplies(text)).toBe(false);
  });
});
