import type { ContentProblem } from '../../src/content/content-error';
import type { Content } from '../../src/content/load-content';
import { creditsMatchSources, factsNeedSources, lowTrustSaysUnconfirmed } from './citation-rules';
import { DEFAULT_FIXES_FILE, type ContentFixes } from './content-fixes';
import { contentTexts, DEFAULT_FOLDERS, type ContentFolders, type ContentText } from './content-texts';
import { checksHoldForContent, flaggedStatementsStayGone } from './fix-rules';
import { businessDaysAreSourced, daysAreHedged, hoursMatchTheDesk, phoneNumbersAreKnown } from './helpdesk-rules';
import { everySourceIsCited, sourceDatesAreHonest } from './source-rules';
import {
  notesSayWhatChanged,
  oldProcessFlowsAreHistorical,
  retiredSignInSaysWhatChanged,
  todaysArticlesNameIdMe,
} from './then-and-now-rules';

/** One rule of the review, as `npm run kb:check` lists it. */
export interface ReviewRule {
  readonly name: string;
  readonly check: (input: RuleInput) => ContentProblem[];
}

export interface RuleInput {
  readonly content: Content;
  readonly fixes: ContentFixes;
  readonly fixesFile: string;
  readonly folders: ContentFolders;
  /** Every sentence the bot can show (contentTexts). */
  readonly texts: readonly ContentText[];
}

/**
 * The review's rules that can be checked mechanically, run after the loader's own (which refuses
 * unknown sources, facts resting on low-trust sources alone and uncredited third-party facts).
 */
export const REVIEW_RULES: readonly ReviewRule[] = [
  { name: 'flow nodes that state facts cite sources', check: (i) => factsNeedSources(texts(i)) },
  { name: 'whoever a text credits is a source it cites', check: (i) => creditsMatchSources(texts(i), i.content) },
  { name: 'low-trust leads are said to be unconfirmed', check: (i) => lowTrustSaysUnconfirmed(texts(i), i.content) },
  { name: "source dates are the sources' own", check: (i) => sourceDatesAreHonest(i.content, i.folders) },
  { name: 'every listed source is cited', check: (i) => everySourceIsCited(i.content, i.folders) },
  { name: 'the retired sign-in comes with what has changed', check: (i) => retiredSignInSaysWhatChanged(texts(i)) },
  {
    name: 'flows through the old process are historical',
    check: (i) => oldProcessFlowsAreHistorical(i.content, i.folders),
  },
  { name: "today's articles name ID.me", check: (i) => todaysArticlesNameIdMe(i.content, i.folders) },
  { name: 'the then-and-now notes name ID.me and the years', check: (i) => notesSayWhatChanged(i.content, i.folders) },
  { name: "phone numbers are the desk's or sourced", check: (i) => phoneNumbersAreKnown(texts(i), i.content) },
  { name: "hours are the desk's", check: (i) => hoursMatchTheDesk(texts(i), i.content) },
  { name: "the desk's days are said to be our assumption", check: (i) => daysAreHedged(texts(i)) },
  { name: 'business-day counts are sourced', check: (i) => businessDaysAreSourced(texts(i)) },
  {
    name: 'statements the review flagged stay gone',
    check: (i) => flaggedStatementsStayGone(i.fixes, texts(i), i.content, i.folders.knowledge),
  },
  {
    name: 'each review check holds for the content',
    check: (i) => checksHoldForContent(i.fixes, i.content, i.fixesFile),
  },
];

const texts = (input: RuleInput) => input.texts;

/** Every rule's problems, in rule order. */
export function runReviewRules(
  content: Content,
  fixes: ContentFixes,
  options: { fixesFile?: string; folders?: ContentFolders } = {},
): ContentProblem[] {
  const folders = options.folders ?? DEFAULT_FOLDERS;
  const input: RuleInput = {
    content,
    fixes,
    fixesFile: options.fixesFile ?? DEFAULT_FIXES_FILE,
    folders,
    texts: contentTexts(content, folders),
  };
  return REVIEW_RULES.flatMap((rule) => rule.check(input));
}
