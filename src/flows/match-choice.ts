import Fuse from 'fuse.js';
import type { Language } from '../matching/language';
import { editDistance } from '../matching/edit-distance';
import { rawWords } from '../matching/normalizer';
import { rulesOut, standsUnturned, turnedRound, turningWords } from './turned-round';

export interface ChoiceOption {
  readonly id: string;
  readonly label: string;
  readonly synonyms: readonly string[];
}

/** A reply this short can say yes by how it ends ("email access is fine"). */
const SHORT_REPLY = 6;

/** A reply read for an answer's phrase with a word put in is a typed answer, not a story. */
const LOOSE_WORDS = 12;

/** Longer than every choice label (the flow schema allows 80 characters). */
const MAX_LABEL_LENGTH = 80;

/**
 * Finds which offered answer a typed reply means, leniently: the label or a synonym ("yep" for
 * Yes), a number ("2"), an ordinal ("the second one", "last"), or a label with a typo. `strict`:
 * only what says an answer outright, not a word shared with one or a typo.
 * Returns the choice id, or undefined when the reply is not one of the answers.
 */
export function matchChoice(
  text: string,
  options: readonly ChoiceOption[],
  language: Pick<
    Language,
    'answers' | 'isQuestion' | 'choicePosition' | 'terms' | 'namesOnlyTheSubject' | 'describesProblem'
  >,
  strict = false,
): string | undefined {
  const said = rawWords(text);
  // "When it asks about a credit card or loan": the screen named after the lead-in is the answer.
  const lead = (language.answers.screen ?? [])
    .map(rawWords)
    .find(
      (phrase) => phrase.length > 0 && phrase.length < said.length && phrase.every((word, at) => said[at] === word),
    );
  const words = lead ? said.slice(lead.length) : said;
  if (words.length === 0) return undefined;
  const phrase = words.join(' ');
  const key = (value: string) => rawWords(value).join(' ');

  for (const option of options) {
    if ([option.label, ...option.synonyms].some((candidate) => key(candidate) === phrase)) return option.id;
  }

  const position = language.choicePosition(phrase);
  if (position !== undefined) {
    const index = position === 'last' ? options.length : position;
    if (index >= 1 && index <= options.length) return options[index - 1].id;
  }

  // Past exact answers, a question is a question: "what's the phone number?" is not the
  // choice "My phone can't be verified" just because it mentions a phone, and "ok, which
  // option do I press?" is not a Yes.
  // "Can you ping me if it doesn't show?" asks for an answer by one of its phrases ("ping me").
  if (!lead && language.isQuestion(text)) return askedAsRequest(words, options, language);

  // The Yes and No buttons: by id, or by a label whose first word is a yes or no word. The
  // longer opening wins, so "I have not tried yet" is a no although it starts with "I have".
  const firstWord = (option: ChoiceOption) => key(option.label).split(' ')[0];
  const yes = options.find((option) => option.id === 'yes' || language.answers.yes.includes(firstWord(option)));
  const no = options.find((option) => option.id === 'no' || language.answers.no.includes(firstWord(option)));
  const opening = (list: readonly string[]) =>
    Math.max(
      0,
      ...list
        .map(key)
        .filter((word) => phrase === word || phrase.startsWith(`${word} `))
        .map((word) => word.length),
    );
  // "Dunno" for the "Not sure" button, before "no" can read it as a No ("no idea").
  const unsure = options.find((option) => language.answers.unsure.some((word) => key(word) === key(option.label)));
  // …also after a word or two ("honestly couldn't say").
  const doubts = language.answers.unsure.map(key).some((word) => ` ${phrase} `.includes(` ${word} `));
  if (unsure && (opening(language.answers.unsure) > 0 || doubts)) return unsure.id;
  const alone = new Set((language.answers.yesAlone ?? []).map(key));
  const leadingYes = language.answers.yes.filter((word) => !alone.has(key(word)));
  const yesLength = alone.has(phrase) ? phrase.length : opening(leadingYes);
  const noLength = opening(language.answers.no);
  if (yes && yesLength > noLength) return yes.id;
  if (no && noLength > yesLength) return no.id;
  // "email access, yes, no problem there": a clause that is a bare yes or no says it.
  const clauses = text.split(/[,;.!]+/).map(key);
  const saysYes = clauses.some((clause) => leadingYes.some((word) => key(word) === clause));
  const saysNo = clauses.some((clause) => language.answers.no.some((word) => key(word) === clause));
  if (yes && saysYes && !saysNo) return yes.id;
  if (no && saysNo && !saysYes) return no.id;
  // "Email access is fine": a short reply ending in all-is-well, with no no before it.
  const ending = (language.answers.yesAtEnd ?? []).map(key).find((word) => phrase.endsWith(` ${word}`));
  const before = ending ? phrase.slice(0, -ending.length).split(' ') : [];
  const negated = before.some((word) => language.answers.no.some((no) => key(no) === word) || word === 'not');
  if (yes && ending && words.length <= SHORT_REPLY && !negated) return yes.id;

  // A reply that contains a whole label ("I think the phone one"), or a label with a typo. Read
  // strictly (as a change to an earlier answer), one word of a longer message is too thin:
  // "my number is a skype-in number btw, maybe that's why" changes no answer to "maybe".
  const thin = (synonym: string) => strict && words.length > SHORT_REPLY && !key(synonym).includes(' ');
  // "Not prepaid, it's a regular plan" names the prepaid answer only to rule it out.
  const ruledOut = turnedRound(words, language.answers);
  // (Nothing ruled out, as in most replies: a string search finds a phrase anywhere.)
  const says = (candidate: string) =>
    ruledOut.size === 0
      ? ` ${phrase} `.includes(` ${key(candidate)} `)
      : standsUnturned(rawWords(candidate), words, ruledOut);
  // A short label ("No") says too little inside a longer reply, but its phrases do ("first time").
  const contained = options.filter((option) => {
    const label = key(option.label);
    const short = label.length < 4;
    return (
      (!short && says(label)) ||
      option.synonyms.some((synonym) => !thin(synonym) && (!short || key(synonym).includes(' ')) && says(synonym))
    );
  });
  if (contained.length === 1) return contained[0].id;
  // "Just one wrong try so far": a phrase of an answer ("one try") with a word put in.
  if (!strict && contained.length === 0 && words.length <= LOOSE_WORDS) {
    // "I'm not in" is no "I'm in": a no word put in turns the phrase round.
    const turning = new Set([...language.answers.no.flatMap(rawWords), 'not', 'never', 'no']);
    const loosely = options.filter((option) =>
      option.synonyms.some((synonym) => withAWordBetween(rawWords(synonym), words, turning)),
    );
    if (loosely.length === 1) return loosely[0].id;
  }
  // "My loan details": the loan, not the answer "details" is a word of.
  if (contained.length > 1) {
    const vague = new Set((language.answers.vagueWords ?? []).map(key));
    const clearly = (option: ChoiceOption) =>
      [option.label, ...option.synonyms]
        .map(key)
        .filter((candidate) => !vague.has(candidate) && !thin(candidate) && says(candidate));
    const named = namedBeyondVagueWords(contained, words, vague, clearly);
    if (named) return named.id;
  }

  if (strict) return undefined;
  // A reply that shares words with one option and no other ("it was mailed" for "By mail").
  // Yes and no words say nothing about which option ("no clue", "no email"), nor do words for a
  // part of the registration ("the selfie part won't work" is not "the money part").
  const answerWords = new Set(
    [...language.answers.yes, ...language.answers.no, ...(language.answers.pointersOnly ?? [])].flatMap((word) =>
      language.terms(word),
    ),
  );
  const kept = words.filter((_, at) => !ruledOut.has(at)).join(' ');
  const replyTerms = new Set(language.terms(kept).filter((term) => !answerWords.has(term)));
  // An answer's phrase that says "not" ("not my name") shares no meaning with a reply by its other
  // words ("it's in my name").
  const turning = turningWords(language.answers);
  const plainPhrases = (option: ChoiceOption) =>
    [option.label, ...option.synonyms].filter((candidate) => !rawWords(candidate).some((word) => turning.has(word)));
  // …nor with the answer it rules out ("not prepaid, it's in my name" is not "Prepaid, or not in my name").
  const sharing = options.filter(
    (option) =>
      !rulesOut(option, words, ruledOut) &&
      plainPhrases(option).some((candidate) => language.terms(candidate).some((term) => replyTerms.has(term))),
  );
  if (sharing.length === 1 && sharesMoreThanGenericWords(plainPhrases(sharing[0]), words, replyTerms, language))
    return sharing[0].id;

  // Only short replies can be a mistyped label; a longer one, or a question, is a question.
  if (words.length > 4 || phrase.length > MAX_LABEL_LENGTH) return undefined;
  const fuse = new Fuse(
    options.flatMap((option) => [option.label, ...option.synonyms].map((text) => ({ id: option.id, text: key(text) }))),
    { keys: ['text'], includeScore: true, threshold: 0.35, ignoreLocation: true },
  );
  if (phrase.length < 3) return undefined;
  // Fuse finds a short reply inside a longer synonym ("bye" in "box number"): a hit counts only
  // when every typed word is a typo of a word of that synonym.
  const found = fuse
    .search(phrase, { limit: 10 })
    .find((result) => words.every((word) => result.item.text.split(' ').some((known) => isTypoOf(word, known))));
  return found?.item.id;
}

/**
 * The option's phrases share a word with the reply beyond words for a part of the registration and
 * words that only say something failed ("refused", "rejected"). Read only for the one option
 * sharing a word, so a reply costs this once.
 */
function sharesMoreThanGenericWords(
  phrases: readonly string[],
  words: readonly string[],
  replyTerms: ReadonlySet<string>,
  language: Pick<Language, 'terms' | 'namesOnlyTheSubject' | 'describesProblem'>,
): boolean {
  const generic = words.filter((word) => language.namesOnlyTheSubject(word) || language.describesProblem(word));
  const genericTerms = new Set(language.terms(generic.join(' ')));
  return phrases.some((candidate) =>
    language.terms(candidate).some((term) => replyTerms.has(term) && !genericTerms.has(term)),
  );
}

/**
 * The one answer named by more than a vague word, when every vague word in the reply only says
 * what kind of thing the word before it is ("my loan details"; "my details and my phone" names
 * two). `clearly`: the answer's phrases the reply says, vague words left out.
 */
function namedBeyondVagueWords(
  contained: readonly ChoiceOption[],
  words: readonly string[],
  vague: ReadonlySet<string>,
  clearly: (option: ChoiceOption) => string[],
): ChoiceOption | undefined {
  const heads = new Set(contained.flatMap(clearly).map((candidate) => candidate.split(' ').pop()));
  const qualified = (at: number) => at > 0 && heads.has(words[at - 1]);
  if (!words.every((word, at) => !vague.has(word) || qualified(at))) return undefined;
  const named = contained.filter((option) => clearly(option).length > 0);
  return named.length === 1 ? named[0] : undefined;
}

/**
 * Whether a phrase of two or three words stands in `words` with one word put in somewhere
 * between its own ("one wrong try" for "one try"); the phrase as it is was looked for already.
 */
function withAWordBetween(phrase: readonly string[], words: readonly string[], turning: ReadonlySet<string>): boolean {
  if (phrase.length < 2 || phrase.length > 3) return false;
  const standsWithGap = (start: number, gap: number) =>
    !turning.has(words[start + gap] ?? '') &&
    phrase.every((word, at) => words[start + (at < gap ? at : at + 1)] === word);
  for (let start = 0; start + phrase.length < words.length; start++)
    for (let gap = 1; gap < phrase.length; gap++) if (standsWithGap(start, gap)) return true;
  return false;
}

/**
 * Short words only by a swap, a doubled letter or a last letter left off ("yse", "noo", "els");
 * longer ones within one edit (two from 8 letters).
 */
function isTypoOf(typed: string, known: string): boolean {
  if (typed === known) return true;
  if (typed.length <= 3)
    return (
      [...typed].sort().join('') === [...known].sort().join('') ||
      typed.replace(/(.)\1+/g, '$1') === known ||
      (typed.length === 3 && known.length === 4 && known.startsWith(typed))
    );
  return editDistance(typed, known, 2) <= (typed.length >= 8 ? 2 : 1);
}

/**
 * A request asked as a question ("can you ping me if it doesn't show by the due date"): the
 * answer one of whose phrases of two words or more follows the request's opening.
 */
function askedAsRequest(
  words: readonly string[],
  options: readonly ChoiceOption[],
  language: Pick<Language, 'answers'>,
): string | undefined {
  const opening = (language.answers.askedAsRequest ?? [])
    .map(rawWords)
    .find((phrase) => phrase.length > 0 && phrase.every((word, at) => words[at] === word));
  if (!opening) return undefined;
  const rest = ` ${words.slice(opening.length).join(' ')} `;
  // The longest phrase named wins: "please don't keep it" is "don't keep it", not "keep it".
  const named = (candidate: string) => {
    const phrase = rawWords(candidate);
    return phrase.length >= 2 && rest.includes(` ${phrase.join(' ')} `) ? phrase.length : 0;
  };
  const best = options
    .map((option) => ({ id: option.id, length: Math.max(0, ...option.synonyms.map(named)) }))
    .sort((a, b) => b.length - a.length)[0];
  return best && best.length > 0 ? best.id : undefined;
}
