import type { Language } from '../matching/language';
import { CLAUSE_BREAK } from '../matching/clause-break';
import { rawWords } from '../matching/normalizer';

/**
 * "Is the TAC office open Saturdays?", "what are the hours at my local IRS office": calling another
 * office, whose hours and line are not the desk's, about nothing of the registration. ("The
 * taxpayer advocate said to call e-services support, when are they open?" asks about ours.)
 */
export function callsAnotherOffice(text: string, language: Language): boolean {
  return (
    language.namesAnotherOffice(text) &&
    language.asksAboutCalling(text) &&
    !language.namesTheDesk(text) &&
    !language.namesTheRegistration(text) &&
    !language.describesProblem(text)
  );
}

/**
 * "The practitioner priority line is useless, for secure access problems is there another number",
 * "PPS can't help me with this, is there another number": another number than the office named,
 * asked apart from it or about the registration. ("Is there another number for the PPS line" asks
 * for theirs; "the id.me number just loops, is there another number" is about ID.me's own help.)
 */
export function asksPastAnotherOffice(text: string, language: Language, idMeHelpTopic: string): boolean {
  if (!language.asksForAnotherNumber(text) || language.questionKindArticle(text) === idMeHelpTopic) return false;
  if (language.namesTheRegistration(text)) return true;
  const asking = text.split(CLAUSE_BREAK).filter((clause) => language.asksForAnotherNumber(clause));
  return asking.length > 0 && asking.every((clause) => !language.namesAnotherOffice(clause));
}

/**
 * Another office named ("What's the phone number for the Taxpayer Advocate Service?": not the
 * card), and ID.me's own line asked for ("does idme have a phone number", "can I talk to a person
 * at ID.me?": who helps with ID.me today; the desk's card would read as ID.me's line). "Talk to a
 * person about id.me" is ours.
 */
export function officeNamed(
  text: string,
  language: Language,
  idMeHelpTopic: string,
): { readonly elsewhere: boolean; readonly idMeLine: boolean; readonly theirOwnPeople: boolean } {
  const elsewhere = language.namesAnotherOffice(text);
  const idMeLine = language.questionKindArticle(text) === idMeHelpTopic;
  return { elsewhere, idMeLine, theirOwnPeople: idMeLine && (elsewhere || !rawWords(text).includes('about')) };
}

/** A tax or IRS matter outside the subject named, with nothing of the registration or the desk. */
export function asksAboutOutside(text: string, language: Language): boolean {
  return language.namesOutsideMatter(text) && !language.namesTheRegistration(text) && !language.namesTheDesk(text);
}
