import type { Intent } from '../content/intents-schema';
import type { CommandName, Routing } from '../content/routing-schema';
import { createCommandDetector } from './commands';
import type { Synonyms } from '../content/schemas';
import { createNormalizer, rawWords, stem } from './normalizer';
import { createContactRequestDetector } from './contact-request';
import { createPersonRequestDetector } from './person-request';
import { createPhraseDetector } from './phrase-detector';
import { createQuestionKindReader } from './question-kinds';
import { createQuestionReader } from './question-reader';
import { createSignalReader, createSmallTalkReader, type IntentReading } from './small-talk';

/** How people answer a question with Yes/No or "did that solve it?" buttons. */
export interface AnswerWords {
  readonly yes: readonly string[];
  readonly no: readonly string[];
  readonly solved: readonly string[];
  readonly stillStuck: readonly string[];
  /** "I don't know", for a question with a "Not sure" button. */
  readonly unsure: readonly string[];
  /** Lead-ins that name the screen where it stops ("when it asks about…"): what follows answers. */
  readonly screen?: readonly string[];
  /** Yes words that say yes only on their own ("ok"), not leading other words. */
  readonly yesAlone?: readonly string[];
  /** Words that end a short reply saying all is well ("email access is fine"): a yes. */
  readonly yesAtEnd?: readonly string[];
  /** Openings of a request asked as a question ("can you…"): what follows may name an answer. */
  readonly askedAsRequest?: readonly string[];
  /** Words that point at someone, not at an answer ("their records" is not "their account"). */
  readonly pointersOnly?: readonly string[];
  /** Words that name a part of the registration ("the card section"): the reply says where, not which. */
  readonly stepNames?: readonly string[];
}

/**
 * What the bot knows about how people write, all of it from knowledge/routing.yaml: the words
 * live in content, the code only applies them.
 */
export interface Language {
  /** The message reads as a question of its own ("what's the phone number?"). */
  isQuestion(text: string): boolean;
  /** The message reports a problem ("I can't…", "it keeps failing"). */
  describesProblem(text: string): boolean;
  /** The whole message is a command ("help", "start over", "talk to a person"). */
  detectCommand(text: string): CommandName | undefined;
  /** The message tells where the user is ("I'm in Phoenix"), rather than naming a place. */
  isZoneStatement(text: string): boolean;
  /** The button a message picks by its place: 1-based, 'last', or undefined ("the second one" is 2). */
  choicePosition(text: string): number | 'last' | undefined;
  /** The message asks for a person ("can I speak with someone real?"), anywhere in it. */
  wantsPerson(text: string): boolean;
  /**
   * The message asks for the desk's contact details in few words ("tel for e-help?"): the card.
   * On the desk's topic no word for the desk is needed ("and what's their number").
   */
  /** A word for the desk's hours ("cutoff", "opening"): after its card, a short message asks about them. */
  namesDeskHours(text: string): boolean;
  asksForContact(text: string, onDesk?: boolean): boolean;
  /** The message asks who to call ("who can I call about this?"): the help desk, unless a clear answer covers it. */
  asksWhoToCall(text: string): boolean;
  /** The message says the user is about to call the desk ("gonna ring them in a bit"). */
  intendsToCall(text: string): boolean;
  /** The message asks to be called back. */
  wantsCallback(text: string): boolean;
  /** The message is about calling or the desk being open (so a time in it is a question about calling then). */
  asksAboutCalling(text: string): boolean;
  /** The message asks when the desk can be reached ("when can I call?", "are they open?"). */
  asksWhenToCall(text: string): boolean;
  /** The message asks when (or whether) a mailed code will arrive ("any news on my code?"). */
  asksWhenCodeArrives(text: string): boolean;
  /** The message names the code or its letter ("…passes with no letter"). */
  namesTheCode(text: string): boolean;
  /** Another code than the mailed one is meant ("the confirmation code email never came"). */
  namesAnotherCode(text: string): boolean;
  /** Asks by telling ("give me the call window", "translate those hours to Arizona"). */
  requests(text: string): boolean;
  /** Asks who handles something ("who handles password resets now?"). */
  asksWhoHandles(text: string): boolean;
  /** The words say what a call would be about ("about my lockout", "if that login acts up"). */
  saysWhatAbout(text: string): boolean;
  /** The message without its "who do I call" words: "who do I call about my lockout" is "about my lockout". */
  withoutWhoToCall(text: string): string;
  /** A problem reported about nothing narrower than the subject ("my registration won't go through"). */
  reportsOnlyAProblem(text: string): boolean;
  /** Asks to find out together why it fails ("troubleshoot with me?", "walk us through figuring out why"). */
  asksToTroubleshoot(text: string): boolean;
  /** The message names holidays in general ("on federal holidays"). */
  namesHolidays(text: string): boolean;
  /** The message names the desk or its line ("e-help", "the hotline"). */
  namesTheDesk(text: string): boolean;
  /** "2 things: …": the message says, in its first words, that it holds two questions. */
  announcesTwo(text: string): boolean;
  /** The article for a kind of question the message combines (routing's questionKinds), if any. */
  questionKindArticle(text: string): string | undefined;
  /** Whether the requirement applies to the asker, who names nothing else ("still gotta reregister??"). */
  asksIfItApplies(text: string): boolean;
  /** The words name nothing narrower than the bot's subject ("for secure access problems"). */
  namesOnlyTheSubject(text: string): boolean;
  /** What a problem report says beyond the problem and the subject ("the selfie step keeps failing": "selfie"). */
  narrowerPart(text: string): string;
  /** The message corrects an earlier answer ("wait, it's actually the email step"). */
  correctsEarlier(text: string): boolean;
  /** The message says when a code was asked for ("put in the request 11/24"). */
  saysCodeRequested(text: string): boolean;
  /** The message asks when something will arrive ("what date should it arrive by?"), naming no code. */
  asksWhenItArrives(text: string): boolean;
  /** The message speaks of the time once a code has come ("where do I enter it once it arrives"). */
  saysOnceItArrives(text: string): boolean;
  asksForDueDay(text: string): boolean;
  /** Asks for advice without a question ("kindly advise how to proceed"). */
  asksForAdvice(text: string): boolean;
  /** The message asks what to do if a code is late ("and if it doesn't come by then?"). */
  asksIfCodeLate(text: string): boolean;
  /** The message supposes the code late rather than saying so ("suppose that date passes, then what"). */
  supposesCodeLate(text: string): boolean;
  /** The message states what the user will do next ("I'll call them tomorrow", "sharing with the team"). */
  statesAPlan(text: string): boolean;
  /** The message reads as a follow-up to what was just said ("so when is that where I live?"). */
  isFollowUp(text: string): boolean;
  /** What the message says around a question, if anything: the whole message, or a cue inside it. */
  intentOf(text: string): IntentReading | undefined;
  /** The intent one of whose single words the message has ("much obliged"): for short messages without an answer. */
  smallTalkSignal(text: string): Intent | undefined;
  /** How many words the message has, as people count them. */
  wordCount(text: string): number;
  /**
   * Where a second question starts, if a joining word at `at` is followed by a question's first
   * word ("… and do I need…"); tried only where a run of spaces ends, so it stays linear.
   */
  secondQuestionAt(text: string, at: number): number | undefined;
  /** The message asks for something beyond what was just answered ("what else can I use?"). */
  asksForSomethingElse(text: string): boolean;
  /** The message adds someone or something to the last question ("the partners as well?", "same for EINs?"). */
  addsToTheQuestion(text: string): boolean;
  /** The message goes back to what was said before the last answer ("back to that letter - …"). */
  goesBack(text: string): boolean;
  /** The nouns the message points at ("that letter": letter), as terms. */
  pointedAt(text: string): string[];
  /** The message says the last answer was followed ("did that and it says the code is invalid"). */
  triedTheAnswer(text: string): boolean;
  /** The message says a failure goes on ("still says no match", "same result"). */
  saysItStillFails(text: string): boolean;
  /** The message asks about today, not the 2016-2018 process ("…these days?", "…now?", "…in 2025?"). */
  asksAboutToday(text: string): boolean;
  /** A tax or IRS matter outside the subject is named ("CAF number", "backup withholding"). */
  namesOutsideMatter(text: string): boolean;
  /** The message without its today words ("these days" would otherwise match "10 business days"). */
  withoutTodayCues(text: string): string;
  /** The message's content words as the matcher sees them (canonical, stemmed, no stopwords). */
  terms(text: string): string[];
  readonly answers: AnswerWords;
}

export function createLanguage(routing: Routing, intents: readonly Intent[] = [], synonyms?: Synonyms): Language {
  const normalizer = synonyms ? createNormalizer(synonyms) : undefined;
  const describesProblem = createPhraseDetector(routing.problemCues);
  const zoneCue = createPhraseDetector(routing.zoneCues);
  const withoutProblemCues = createPhraseRemover(routing.problemCues);
  const { positions } = routing;
  const terms = (text: string): string[] => (normalizer ? normalizer.words(text).map(stem) : []);
  // Each on its own: joined, neighbours would read as one synonym ("identity verification").
  const subjectTerms = new Set(routing.subjectWords.flatMap(terms));
  const joinedQuestion = joinedQuestionPattern(routing);
  // A small count ("3 times") names nothing either.
  const namesOnlyTheSubject = (text: string) =>
    terms(text).every((term) => subjectTerms.has(term) || /^\d{1,2}$/.test(term));
  // "Who do I {call}": each way of saying "call" in the cue lists that name it.
  const verbs = (cues: readonly string[]) =>
    cues.flatMap((cue) =>
      cue.includes(CALL_VERB) ? routing.callVerbs.map((verb) => cue.split(CALL_VERB).join(verb)) : [cue],
    );
  // A cue is also found in the message's canonical words ("helpdesk contact" is "help desk contact").
  const cueDetector = (cues: readonly string[]) => {
    const raw = createPhraseDetector(verbs(cues));
    if (!normalizer) return raw;
    // Only cues that stay specific: "hotline" is just "help desk" once canonical.
    const canonical = createPhraseDetector(
      verbs(cues)
        .map((cue) => normalizer.allWords(cue))
        .filter((words) => words.length >= CANONICAL_CUE_WORDS)
        .map((words) => words.join(' ')),
    );
    return (text: string) => raw(text) || canonical(normalizer.allWords(text).join(' '));
  };
  const appliesCue = createPhraseDetector(routing.appliesQuestion?.cues ?? []);
  const withoutAppliesCues = createPhraseRemover(routing.appliesQuestion?.cues ?? []);
  const askerTerms = new Set((routing.appliesQuestion?.askers ?? []).flatMap(terms));
  const otherQuestion = createPhraseDetector(routing.appliesQuestion?.notWith ?? []);
  const announced = createPhraseDetector(routing.secondQuestion.announced);
  const statesAPlan = createPhraseDetector(routing.planCues);
  const isQuestion = createQuestionReader(routing, statesAPlan);
  const asksForPerson = createPhraseDetector(routing.handoffCues);
  const personWord = createPhraseDetector(routing.personCues);
  const requestsPerson = createPersonRequestDetector(routing.personRequest);
  const requestsContact = createContactRequestDetector(routing.contactRequest);
  const wantsCallback = createPhraseDetector(routing.callbackCues);
  const asksAboutCalling = createPhraseDetector(routing.timeQuestionCues);
  const codeSubject = createPhraseDetector(routing.mailedCodeCues.subject);
  const codeAsking = createPhraseDetector(routing.mailedCodeCues.asking);
  const otherCode = createPhraseDetector(routing.mailedCodeCues.otherCodes);
  const byMail = createPhraseDetector(routing.mailedCodeCues.byMail);
  const pointers = new Set(routing.topicPointers.flatMap(rawWords));
  const followUpWords = new Set(routing.followUpCues.filter((cue) => !cue.includes(' ')).flatMap(rawWords));
  const followUpPhrase = createPhraseDetector(routing.followUpCues.filter((cue) => cue.includes(' ')));
  const intentOf = createSmallTalkReader(intents, routing.smallTalkFillers);
  // "Am I chatting with a real person?" asks what the bot is; "I need a real person" asks for one.
  const asksWhatTheBotIs = (text: string) => intentOf(text)?.intent.aboutPerson === true;
  const before = new Set(positions.before.flatMap(rawWords));
  const after = new Set(positions.after.flatMap(rawWords));
  const last = new Set(positions.last.flatMap(rawWords));
  const positionOf = (word: string): number | 'last' | undefined =>
    /^\d{1,2}$/.test(word) ? Number(word) : last.has(word) ? 'last' : positions.words[word];
  return {
    isQuestion,
    describesProblem,
    detectCommand: createCommandDetector(routing.commands, routing.politeWords),
    // One or two words ("Pacific", "Honolulu") answer "where are you?" on their own.
    isZoneStatement: (text) => {
      const count = rawWords(text).length;
      return (count > 0 && count <= 2) || zoneCue(text);
    },
    choicePosition: (text) => {
      const words = rawWords(text);
      if (words.length === 0 || words.length > 3) return undefined;
      // The whole message, or one word before ("the", "option") and/or one after ("one").
      const candidates = [words];
      if (words.length > 1 && before.has(words[0])) candidates.push(words.slice(1));
      for (const candidate of [...candidates]) {
        if (candidate.length > 1 && after.has(candidate[candidate.length - 1])) candidates.push(candidate.slice(0, -1));
      }
      const single = candidates.find((candidate) => candidate.length === 1 && positionOf(candidate[0]) !== undefined);
      return single ? positionOf(single[0]) : undefined;
    },
    // "I'd really like a flesh and blood person on this" asks for one, whatever words it shares with
    // "is a flesh and blood person typing?".
    wantsPerson: (text) => asksForPerson(text) || requestsPerson(text) || (personWord(text) && !asksWhatTheBotIs(text)),
    asksForContact: requestsContact,
    asksWhoToCall: cueDetector([...routing.whoToCallCues, ...routing.whoHandlesCues]),
    asksWhoHandles: createPhraseDetector(routing.whoHandlesCues),
    requests: createPhraseDetector(routing.requestCues),
    correctsEarlier: createPhraseDetector(routing.correctionCues),
    asksForSomethingElse: createPhraseDetector(routing.elseCues),
    addsToTheQuestion: createPhraseDetector(routing.sameAgainCues),
    goesBack: createPhraseDetector(routing.backCues),
    pointedAt: (text) => {
      const words = rawWords(text);
      return words.flatMap((word, at) => (pointers.has(word) && at + 1 < words.length ? terms(words[at + 1]) : []));
    },
    triedTheAnswer: createPhraseDetector(routing.triedCues),
    saysItStillFails: createPhraseDetector(routing.stillCues),
    statesAPlan,
    withoutWhoToCall: createPhraseRemover([
      ...verbs(routing.whoToCallCues),
      ...routing.whoHandlesCues,
      ...routing.byPhoneWords,
    ]),
    saysWhatAbout: createPhraseDetector(routing.aboutWords),
    wantsCallback,
    intendsToCall: createPhraseDetector(verbs(routing.callingIntentCues)),
    asksAboutCalling,
    asksWhenToCall: cueDetector(routing.whenToCallCues),
    namesDeskHours: createPhraseDetector(routing.deskHoursWords),
    asksWhenCodeArrives: (text) => codeSubject(text) && codeAsking(text),
    namesTheCode: codeSubject,
    namesAnotherCode: (text) => otherCode(text) && !byMail(text),
    asksWhenItArrives: codeAsking,
    saysOnceItArrives: createPhraseDetector(routing.mailedCodeCues.once),
    asksForDueDay: createPhraseDetector(routing.mailedCodeCues.dueDay),
    asksForAdvice: createPhraseDetector(routing.adviceCues),
    saysCodeRequested: createPhraseDetector(routing.mailedCodeCues.requested),
    asksIfCodeLate: createPhraseDetector(routing.mailedCodeCues.late),
    supposesCodeLate: createPhraseDetector(routing.mailedCodeCues.supposing),
    // A short message that starts with, or leans on, a word pointing back at what was said.
    isFollowUp: (text) => {
      const words = rawWords(text);
      return (
        words.length > 0 &&
        words.length <= 12 &&
        (followUpWords.has(words[0]) ||
          followUpPhrase(text) ||
          words.some((word) => followUpWords.has(word) && words.length <= 6))
      );
    },
    intentOf,
    smallTalkSignal: createSignalReader(intents),
    wordCount: (text) => rawWords(text).length,
    asksAboutToday: createPhraseDetector([...routing.todayCues, ...routing.todayNames]),
    namesOutsideMatter: createPhraseDetector(routing.outsideTerms),
    withoutTodayCues: createPhraseRemover(routing.todayCues),
    secondQuestionAt: (text, at) => {
      joinedQuestion.lastIndex = at;
      return joinedQuestion.test(text) ? joinedQuestion.lastIndex : undefined;
    },
    namesTheDesk: createPhraseDetector(routing.deskNames),
    namesHolidays: createPhraseDetector(routing.holidayWords),
    announcesTwo: (text) => announced(rawWords(text).slice(0, ANNOUNCED_WITHIN).join(' ')),
    questionKindArticle: createQuestionKindReader(routing.questionKinds),
    // "4x a yr", "10x": a count of uses says nothing narrower either.
    asksIfItApplies: (text) =>
      appliesCue(text) &&
      !otherQuestion(text) &&
      terms(withoutAppliesCues(text)).every(
        (term) => subjectTerms.has(term) || askerTerms.has(term) || /^\d+x?$/.test(term),
      ),
    reportsOnlyAProblem: (text) => describesProblem(text) && namesOnlyTheSubject(withoutProblemCues(text)),
    asksToTroubleshoot: createPhraseDetector(routing.troubleshootCues),
    namesOnlyTheSubject,
    narrowerPart: (text) =>
      normalizer
        ? normalizer
            .words(withoutProblemCues(text))
            .filter((word) => !subjectTerms.has(stem(word)) && !/^\d{1,2}$/.test(word))
            .join(' ')
        : withoutProblemCues(text),
    terms,
    answers: routing.answers,
  };
}

/** How many first words may say that two questions follow ("ok 2 quick things: …"). */
const ANNOUNCED_WITHIN = 5;

/** How many words a cue must keep, canonical, to be looked for in canonical words. */
const CANONICAL_CUE_WORDS = 3;

/** Where a cue says "call" in any of its ways ("who do I {call}"). */
const CALL_VERB = '{call}';

/** A joining word, spaces, and (looked at, not taken) a question's first word; sticky: tried at one place. */
function joinedQuestionPattern(routing: Routing): RegExp {
  const escape = (phrase: string) => phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
  const longestFirst = (phrases: readonly string[]) => [...phrases].sort((a, b) => b.length - a.length).map(escape);
  const joiners = longestFirst(routing.secondQuestion.joiners).join('|');
  const starters = longestFirst([...routing.questionStarters, ...routing.secondQuestion.starters]).join('|');
  return new RegExp(`(?:${joiners})\\s+(?=(?:${starters})\\b)`, 'iy');
}

/** The text's words without any of the phrases, longest first ("who do I call about X" → "about X"). */
function createPhraseRemover(phrases: readonly string[]): (text: string) => string {
  // "number do * call": "*" stands for any one word, as in the detectors.
  const cues = phrases
    .map((phrase) => phrase.split(/\s+/).flatMap((word) => (word === '*' ? ['*'] : rawWords(word))))
    .filter((words) => words.length > 0)
    .sort((a, b) => b.join(' ').length - a.join(' ').length)
    .map((words) =>
      words.includes('*')
        ? {
            first: ` ${words[0]} `,
            pattern: new RegExp(` ${words.map((word) => (word === '*' ? '\\S+' : word)).join(' ')} `, 'g'),
          }
        : ` ${words.join(' ')} `,
    );
  return (text) => {
    let rest = ` ${rawWords(text).join(' ')} `;
    for (const cue of cues) {
      if (typeof cue === 'string') rest = rest.split(cue).join(' ');
      // A pattern is tried only where its first word is.
      else if (rest.includes(cue.first)) rest = rest.replace(cue.pattern, ' ');
    }
    return rest.trim();
  };
}
