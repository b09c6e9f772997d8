import type { Intent } from '../content/intents-schema';
import type { Routing } from '../content/routing-schema';
import { createCommandDetector } from './commands';
import type { Synonyms } from '../content/schemas';
import type { Language } from './language';
import { createNormalizer, rawWords, stem } from './normalizer';
import { createYesNoReader } from './yes-no-question';
import { createContactRequestDetector } from './contact-request';
import { createTerseReportReader } from './terse-report';
import { createPersonRequestDetector } from './person-request';
import { createPhraseDetector } from './phrase-detector';
import { createQuestionKindReader } from './question-kinds';
import { createNumberToCallReader } from './number-to-call';
import { createQuestionReader } from './question-reader';
import { createRepeatedFailureReader } from './repeated-failure';
import { createSignalReader, createSmallTalkReader } from './small-talk';
import { CLAUSE_BREAK } from './clause-break';

/** The language reader over the content's word lists (routing.yaml, intents.yaml, synonyms.yaml). */
export function createLanguage(routing: Routing, intents: readonly Intent[] = [], synonyms?: Synonyms): Language {
  const normalizer = synonyms ? createNormalizer(synonyms) : undefined;
  const problemCue = createPhraseDetector(routing.problemCues);
  const goesOnFailing = createRepeatedFailureReader(routing.repeatedFailure);
  const problemTold = createPhraseDetector(routing.problemToldCues);
  const zoneCue = createPhraseDetector(routing.zoneCues);
  const withoutProblemCues = createPhraseRemover(routing.problemCues);
  const namesOutsideTerm = createPhraseDetector(routing.outsideTerms);
  const namesOutsideTask = createPhraseDetector(routing.outsideTasks);
  const otherSystem = createPhraseDetector(routing.otherSystems?.names ?? []);
  const ourSystem = createPhraseDetector(routing.otherSystems?.ours ?? []);
  const namesOwnSubject = createPhraseDetector([...routing.problemSubject, ...routing.registrationNamed]);
  const { positions } = routing;
  const terms = (text: string): string[] => (normalizer ? normalizer.words(text).map(stem) : []);
  // Each on its own: joined, neighbours would read as one synonym ("identity verification").
  const subjectTerms = new Set(routing.subjectWords.flatMap(terms));
  const detailKinds = routing.detailKinds.map((kind) => ({
    asks: kind.asks.map((phrase) => ({ says: createPhraseDetector([phrase]), terms: terms(phrase) })),
    gives: kind.gives.flatMap(terms),
  }));
  const joinedQuestion = joinedQuestionPattern(routing);
  const triedAlready = createPhraseDetector(routing.triedAlreadyCues);
  // "Already did that, it worked": tried, and good news; so is one said with thanks or a plan.
  const saysSolved = createPhraseDetector(routing.answers.solved);
  const isPlea = wholeMessageOf(routing.pleas);
  const helpWith = createPhraseDetector(routing.helpWithCues);
  const withoutHelpWith = createPhraseRemover(routing.helpWithCues);
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
  // Told, not asked: "should they keep hammering at it?" asks whether to go on.
  const describesProblem = (text: string) =>
    problemCue(text) || ((goesOnFailing(text) || problemTold(text)) && !isQuestion(text));
  const asksForPerson = createPhraseDetector(routing.handoffCues);
  const personWord = createPhraseDetector(routing.personCues);
  const requestsPerson = createPersonRequestDetector(routing.personRequest);
  const whoToCall = cueDetector([...routing.whoToCallCues, ...routing.whoHandlesCues]);
  const withoutCallCues = createPhraseRemover([
    ...verbs(routing.whoToCallCues),
    ...routing.whoHandlesCues,
    ...routing.byPhoneWords,
  ]);
  const numberToCall = createNumberToCallReader(routing.numberAsked?.asking ?? [], routing.numberAsked?.calling ?? []);
  const requestsContact = createContactRequestDetector(routing.contactRequest, isQuestion);
  const wantsCallback = createPhraseDetector(routing.callbackCues);
  const asksAboutCalling = createPhraseDetector(routing.timeQuestionCues);
  const codeSubject = createPhraseDetector(routing.mailedCodeCues.subject);
  const codeAsking = createPhraseDetector(routing.mailedCodeCues.asking);
  const otherCode = createPhraseDetector(routing.mailedCodeCues.otherCodes);
  const otherLetter = createPhraseDetector(routing.mailedCodeCues.otherLetters);
  const byMail = createPhraseDetector(routing.mailedCodeCues.byMail);
  const pointers = new Set(routing.topicPointers.flatMap(rawWords));
  const followUpWords = new Set(routing.followUpCues.filter((cue) => !cue.includes(' ')).flatMap(rawWords));
  const followUpPhrase = createPhraseDetector(routing.followUpCues.filter((cue) => cue.includes(' ')));
  const intentOf = createSmallTalkReader(intents, routing.smallTalkFillers);
  const openingFillers = new Set(routing.openingFillers.flatMap(rawWords));
  const saysNothing = (text: string) => {
    const words = rawWords(text);
    return words.length > 0 && words.every((word) => openingFillers.has(word));
  };
  const whatNextCue = createPhraseDetector(routing.whatNextCues);
  const withoutWhatNextCues = createPhraseRemover(routing.whatNextCues);
  const whatToDoCue = createPhraseDetector(routing.whatToDoCues);
  const withoutWhatToDoCues = createPhraseRemover(routing.whatToDoCues);
  const selfOnly = new Set((routing.appliesQuestion?.selfOnly ?? []).flatMap(rawWords));
  const whatNowCue = createPhraseDetector(routing.mailedCodeCues.whatNow);
  const withoutWhatNowCues = createPhraseRemover(routing.mailedCodeCues.whatNow);
  /** The message asks that and nothing else: what is left without the cue is fillers, if anything. */
  const asksOnly = (text: string, cue: (text: string) => boolean, remove: (text: string) => string) => {
    if (!cue(text)) return false;
    const rest = remove(text);
    return rawWords(rest).length === 0 || saysNothing(rest);
  };
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
    namesTheRegistration: createPhraseDetector(routing.problemSubject),
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
    // "Who can I talk to at the IRS about this, a real person": the clause that names the person
    // decides ("…this, a real person" is no "is this a real person?").
    wantsPerson: (text) =>
      asksForPerson(text) ||
      requestsPerson(text) ||
      text.split(CLAUSE_BREAK).some((clause) => personWord(clause) && !asksWhatTheBotIs(clause)),
    asksForContact: requestsContact,
    asksWhoToCall: (text) => whoToCall(text) || numberToCall.asks(text),
    asksWhoHandles: createPhraseDetector(routing.whoHandlesCues),
    requests: createPhraseDetector(routing.requestCues),
    correctsEarlier: createPhraseDetector(routing.correctionCues),
    withoutCorrection: createPhraseRemover(routing.correctionCues),
    asksForSomethingElse: createPhraseDetector(routing.elseCues),
    addsToTheQuestion: createPhraseDetector(routing.sameAgainCues),
    // Only the kind's words the message says: "how long" is no licence for "until" elsewhere.
    detailTermsGiven: (text, told) =>
      new Set(
        detailKinds
          .filter((kind) => kind.gives.some((term) => told.has(term)))
          .flatMap((kind) => kind.asks.filter((ask) => ask.says(text)).flatMap((ask) => ask.terms)),
      ),
    goesBack: createPhraseDetector(routing.backCues),
    asksWhyAlone: wholeMessageOf(routing.whyAlone),
    asksYesOrNo: createYesNoReader(routing.yesNoQuestions),
    namesOtherSystem: (text) => otherSystem(text) && !ourSystem(text),
    asksToGoBack: wholeMessageOf(routing.flowBack),
    asksToResume: wholeMessageOf(routing.flowResume),
    pointsAtTheDesk: createPhraseDetector(routing.deskPointers),
    pointedAt: (text) => {
      const words = rawWords(text);
      return words.flatMap((word, at) => (pointers.has(word) && at + 1 < words.length ? terms(words[at + 1]) : []));
    },
    triedTheAnswer: createPhraseDetector(routing.triedCues),
    saysItStillFails: createPhraseDetector(routing.stillCues),
    statesAPlan,
    withoutWhoToCall: (text) => withoutCallCues(numberToCall.without(text)),
    saysWhatAbout: createPhraseDetector(routing.aboutWords),
    wantsCallback,
    saysTriedAlready: (text) =>
      triedAlready(text) && !saysSolved(text) && !intentOf(text)?.intent.helped && !statesAPlan(text),
    intendsToCall: createPhraseDetector(verbs(routing.callingIntentCues)),
    asksAboutCalling,
    asksWhenToCall: cueDetector(routing.whenToCallCues),
    namesDeskHours: createPhraseDetector(routing.deskHoursWords),
    asksWhenCodeArrives: (text) => codeSubject(text) && codeAsking(text),
    namesTheCode: codeSubject,
    namesMail: byMail,
    namesAnotherCode: (text) => (otherCode(text) && !byMail(text)) || otherLetter(text),
    asksWhenItArrives: codeAsking,
    saysOnceItArrives: createPhraseDetector(routing.mailedCodeCues.once),
    asksForDueDay: createPhraseDetector(routing.mailedCodeCues.dueDay),
    saysCodeArrived: createPhraseDetector(routing.mailedCodeCues.arrived),
    asksForAdvice: createPhraseDetector(routing.adviceCues),
    saysCodeRequested: createPhraseDetector(routing.mailedCodeCues.requested),
    asksIfCodeLate: createPhraseDetector(routing.mailedCodeCues.late),
    supposesCodeLate: createPhraseDetector(routing.mailedCodeCues.supposing),
    asksWhetherCodeLate: createPhraseDetector(routing.mailedCodeCues.whetherLate),
    // "Ok so what now" asks only that; "got it today, what now" tells news first.
    asksWhatNext: (text) => asksOnly(text, whatNextCue, withoutWhatNextCues),
    asksWhatToDo: (text) => asksOnly(text, whatToDoCue, withoutWhatToDoCues),
    asksWhatNow: (text) => asksOnly(text, whatNowCue, withoutWhatNowCues),
    asksOnlyForSelf: (text) => {
      const words = rawWords(text);
      return words.length > 0 && words.every((word) => selfOnly.has(word));
    },
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
    saysNothing,
    asksWhatItMeans: createPhraseDetector(routing.clarifyingCues),
    asksAboutToday: createPhraseDetector([...routing.todayCues, ...routing.todayNames]),
    namesOutsideMatter: (text) => namesOutsideTerm(text) || (namesOutsideTask(text) && !namesOwnSubject(text)),
    namesAnotherOffice: createPhraseDetector(routing.otherOffices),
    asksForAnotherNumber: createPhraseDetector(routing.numberAsked?.another ?? []),
    withoutTodayCues: createPhraseRemover(routing.todayCues),
    secondQuestionAt: (text, at) => {
      joinedQuestion.lastIndex = at;
      return joinedQuestion.test(text) ? joinedQuestion.lastIndex : undefined;
    },
    namesTheDesk: createPhraseDetector(routing.deskNames),
    toldToCall: cueDetector(routing.toldToCall),
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
    reportsTersely: createTerseReportReader(routing, isQuestion, describesProblem, (word) =>
      normalizer ? normalizer.allWords(word) : [word],
    ),
    asksToTroubleshoot: createPhraseDetector(routing.troubleshootCues),
    asksHelpWithTheSubject: (text) => {
      if (!helpWith(text)) return false;
      const rest = withoutHelpWith(text);
      return rawWords(rest).length === 0 || namesOnlyTheSubject(rest);
    },
    namesOnlyTheSubject,
    isPlea,
    waitIsOfElse: createPhraseDetector(routing.mailedCodeCues.waitOfElse),
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

/** Where a cue says "call" in each of its ways ("who do I {call}"). */
const CALL_VERB = '{call}';

/** A joining word, spaces, and (looked at, not taken) a question's first word; sticky: tried at one place. */
function joinedQuestionPattern(routing: Routing): RegExp {
  const escape = (phrase: string) => phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
  const longestFirst = (phrases: readonly string[]) => [...phrases].sort((a, b) => b.length - a.length).map(escape);
  const joiners = longestFirst(routing.secondQuestion.joiners).join('|');
  const starters = longestFirst([...routing.questionStarters, ...routing.secondQuestion.starters]).join('|');
  return new RegExp(`(?:${joiners})\\s+(?=(?:${starters})\\b)`, 'iy');
}

/** The text's words without the phrases, longest first ("who do I call about X" → "about X"). */
function createPhraseRemover(phrases: readonly string[]): (text: string) => string {
  // "number do * call": "*" stands for one word, whichever it is, as in the detectors.
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

/** Whether a whole message, word for word, is one of `phrases` ("why not?", "go back"). */
function wholeMessageOf(phrases: readonly string[]): (text: string) => boolean {
  const whole = new Set(phrases.map((phrase) => rawWords(phrase).join(' ')));
  return (text) => whole.has(rawWords(text).join(' '));
}
