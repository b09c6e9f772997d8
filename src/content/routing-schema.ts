import { z } from 'zod';
import { contentId } from './schemas';

const phrases = z.array(z.string().min(1)).min(1);

/** Routing content: problem cues and the short commands that work at every point. */
export const routingSchema = z
  .object({
    version: z.number().int().positive(),
    /** Word sequences ("can not", "keeps failing", "locked out") that mark a problem report. */
    problemCues: z.array(z.string().min(2)).min(1),
    /** Failure in general words, a problem only when told, not asked ("goes blank", "start over"). */
    problemToldCues: z.array(z.string().min(2)).default([]),
    /** A failure told as going on ("keeps asking me to start over"): a lead word, then an -ing form. */
    repeatedFailure: z
      .object({ leads: phrases, except: z.array(z.string().min(1)).default([]) })
      .strict()
      .optional(),
    /** Whole messages that are commands rather than questions (compared without punctuation). */
    commands: z
      .object({
        help: phrases,
        helpdesk: phrases,
        restart: phrases,
        /** Forget the whole conversation (Teams one-to-one chats never get a new one). */
        reset: phrases,
        cancel: phrases,
      })
      .strict(),
    /** Asking for a person anywhere in a message: the help-desk card at once. */
    handoffCues: phrases,
    /** Words for a person that ask for one, unless the message asks what the bot is. */
    personCues: phrases,
    /**
     * Asking for a person in words no list can hold ("gimme a live human", "can u hand me off to
     * staff"): an asking word, then a word for a person a few words later.
     */
    personRequest: z
      .object({
        asking: phrases,
        persons: phrases,
        notPersons: z.array(z.string().min(1)).default([]),
        helping: z.array(z.string().min(1)).default([]),
        registered: z.array(z.string().min(1)).default([]),
      })
      .strict()
      .optional(),
    /**
     * The registration's own names ("secure access", "re-registration"): a problem told with one
     * of them, in a clause that reads as the subject, is troubleshot rather than declined.
     */
    problemSubject: z.array(z.string().min(1)).default([]),
    /** Asking for the desk's contact details in few words, whatever the order ("tel for e-help?"). */
    contactRequest: z
      .object({
        contact: phrases,
        desk: phrases,
        notAfter: z.array(z.string().min(1)).default([]),
        theDesks: z.array(z.string().min(1)).default([]),
        alone: z.array(z.string().min(1)).default([]),
        toldBy: z.array(z.string().min(1)).default([]),
        otherThanTheDesks: z.array(z.string().min(1)).default([]),
      })
      .strict()
      .optional(),
    /**
     * "Do I seriously have to do this whole re-reg thing?": whether the requirement applies to the
     * asker. A cue, and beyond it only the subject and words for who is asking (kinds of users,
     * the size of the practice, how often it uses e-Services).
     */
    appliesQuestion: z
      .object({
        cues: phrases,
        askers: phrases,
        notWith: z.array(z.string().min(1)).default([]),
        /** Answers that already say whether it applies to the asker: asked after them, they answer it. */
        answeredBy: z.array(z.string().min(1)).default([]),
        /** The words of such a follow-up asked of oneself and nothing new ("so do I still need to redo it?"). */
        selfOnly: z.array(z.string().min(1)).default([]),
      })
      .strict()
      .optional(),
    /**
     * Articles and flows only about calling the desk ("what must I have ready to call?"): read so
     * only when the message is about calling, not for "what should I have ready to register?".
     */
    callingTopics: z.array(z.string().min(1)).default([]),
    /**
     * Articles about waiting on the line: after an answer that sends you to the mailed code, a
     * message that says nothing about calling reads them at the calling topics' lower weight.
     */
    lineTopics: z.array(z.string().min(1)).default([]),
    /** Articles about the desk itself: a question kind reading another is not about calling. */
    deskTopics: z.array(z.string().min(1)).default([]),
    /**
     * Articles that tell how things are and suggest nothing to try: a failure told after one ("it
     * still fails") is the registration's, not a suggestion's that did not help.
     */
    nothingToTry: z.array(z.string().min(1)).default([]),
    /** Articles about what the help-desk card says (its hours, phone menu, what to have ready). */
    cardTopics: z.array(z.string().min(1)).default([]),
    /**
     * Kinds of question read by what they combine, each answered by one article: a phrase from
     * every group of `all` and none of `notWith` ("my cell is on my son's plan" is a phone and
     * someone else's account, whatever words come around them).
     */
    questionKinds: z
      .array(
        z
          .object({
            article: z.string().min(1),
            all: z.array(phrases).min(1),
            notWith: z.array(z.string().min(1)).default([]),
          })
          .strict(),
      )
      .default([]),
    /** "Should have", "could have": a clause so begun says what was meant to happen, it asks nothing. */
    pastModals: z.array(z.string().min(1)).default([]),
    /** "Was expecting a text": a form of "be" followed at once by a verb form states, it asks nothing. */
    statingAuxiliaries: z.array(z.string().min(1)).default([]),
    /** "When it tries to text me": a when or where with its subject straight after tells, it asks nothing. */
    tellingOpeners: z
      .object({
        words: z.array(z.string().min(1)),
        subjects: z.array(z.string().min(1)),
        askedAfter: z.array(z.string().min(1)),
      })
      .strict()
      .default({ words: [], subjects: [], askedAfter: [] }),
    /** Holidays named in general ("on federal holidays"): the answer gives the days we assume. */
    holidayWords: z.array(z.string().min(1)).default([]),
    /** Names of the desk and its line ("e-help", "the hotline"): a request about them asks even without "?". */
    deskNames: z.array(z.string().min(1)).default([]),
    /** What a screen or error tells the user to do ("a message to call their help desk"): told, not asked. */
    toldToCall: z.array(z.string().min(1)).default([]),
    /** Words that say what a call would be about ("about my lockout", "if that login acts up"). */
    aboutWords: z.array(z.string().min(1)).default([]),
    /**
     * A number asked for ("what number", "which line"), then a word that can only mean calling
     * ("…should a tax pro call"): whom to call. `another`: "is there another number", away from an
     * office named, to the one the bot gives.
     */
    numberAsked: z
      .object({ asking: phrases, calling: phrases, another: z.array(z.string().min(1)).default([]) })
      .strict()
      .optional(),
    /** Ways of saying "call", put in for "{call}" in the cue lists ("who do I {call}"). */
    callVerbs: z.array(z.string().min(1)).default([]),
    /** "Who do I call about this?": the help desk, unless a clear answer covers the rest. */
    whoToCallCues: phrases,
    /** Words that point back at what was just said ("don't have it"). */
    pointerWords: z.array(z.string().min(1)).default([]),
    /** Asking by telling ("give me the call window"): a request that needs no question mark. */
    requestCues: z.array(z.string().min(1)).default([]),
    /** Asking who handles something ("who handles password resets now?"): who to call about what follows. */
    whoHandlesCues: z.array(z.string().min(1)).default([]),
    /** How a call is made ("by phone"): no part of what it is about. */
    byPhoneWords: z.array(z.string().min(1)).default([]),
    /**
     * Words that name only the bot's whole subject ("secure access problems", "if it isn't
     * working"): "who do I call about" them is the help desk, or whoever helps with the topic.
     */
    subjectWords: z.array(z.string().min(1)).default([]),
    /** A plea as a clause of its own ("…, help", "pls help"): help with the rest, not the help desk. */
    pleas: z.array(z.string().min(1)).default([]),
    /** Words that carry nothing in small talk ("bye for now", "thanks again"). */
    smallTalkFillers: z.array(z.string().min(1)).default([]),
    /** Words that, said alone before a question ("fine, …", "alright then. …"), add nothing to it. */
    openingFillers: z.array(z.string().min(1)).default([]),
    /** Asking only what comes next ("what happens after that", "then what"): an answer's next step. */
    whatNextCues: z.array(z.string().min(1)).default([]),
    /** Asking only what to do ("so what do I do?", "qué hago?"): the last answer, which says it. */
    whatToDoCues: z.array(z.string().min(1)).default([]),
    /** Asking what the bot's question means ("what do you mean by that?", "does it matter?"). */
    clarifyingCues: z.array(z.string().min(1)).default([]),
    /** Nouns that, with a word or two naming a step ("phone problem", "address mismatch"), report a problem there. */
    terseProblemWords: z.array(z.string().min(1)).default([]),
    /** The steps a problem told tersely may name ("phone", "address"), and words that may stand beside them ("my"). */
    terseSteps: z.array(z.string().min(1)).default([]),
    terseStepFillers: z.array(z.string().min(1)).default([]),
    /** Words that name a step as a step ("phone verification", "the phone step"): said alone, where it stops. */
    terseStepMarkers: z.array(z.string().min(1)).default([]),
    /** Step words too vague to name one step alone ("the code step"). */
    terseVagueSteps: z.array(z.string().min(1)).default([]),
    /** Asking to be called back. */
    callbackCues: phrases,
    /** Saying what was suggested was done already ("checked spam already"). */
    triedAlreadyCues: z.array(z.string().min(1)).default([]),
    /** Words that make a time in a message a question about calling then. */
    timeQuestionCues: phrases,
    /** Asking when the desk can be reached, with no time in mind. */
    whenToCallCues: phrases,
    /** A word that, in a few words after the desk's card, asks about its hours ("and cutoff?"). */
    deskHoursWords: z.array(z.string().min(1)).default([]),
    /** Help asked for with only the subject named ("I need help with my registration"). */
    helpWithCues: z.array(z.string().min(1)).default([]),
    /** Asking to find out together why it fails ("troubleshoot with me?"): the troubleshooting flow. */
    troubleshootCues: z.array(z.string().min(1)).default([]),
    /** Asking for advice without a question ("kindly advise how to proceed"). */
    adviceCues: z.array(z.string().min(1)).default([]),
    /** A question about when a mailed code arrives: a subject word and an asking word. */
    mailedCodeCues: z
      .object({
        subject: phrases,
        asking: phrases,
        late: phrases,
        requested: z.array(z.string().min(1)).default([]),
        supposing: z.array(z.string().min(1)).default([]),
        /** "Is it late yet?": whether it is late, not what to do if it is. */
        whetherLate: z.array(z.string().min(1)).default([]),
        /** News that the code came ("came yesterday", "it's here"): no request date. */
        arrived: z.array(z.string().min(1)).default([]),
        /** "So what now", asked by someone still without the code: what to do while it is late. */
        whatNow: z.array(z.string().min(1)).default([]),
        /** What happens once it has come ("where do I enter it once it arrives"): no question of when. */
        once: z.array(z.string().min(1)).default([]),
        /** Asking for the day it is due ("so roughly what day is that"), not where or how it comes. */
        dueDay: z.array(z.string().min(1)).default([]),
        /** Another code named ("the confirmation code email never came"), with no word for the mailed one. */
        otherCodes: z.array(z.string().min(1)).default([]),
        /** Another letter named ("letter 5903"), though a letter is a word of the mailed code. */
        otherLetters: z.array(z.string().min(1)).default([]),
        /** Answers about the mailed code beside its own: after them a date said alone is the request date. */
        topics: z.array(z.string().min(1)).default([]),
        /** Beside a wait's length, words that measure something else ("since I moved", "the text code"). */
        waitOfElse: z.array(z.string().min(1)).default([]),
        /** Words that say the code meant is the mailed one after all ("the activation letter"). */
        byMail: z.array(z.string().min(1)).default([]),
      })
      .strict(),
    /** Words that mark a message as a follow-up to what was just said. */
    followUpCues: phrases,
    /** Words that mark a flow answer as correcting the one before ("wait, it's actually…"). */
    correctionCues: phrases,
    /** Words that ask for something beyond what was just answered ("what else can I use?"). */
    elseCues: phrases,
    /**
     * Kinds of detail a follow-up may ask for ("how long till it's processed?"): the words that
     * ask for it, and the words by which an answer gives it (a duration: "days", "weeks").
     */
    detailKinds: z.array(z.object({ asks: phrases, gives: phrases }).strict()).default([]),
    /** Words that add someone or something to the last question ("the partners as well?"). */
    sameAgainCues: z.array(z.string().min(1)).default([]),
    /** Words that go back to what was said before the last answer ("back to that letter"). */
    backCues: z.array(z.string().min(1)).default([]),
    /** Whole messages that ask why the last answer is so ("why not?", "how come"). */
    whyAlone: z.array(z.string().min(1)).default([]),
    /**
     * Answers that take a code asked for by mail as given ("wait for the letter"), and the flows
     * during which it is: such an answer is no reading of a message that names no mail after none.
     */
    mailAssumed: z
      .object({ answers: z.array(contentId).min(1), flows: z.array(contentId).default([]) })
      .strict()
      .optional(),
    /** Another system's sign-in, named: declined unless the message names ours too. */
    otherSystems: z
      .object({ names: z.array(z.string().min(1)).min(1), ours: z.array(z.string().min(1)).min(1) })
      .strict()
      .optional(),
    /** What tells a question answered yes or no ("is it optional?") from one asking what or how. */
    yesNoQuestions: z
      .object({
        starters: z.array(z.string().min(1)).min(1),
        leads: z.array(z.string().min(1)).default([]),
        askers: z.array(z.string().min(1)).default([]),
        terse: z.array(z.string().min(1)).default([]),
      })
      .strict()
      .optional(),
    /** Whole messages that ask, in a flow, for its question before ("go back", "previous question"). */
    flowBack: z.array(z.string().min(1)).default([]),
    /** Whole messages that ask, in a flow, for its question again ("ok back to it", "where were we"). */
    flowResume: z.array(z.string().min(1)).default([]),
    /** Words that, after the desk's card, mean the desk ("can they mail me the code?"). */
    deskPointers: z.array(z.string().min(1)).default([]),
    /** Words pointing at a thing just spoken of ("that letter", "this code"). */
    topicPointers: z.array(z.string().min(1)).default([]),
    /** Words that say the last answer was followed ("did that", "tried it"). */
    triedCues: z.array(z.string().min(1)).default([]),
    /** "…still says no match", "same result": the failure goes on after what was suggested. */
    stillCues: z.array(z.string().min(1)).default([]),
    /** Words that state what the user will do next ("I'll call them tomorrow", "sharing with the team"). */
    planCues: z.array(z.string().min(1)).default([]),
    /** Words that may come before a command and leave it a command ("please start over"). */
    politeWords: z.array(z.string().min(1)).default([]),
    /** How people answer Yes/No questions, and "did that solve it?", in their own words. */
    answers: z
      .object({
        yes: phrases,
        no: phrases,
        solved: phrases,
        stillStuck: phrases,
        unsure: phrases.default([]),
        screen: z.array(z.string().min(1)).default([]),
        /** Yes words that say yes only on their own ("ok"), not leading other words ("ok figured it out"). */
        yesAlone: z.array(z.string().min(1)).default([]),
        /** Words that turn an answer said with them round ("not by mail"): no answer beside a question. */
        negations: z.array(z.string().min(1)).default([]),
        /** Words that turn the answer named after them round ("not prepaid", "it isn't a joint one"). */
        turnRound: z.array(z.string().min(1)).default([]),
        /** Words between such a word and what it turns round ("not on a prepaid plan"). */
        turnRoundReach: z.array(z.string().min(1)).default([]),
        /** Words that end a short reply saying all is well ("email access is fine"): a yes. */
        yesAtEnd: z.array(z.string().min(1)).default([]),
        /** "It's the password, not the code": a clause opening so says what did not fail. */
        denialOpenings: z.array(z.string().min(1)).default([]),
        /** Words after "not" that name a step ("not the code"), not how it went ("not working"). */
        deniedNaming: z.array(z.string().min(1)).default([]),
        /** "Can you ping me if…": asked as a request, what follows may name an answer outright. */
        askedAsRequest: z.array(z.string().min(1)).default([]),
        /** Words that name a part of the registration ("the card part"): such a reply answers where, not which. */
        stepNames: z.array(z.string().min(1)).default([]),
        /** Words that say what kind of thing, not which ("my loan details" is the loan). */
        vagueWords: z.array(z.string().min(1)).default([]),
        /** Words that point at someone, not at an answer ("their records" is not "their account"). */
        pointersOnly: z.array(z.string().min(1)).default([]),
      })
      .strict(),
    /** Words for picking a button by its place ("the second one", "option 3", "last"). */
    positions: z
      .object({
        words: z.record(z.string().min(1), z.number().int().positive()),
        last: phrases,
        before: z.array(z.string().min(1)),
        after: z.array(z.string().min(1)),
      })
      .strict(),
    /** Openings that guess rather than ask ("could be my birthday", "might be the address"). */
    hedgeOpenings: z.array(z.string().min(1)).default([]),
    /** First words that make a message a question of its own. */
    questionStarters: phrases,
    /** Words that ask wherever they stand ("once I ask for it how long before it lands"). */
    askingAnywhere: z.array(z.string().min(1)).default([]),
    /**
     * Two questions in one message ("…hours and do I need…"): a joining word, then a question
     * starter or one of the words a second question often starts with.
     */
    secondQuestion: z
      .object({
        joiners: phrases,
        /** Words joining two parts told, not asked ("account suspended + forgot password"). */
        toldJoiners: z.array(z.string().min(1)).default([]),
        starters: phrases,
        /** "2 things: …, and …": a message that says it holds two questions, in its first words. */
        announced: z.array(z.string().min(1)).default([]),
      })
      .strict(),
    /** Words people put before a question ("btw", "quick question"): skipped to find its first word. */
    questionLeadIns: z.array(z.string().min(1)).default([]),
    /** Saying one is about to call the desk: the before-calling checklist. */
    callingIntentCues: z.array(z.string().min(1)).default([]),
    /** Names only today's process has ("ID.me"): they ask about today, and stay in the question. */
    todayNames: z.array(z.string().min(1)).default([]),
    /** Other offices, whose number is not the desk's ("the Taxpayer Advocate Service"). */
    otherOffices: z.array(z.string().min(1)).default([]),
    /**
     * Tax and IRS matters outside e-Services registration and sign-in ("CAF number", "backup
     * withholding", "section 179"): a question naming one is declined unless an article answers it
     * for certain. Read only for that decision, never ranked.
     */
    outsideTerms: z.array(z.string().min(1)).default([]),
    /**
     * Other products' and other people's matters ("outlook password", "text my client"): outside
     * like `outsideTerms`, but only in a message that names nothing of the registration
     * (`problemSubject` or `registrationNamed`), since one can be the setting of an in-scope question.
     */
    outsideTasks: z.array(z.string().min(1)).default([]),
    /**
     * Words that name a part of the registration, or what it goes through, beside `problemSubject`
     * ("activation", "code", "letter", "my address", "irs site"): a message with one is about it.
     */
    registrationNamed: z.array(z.string().min(1)).default([]),
    /** Words that ask about today rather than the 2016-2018 process ("these days", "now", "anymore"). */
    todayCues: phrases,
    /** Phrases ("*" is one word, whichever it is) that mark a message as the user saying where they are. */
    zoneCues: phrases,
  })
  .strict();

export type Routing = z.infer<typeof routingSchema>;
export type CommandName = keyof Routing['commands'];
