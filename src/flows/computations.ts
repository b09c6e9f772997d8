import { addBusinessDays } from '../helpdesk/business-days';
import { parseCalendarDate } from '../helpdesk/calendar-date';

/** The values a flow has collected: answers, choices and computed results. */
export type FlowValues = Readonly<Record<string, string>>;

/** What a computation produces: new values, and things the bot must remember for the user. */
export interface ComputationResult {
  readonly values: FlowValues;
  /** What to remember for the user; a null date forgets an earlier one. */
  readonly remember?: { readonly mailedCodeRequestedOn?: string | null };
}

export interface ComputationContext {
  /** Today in the user's zone, YYYY-MM-DD. */
  readonly today: string;
}

export type Computation = (values: FlowValues, context: ComputationContext) => ComputationResult;

/** Business days the IRS notice gives for a mailed activation code to arrive. */
const MAILED_CODE_BUSINESS_DAYS = 10;

/** "Friday, Nov 20" for a YYYY-MM-DD date. */
export function formatDate(isoDate: string): string {
  return parseCalendarDate(isoDate).toFormat('cccc, LLL d', { locale: 'en-US' });
}

/** When a mailed activation code requested on a date should have arrived. */
export function mailedCodeDue(requestedOn: string, today: string) {
  const dueDate = addBusinessDays(requestedOn, MAILED_CODE_BUSINESS_DAYS);
  return {
    requestedOn,
    requestedOnText: formatDate(requestedOn),
    dueDate,
    dueDateText: formatDate(dueDate),
    overdue: today > dueDate,
  };
}

/**
 * The computations flows can name in `compute` nodes. Adding a flow needs no code; only a new
 * kind of calculation does.
 */
export const computations: Readonly<Record<string, Computation>> = Object.freeze({
  'mailed-code-due': (values, context): ComputationResult => {
    const requestedOn = values.requestedOn;
    if (!requestedOn) return { values: {} };
    const due = mailedCodeDue(requestedOn, context.today);
    return {
      // The date told is kept for a later visit ("me again, when was it due?"), replacing an
      // older one; the user can say no to the reminder, and forget-mail-request forgets it.
      remember: { mailedCodeRequestedOn: requestedOn },
      values: {
        requestedOnText: due.requestedOnText,
        dueDate: due.dueDate,
        dueDateText: due.dueDateText,
        overdue: due.overdue ? 'yes' : 'no',
      },
    };
  },
  'remember-mail-request': (values): ComputationResult =>
    values.requestedOn
      ? { values: { remembered: 'yes' }, remember: { mailedCodeRequestedOn: values.requestedOn } }
      : { values: {} },
  'forget-mail-request': (): ComputationResult => ({ values: {}, remember: { mailedCodeRequestedOn: null } }),
});
