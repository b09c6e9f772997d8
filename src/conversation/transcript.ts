import { redactForRecords, redactSensitiveNumbers } from '../privacy/sensitive-numbers';
import type { Reply } from '../reply/reply';
import type { ConversationData } from './conversation-data';

const TRANSCRIPT_LENGTH = 30;

/** Keeps recent messages for a handoff's transcript; only when handoff events are on. */
export function addToTranscript(
  conversation: ConversationData,
  from: 'user' | 'bot',
  messages: Reply,
  keep: boolean,
): ConversationData {
  // Kept only for the handoff event: otherwise it would cost state size and time every turn.
  if (!keep) return conversation;
  const entries = messages
    .map((message) => message.text)
    .filter((text): text is string => typeof text === 'string' && text.length > 0)
    // What the user typed may hold a number in a format nobody foresaw: keep no long digit runs.
    .map((text) => ({
      from,
      text: (from === 'user' ? redactForRecords(text) : redactSensitiveNumbers(text)).slice(0, 500),
    }));
  if (entries.length === 0) return conversation;
  return { ...conversation, transcript: [...conversation.transcript, ...entries].slice(-TRANSCRIPT_LENGTH) };
}
