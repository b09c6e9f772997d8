import { CloudAdapter, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';

/**
 * The Bot Framework adapter with its turn entry point made public, so the HTTP route owns the
 * request and the response: it can answer a failed authentication with a fixed 401 (the SDK's
 * own `process()` writes the error's text into the body and its stack to the console).
 */
export class BotAdapter extends CloudAdapter {
  /** Authenticates the request and runs the turn; returns what to answer (expectReplies, invokes). */
  handle(
    authHeader: string,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }
}
