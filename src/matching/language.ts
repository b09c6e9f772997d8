import type { Intent } from '../content/intents-schema';
import type { CommandName } from '../content/routing-schema';
import type { IntentReading } from './small-talk';
import type { ContactSetting } from './contact-request';

/** How the bot reads people's words: what a message says beyond which article it matches. */

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
  /** Words that turn an answer said with them round ("not by mail"). */
  readonly negations?: readonly string[];
  /** Words that turn the answer named after them round ("not prepaid"). */
  readonly turnRound?: readonly string[];
  /** Words between such a word and what it turns round ("not on a prepaid plan"). */
  readonly turnRoundReach?: readonly string[];
  /** Words that end a short reply saying all is well ("email access is fine"): a yes. */
  readonly yesAtEnd?: readonly string[];
  /** Openings of a clause saying what did not fail ("not the code", "it's not the address"). */
  readonly denialOpenings?: readonly string[];
  /** Words after "not" that name a step ("not the code"), not how it went ("not working"). */
  readonly deniedNaming?: readonly string[];
  /** Openings of a request asked as a question ("can you…"): what follows may name an answer. */
  readonly askedAsRequest?: readonly string[];
  /** Words that point at someone, not at an answer ("their records" is not "their account"). */
  readonly pointersOnly?: readonly string[];
  /** Words that name a part of the registration ("the card section"): the reply says where, not which. */
  readonly stepNames?: readonly string[];
  /** Words that say what kind of thing, not which ("my loan details" is the loan, not "details"). */
  readonly vagueWords?: readonly string[];
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
  /** A word for the desk's hours ("cutoff", "opening"): after its card, a short message asks about them. */
  namesDeskHours(text: string): boolean;
  /**
   * The message asks for the desk's contact details in few words ("tel for e-help?"): the card.
   * On the desk's topic no word for the desk is needed ("and what's their number"), nor in a
   * conversation with no topic yet ("phone number?").
   */
  asksForContact(text: string, where?: ContactSetting): boolean;
  /** The message asks who to call ("who can I call about this?"): the help desk, unless a clear answer covers it. */
  asksWhoToCall(text: string): boolean;
  /** The message says the user is about to call the desk ("gonna ring them in a bit"). */
  intendsToCall(text: string): boolean;
  /** The message asks to be called back. */
  wantsCallback(text: string): boolean;
  /**
   * "Checked spam already", "did that already": what was suggested was done, with no good news
   * ("it worked"), thanks or plan of one's own beside it.
   */
  saysTriedAlready(text: string): boolean;
  /** The message is about calling or the desk being open (so a time in it is a question about calling then). */
  asksAboutCalling(text: string): boolean;
  /** The message asks when the desk can be reached ("when can I call?", "are they open?"). */
  asksWhenToCall(text: string): boolean;
  /** The message tells what a screen said to do ("a generic message to call their help desk"). */
  toldToCall(text: string): boolean;
  /** The message asks when (or whether) a mailed code will arrive ("news on my code yet?"). */
  asksWhenCodeArrives(text: string): boolean;
  /** The message names the code or its letter ("…passes with no letter"). */
  namesTheCode(text: string): boolean;
  /** The message speaks of the code or a letter by mail ("letter", "mailed", "usps"). */
  namesMail(text: string): boolean;
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
  /** A problem reported in a few words, asking nothing ("phone problem", "address mismatch", "cant get code"). */
  reportsTersely(text: string): boolean;
  /** Help asked for with nothing but the subject named ("I need help with my e-services registration"). */
  asksHelpWithTheSubject(text: string): boolean;
  /** Asks to find out together why it fails ("troubleshoot with me?", "walk us through figuring out why"). */
  asksToTroubleshoot(text: string): boolean;
  /** The message names holidays in general ("on federal holidays"). */
  namesHolidays(text: string): boolean;
  /** The message names the desk or its line ("e-help", "the hotline"). */
  namesTheDesk(text: string): boolean;
  /** "2 things: …": the message says, in its first words, that it holds two questions. */
  announcesTwo(text: string): boolean;
  /** The article for a kind of question the message combines (routing's questionKinds), when there is one. */
  questionKindArticle(text: string): string | undefined;
  /** Whether the requirement applies to the asker, who names nothing else ("still gotta reregister??"). */
  asksIfItApplies(text: string): boolean;
  /** Beside a wait's length, a word that says it measures something else ("since I moved", "the text code"). */
  waitIsOfElse(text: string): boolean;
  /** A clause that is only a plea for help ("pls help"): it names no topic, the help desk least of all. */
  isPlea(text: string): boolean;
  /** The words name nothing narrower than the bot's subject ("for secure access problems"). */
  namesOnlyTheSubject(text: string): boolean;
  /** What a problem report says beyond the problem and the subject ("the selfie step keeps failing": "selfie"). */
  narrowerPart(text: string): string;
  /** The message corrects an earlier answer ("wait, it's actually the email step"). */
  correctsEarlier(text: string): boolean;
  /** The message without its words of correction ("wait, actually its my phone" is "its my phone"). */
  withoutCorrection(text: string): string;
  /** The message says when a code was asked for ("put in the request 11/24"). */
  saysCodeRequested(text: string): boolean;
  /** The message asks when something will arrive ("what date should it arrive by?"), naming no code. */
  asksWhenItArrives(text: string): boolean;
  /** The message speaks of the time once a code has come ("where do I enter it once it arrives"). */
  saysOnceItArrives(text: string): boolean;
  asksForDueDay(text: string): boolean;
  /** The message tells that the code came ("came yesterday", "it's here"). */
  saysCodeArrived(text: string): boolean;
  /** Asks for advice without a question ("kindly advise how to proceed"). */
  asksForAdvice(text: string): boolean;
  /** The message asks what to do if a code is late ("and if it doesn't come by then?"). */
  asksIfCodeLate(text: string): boolean;
  /** The message supposes the code late rather than saying so ("suppose that date passes, then what"). */
  supposesCodeLate(text: string): boolean;
  /** The message asks whether the code is late yet ("so is it late?"), not what to do if it is. */
  asksWhetherCodeLate(text: string): boolean;
  /** The message asks what the bot's question means ("what do you mean by that?", "does it matter?"). */
  asksWhatItMeans(text: string): boolean;
  /** Asked of oneself and nothing new ("so do I still need to redo it?"): for whether it applies. */
  asksOnlyForSelf(text: string): boolean;
  /** The message asks only what comes next ("what happens after that", "then what"). */
  asksWhatNext(text: string): boolean;
  /** The message asks only what to do ("so what do I do?", "qué hago?"). */
  asksWhatToDo(text: string): boolean;
  /** The message asks only what to do now ("so what now", "what do I do now"). */
  asksWhatNow(text: string): boolean;
  /** The message states what the user will do next ("I'll call them tomorrow", "sharing with the team"). */
  statesAPlan(text: string): boolean;
  /** The message reads as a follow-up to what was just said ("so when is that where I live?"). */
  isFollowUp(text: string): boolean;
  /** What the message says around a question, if anything: the whole message, or a cue inside it. */
  intentOf(text: string): IntentReading | undefined;
  /** The intent one of whose single words the message has ("much obliged"): for short messages without an answer. */
  smallTalkSignal(text: string): Intent | undefined;
  /** The clause is filler only ("fine", "alright then", "ok cool"): nothing of a question. */
  saysNothing(text: string): boolean;
  /** How many words the message has, as people count them. */
  wordCount(text: string): number;
  /**
   * Where a second question starts, if a joining word at `at` is followed by a question's first
   * word ("… and do I need…"); tried only where a run of spaces ends, so it stays linear.
   */
  secondQuestionAt(text: string, at: number): number | undefined;
  /** The message asks for something beyond what was just answered ("what else can I use?"). */
  asksForSomethingElse(text: string): boolean;
  /**
   * The message's terms that ask for a kind of detail ("how long", "till") which an answer of
   * `told` terms gives (a duration): they count as that answer's own.
   */
  detailTermsGiven(text: string, told: ReadonlySet<string>): ReadonlySet<string>;
  /** The message adds someone or something to the last question ("the partners as well?", "same for EINs?"). */
  addsToTheQuestion(text: string): boolean;
  /** The message goes back to what was said before the last answer ("back to that letter - …"). */
  goesBack(text: string): boolean;
  /** The whole message asks why the last answer is so ("why not?", "how come"). */
  asksWhyAlone(text: string): boolean;
  /** The message is about another system's sign-in ("my QuickBooks login"), and names none of ours. */
  namesOtherSystem(text: string): boolean;
  /** The message asks something answered yes or no ("is ID.me mandatory now?"), not what or how. */
  asksYesOrNo(text: string): boolean;
  /** The whole message asks for a flow's question before this one ("go back"). */
  asksToGoBack(text: string): boolean;
  /** The whole message asks for a flow's question again ("ok back to it"). */
  asksToResume(text: string): boolean;
  /** The message points at the desk just shown, as people do ("can they mail me the code?"). */
  pointsAtTheDesk(text: string): boolean;
  /** The nouns the message points at ("that letter": letter), as terms. */
  pointedAt(text: string): string[];
  /** The message says the last answer was followed ("did that and it says the code is invalid"). */
  triedTheAnswer(text: string): boolean;
  /** The message says a failure goes on ("still says no match", "same result"). */
  saysItStillFails(text: string): boolean;
  /** The message asks about today, not the 2016-2018 process ("…these days?", "…now?", "…in 2025?"). */
  asksAboutToday(text: string): boolean;
  /** Another office is named, whose number is not the desk's ("the Taxpayer Advocate Service"). */
  namesAnotherOffice(text: string): boolean;
  /** "Is there another number", "a different line to call": some other number than one named. */
  asksForAnotherNumber(text: string): boolean;
  /**
   * A tax or IRS matter outside the subject is named ("CAF number", "backup withholding"), or
   * another product's or person's matter in a message naming nothing of the registration
   * ("how do I change my outlook password").
   */
  namesOutsideMatter(text: string): boolean;
  /** The registration is named by one of its own names ("secure access", "re-registration"). */
  namesTheRegistration(text: string): boolean;
  /** The message without its today words ("these days" would otherwise match "10 business days"). */
  withoutTodayCues(text: string): string;
  /** The message's content words as the matcher sees them (canonical, stemmed, no stopwords). */
  terms(text: string): string[];
  readonly answers: AnswerWords;
}
