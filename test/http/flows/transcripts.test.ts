import { realContent } from '../../support/content';
import { runTranscript, startTranscriptBot, type TranscriptBot } from '../../support/flows/run-transcript';
import { checkTranscript, loadTranscripts } from '../../support/flows/transcript';

/**
 * Every transcript in test/transcripts/*.yaml, run through the real bot over HTTP (CloudAdapter,
 * state, dialogs) with a pinned clock. One bot serves all of them; each transcript has its own
 * user and conversations. The format is described in ./support/transcript.ts.
 *
 * Transcripts with `bug:` describe a known bug in src/ or content and run as it.failing. To see
 * how they fail (expected vs got), run: SHOW_KNOWN_BUGS=1 npx jest test/flows/transcripts
 */
const transcripts = loadTranscripts();

let target: TranscriptBot;
beforeAll(async () => {
  target = await startTranscriptBot();
});
afterAll(() => target.bot.stop());

it('every transcript names flows, nodes, choices, texts and articles that exist', () => {
  expect(transcripts.flatMap((transcript) => checkTranscript(transcript, realContent()))).toEqual([]);
});

const files = [...new Set(transcripts.map((transcript) => transcript.file))];
for (const file of files) {
  describe(file, () => {
    for (const transcript of transcripts.filter((candidate) => candidate.file === file)) {
      if (transcript.bug && !process.env.SHOW_KNOWN_BUGS) {
        it.failing(`[known bug] ${transcript.name}`, () => runTranscript(target, transcript));
      } else {
        it(transcript.name, () => runTranscript(target, transcript));
      }
    }
  });
}
