/**
 * Numbers the content may state besides the e-Help Desk's own (knowledge/helpdesk.yaml), each
 * with the source that gives it: a text stating one must cite that source (or, where the file
 * cannot cite, name it: "the notice's 10 business days"). A new number needs a row here, which a
 * reviewer sees in the diff.
 */

export interface SourcedNumber {
  /** As written in the text. */
  readonly value: string;
  /** The source id (knowledge/sources.yaml) that states it. */
  readonly source: string;
  /** Words that name that source, for sentences that cannot cite (texts.yaml). */
  readonly named?: RegExp;
}

/** Phone numbers other than the desk's (irs-facts.md §9: all third-party or IRS-quoted). */
export const OTHER_PHONE_NUMBERS: readonly SourcedNumber[] = [
  // The international number and the main e-Help Desk, third-party (ustaxservices.ca, 2017).
  { value: '512-416-7750', source: 'ustaxservices-2017-12-11' },
  { value: '1-866-255-0654', source: 'ustaxservices-2017-12-11' },
  // Taxpayer Assistance Center appointments for suspended accounts (IRS text, ATX Community).
  { value: '844-545-5640', source: 'irs-update-2017' },
];

/** "N business days": the notice's 10 for a mailed code; the 2018 IRM's 15 for some timeframes. */
export const BUSINESS_DAYS: readonly SourcedNumber[] = [
  { value: '10', source: 'notice', named: /\bnotice/i },
  { value: '15', source: 'irm-3-42-8-2018', named: /\bmanual\b|\bIRM\b/ },
];
