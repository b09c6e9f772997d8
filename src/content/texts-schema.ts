import { z } from 'zod';
import { contentId } from './schemas';

/**
 * Every sentence the bot says that is not an article, a flow or a help-desk fact. Keys are
 * required, so a text that code relies on can never be missing at run time.
 */
const text = z.string().min(1);

export const textsSchema = z
  .object({
    version: z.number().int().positive(),
    welcome: text,
    /** 4-6 article ids offered as buttons in the welcome. */
    welcomeTopArticles: z.array(contentId).min(4).max(6),
    /** "Source: {list}." where {list} is one answerSourceItem per source, joined by "; ". */
    answerSources: text,
    /** "[{title}]({url}), {publisher}, {date}" */
    answerSourceItem: text,
    /** Said once in each reply that describes the 2016-2018 process: sign-in has since moved to ID.me. */
    thenAndNow: text,
    /** The help-desk card's own then-and-now caveat. */
    helpdeskNote: text,
    /** " ({time} your time)", left out when the user's clock reads as Eastern. */
    yourTime: text,
    /** "Can I call at …?" answers: {whenEt} {whenDayEt} {whenLocal} and {closesEt} {closesLocal}. */
    callAtOpen: text,
    /** {whenEt} {whenDayEt} {whenLocal} {opensDayEt} {opensEt} {opensLocal} */
    callAtClosed: text,
    /** {day} {opensEt} {opensLocal} {closesEt} {closesLocal} */
    callOnDayOpen: text,
    /** {day} {opensDayEt} {opensEt} {opensLocal} */
    callOnDayClosed: text,
    /** {day} {holiday} {opensDayEt} {opensEt} {opensLocal}: a day asked about that is a federal holiday. */
    callOnHoliday: text,
    relatedPrompt: text,
    didYouMean: text,
    noneOfThese: text,
    noneOfTheseReply: text,
    fallback: text,
    otherHalfOutside: text,
    fallbackTopicsPrompt: text,
    /** 3-5 article ids offered after a miss. */
    fallbackTopArticles: z.array(contentId).min(3).max(5),
    fallbackRepeated: text,
    /** "{title}": a short reply about the topic just answered that can't be read. */
    unclearFollowUp: text,
    helpdeskButton: text,
    helpdeskTitle: text,
    /** "Call {number}" */
    helpdeskCallLabel: text,
    /** "{opens} to {closes} Eastern, {days}" */
    helpdeskHours: text,
    /** {opens} {closes}: the desk's hours in the user's zone, after helpdeskHours, when the clocks differ. */
    helpdeskHoursLocal: text,
    helpdeskStepsTitle: text,
    helpdeskHaveReadyTitle: text,
    help: text,
    flowSolvedQuestion: text,
    flowSolvedYes: text,
    flowSolvedNo: text,
    flowResolved: text,
    flowNotUnderstood: text,
    /** A typed reply that only rules answers out ("it's not prepaid"): before the question again. */
    flowRuledOut: text,
    /** "{title}: {steps}" for the handoff event when a flow ends unsolved. */
    flowHandoffSummary: text,
    flowCancelled: text,
    cancelledNothing: text,
    flowChanged: text,
    flowResumeLead: text,
    /** After two replies in a row that answer nothing: a way out instead of the same question. */
    flowStillNotUnderstood: text,
    /** The button that leaves a flow. */
    flowStopButton: text,
    /** {date}: a date given before the flow asked for it, kept for when it does. */
    flowDateKept: text,
    /** {title}: a new problem mid-flow starts its own flow. */
    flowSwitched: text,
    /** "That didn't help" mid-flow: before the help-desk card. */
    flowNotHelpful: text,
    /** A did-you-mean button that starts a flow: "{title} (step by step)". */
    flowOffer: text,
    /** {requestedOnText}, {dueDateText} */
    mailReminderPending: text,
    mailReminderOverdue: text,
    /** {zone} */
    zoneRemembered: text,
    /** The article a question about a remembered mailed code is about (for follow-ups). */
    mailedCodeTopic: contentId,
    /** The article that says who has to register ("does this apply to little old me?"). */
    whoMustRegisterTopic: contentId,
    /** The article on ID.me's own help: asking for a person at ID.me gets it, not the desk's card. */
    idMeHelpTopic: contentId,
    /** The article about calling the desk from outside the U.S., given with the card to a user abroad. */
    abroadTopic: contentId,
    /** {requestedOnText} {dueDateText}: the remembered mailed code, asked about. */
    mailedCodeOnTheWay: text,
    mailedCodeLate: text,
    /** {requestedOnText} {dueDateText}: "and if it doesn't come by then?" before the due date. */
    mailedCodeIfLate: text,
    /** "And if it doesn't come?" about a mailed code when no request date is known: before the card. */
    mailedCodeIfLateUndated: text,
    /** Before the help-desk card, to someone who asks to be called back. */
    callbackNote: text,
    /** The main troubleshooting flow's id, offered to someone frustrated or stuck. */
    troubleshootFlow: contentId,
    /** The checklist flow for someone about to call the desk ("gonna call the help desk in a bit"). */
    beforeCallingFlow: contentId,
    nonText: text,
    /** Said when a message carries an SSN, ITIN, EIN, PTIN or card number. */
    privacyWarning: text,
    tooLong: text,
    error: text,
    /** Two turns of one conversation collided and retries did not settle it. */
    busy: text,
    /** Teams users from a tenant that is not allowed. */
    tenantRefused: text,
    /** After "reset": everything about this conversation was forgotten. */
    resetDone: text,
    /** State storage is unreachable: the bot can't continue a conversation's thread. */
    storageDown: text,
    /** Teams: the button that opens the rest of a list of choices longer than a card holds (six). */
    moreChoices: text,
    /** The chat page's own greeting, in its HTML before a script runs (the e-Help Desk follows). */
    pageGreeting: text,
    /** The page's status line while Web Chat loads. */
    pageLoading: text,
    /** The status line when Web Chat or the conversation could not be started. */
    pageChatFailed: text,
    /** Shown with JavaScript off or blocked. */
    pageNoScript: text,
    /** The status line when the site has no chat configured. */
    pageChatUnavailable: text,
    /** The status line when a conversation ended while the page was open and a new one started. */
    pageChatRestarted: text,
    /** Under a knowledge answer in Web Chat: "Was this helpful?" and its two buttons. */
    feedbackPrompt: text,
    feedbackHelpful: text,
    feedbackNotHelpful: text,
    /** After "Helpful" (or a like in Teams, which says nothing). */
    feedbackThanks: text,
    /** The same answer rated again (a double click, an old card). */
    feedbackAlreadyNoted: text,
    /** Feedback on an answer this conversation no longer keeps (older than the last few, or from another one). */
    feedbackNotMatched: text,
    /** Said when "Not helpful" is clicked while a troubleshooting flow waits for an answer. */
    feedbackNotedMidFlow: text,
    /**
     * A feedback or rating button the bot never sent (a rating out of range, a crafted value), or
     * a rating that was never asked: nothing is kept.
     */
    feedbackUnusable: text,
    /** After a help-desk card or a finished flow, once a conversation: the one-tap satisfaction rating. */
    ratingPrompt: text,
    /** The five buttons' labels, 1 to 5. */
    ratingLabels: z.array(text).length(5),
    ratingThanks: text,
    /** A second rating in the same conversation. */
    ratingAlreadyNoted: text,
  })
  .strict();

export type Texts = z.infer<typeof textsSchema>;
