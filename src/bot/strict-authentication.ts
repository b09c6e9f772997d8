import type { Activity } from 'botbuilder';
import { ConfigurationBotFrameworkAuthentication, StatusCodes } from 'botbuilder';
import { AuthenticationError, type AuthenticateRequestResult } from 'botframework-connector';

/**
 * Bot Framework authentication where a token that cannot be verified is always a 401. The SDK
 * answers some failures (a signing key it cannot fetch or find, say) with a plain Error, which
 * the adapter turns into a 500; a request we cannot authenticate is the caller's problem.
 */
export class StrictBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    try {
      return await super.authenticateRequest(activity, authHeader);
    } catch (error) {
      throw asAuthenticationError(error);
    }
  }

  override async authenticateStreamingRequest(
    authHeader: string,
    channelIdHeader: string,
  ): Promise<AuthenticateRequestResult> {
    try {
      return await super.authenticateStreamingRequest(authHeader, channelIdHeader);
    } catch (error) {
      throw asAuthenticationError(error);
    }
  }
}

function asAuthenticationError(error: unknown): AuthenticationError {
  if (error instanceof AuthenticationError) return error;
  return new AuthenticationError(
    `Unauthorized: ${error instanceof Error ? error.message : 'token could not be verified'}`,
    StatusCodes.UNAUTHORIZED,
  );
}
