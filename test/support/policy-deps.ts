import type { PolicyDeps } from '../../src/conversation/turn-plan';
import { createMatcher } from '../../src/matching/create-matcher';
import { realContent, realLanguage } from './content';

/** decideTurn's dependencies over the real content, as the service builds them. */
export function realPolicyDeps(options: { readonly keepTranscript: boolean }): PolicyDeps {
  const content = realContent();
  return {
    content,
    matcher: createMatcher(content),
    language: realLanguage(),
    maxMessageLength: 1000,
    keepTranscript: options.keepTranscript,
  };
}
