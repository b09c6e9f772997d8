import type { ContentProblem } from '../../src/content/content-error';
import type { Content } from '../../src/content/load-content';
import type { Source } from '../../src/content/schemas';
import type { ContentText } from './content-texts';

/**
 * Who stands behind what the bot says, beyond what the loader already refuses (unknown ids,
 * low-trust-only facts, uncredited third-party facts in articles and flow nodes).
 */

/** Signs that a text states a fact someone has to stand behind: a credit, the IRS, ID.me, a number. */
const STATES_A_FACT = /according to|\bnotice\b|\bIRS\b|\bID\.me\b|\d/i;

/** "according to CrossLink (May 2022), …" → "CrossLink (May 2022)": the name up to punctuation ("efile.com" whole). */
const CREDIT = /according to ((?:[^,.;:!?]|\.(?=\w))+)/gi;

/** Words that say a lead is only a lead. */
const UNCONFIRMED = /unconfirmed|not confirmed|couldn.t confirm|could not confirm|unverified|can.t confirm/i;

/** A flow node that says something factual names its sources, so a reader can check it. */
export function factsNeedSources(texts: readonly ContentText[]): ContentProblem[] {
  return texts
    .filter((text) => text.kind === 'flow-node' && text.sources !== undefined && text.sources.length === 0)
    .filter((text) => STATES_A_FACT.test(text.text.replace(/\{\w+\}/g, '')))
    .map((text) => ({
      file: text.file,
      path: text.path.replace(/\.text$/, '.sources'),
      message: 'states a fact but cites no source: add `sources:` with the ids it rests on',
    }));
}

/**
 * "According to X" credits X: X must be one of the sources the text cites, so the source line
 * shows X's page and date. A sentence that cannot cite (texts.yaml, small talk, a question) must
 * not credit anyone.
 */
export function creditsMatchSources(texts: readonly ContentText[], content: Content): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const text of texts) {
    if (text.kind === 'helpdesk' && text.file.endsWith('texts.yaml')) continue; // judged as part of the card
    for (const match of text.text.matchAll(CREDIT)) {
      const name = match[1].trim();
      if (/^(the )?IRS\b/i.test(name)) continue; // the IRS's word needs no third-party credit
      if (text.sources === undefined) {
        problems.push({
          file: text.file,
          path: text.path,
          message: `credits "${name}" but cannot cite a source here: say it in an article or on the card, which cite`,
        });
        continue;
      }
      const cited = text.sources
        .map((id) => content.sources.get(id))
        .filter((source): source is Source => source !== undefined);
      if (!cited.some((source) => credits(source, name))) {
        const known = [...content.sources.values()].filter((source) => credits(source, name)).map((s) => s.id);
        problems.push({
          file: text.file,
          path: text.kind === 'helpdesk-card' ? 'sources' : text.path,
          message:
            `credits "${name}" but cites no source of theirs` +
            (known.length > 0
              ? ` (add one of: ${known.join(', ')})`
              : ' (no source in knowledge/sources.yaml is theirs)'),
        });
      }
    }
  }
  return problems;
}

function credits(source: Source, name: string): boolean {
  const lower = name.toLowerCase();
  return [source.attribution, source.publisher]
    .filter((candidate): candidate is string => candidate !== undefined)
    .some((candidate) => lower.startsWith(candidate.toLowerCase()));
}

/** A text that cites a low-trust source says plainly that the point is unconfirmed. */
export function lowTrustSaysUnconfirmed(texts: readonly ContentText[], content: Content): ContentProblem[] {
  return texts.flatMap((text) =>
    (text.sources ?? [])
      .map((id, index) => ({ source: content.sources.get(id), index }))
      .filter(({ source }) => source?.trust === 'low' && !UNCONFIRMED.test(text.text))
      .map(({ source, index }) => ({
        file: text.file,
        path: `${text.path === 'answer' ? 'sources' : text.path.replace(/\.text$/, '.sources')}[${index}]`,
        message: `cites "${source!.id}", a low-trust lead: the text must say the point is unconfirmed`,
      })),
  );
}
