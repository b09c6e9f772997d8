import type * as AppInsights from 'applicationinsights';

/**
 * The Application Insights SDK (applicationinsights 2.9.8, the SDK botbuilder-applicationinsights
 * uses) loaded for custom events and nothing else. Left to itself, requiring it patches
 * `require` and `console` (its diagnostic channel) and every client it makes starts "statsbeat",
 * which calls Azure's public endpoints and the instance-metadata service. Both switches are read
 * once, into the SDK's JsonConfig and Logging singletons, when its main module first loads;
 * setting them on those singletons first does what the SDK's environment variables
 * (APPLICATION_INSIGHTS_NO_DIAGNOSTIC_CHANNEL, APPLICATION_INSIGHTS_NO_STATSBEAT,
 * APPLICATION_INSIGHTS_DISABLE_WARNING_LOGS) would, without touching the environment. Loaded
 * lazily, so a bot without a connection string never loads the SDK at all.
 */
export async function loadAppInsights(): Promise<{ readonly sdk: typeof AppInsights; readonly patched: boolean }> {
  const { JsonConfig } = await import('applicationinsights/out/Library/JsonConfig');
  const settings = JsonConfig.getInstance();
  settings.noDiagnosticChannel = true;
  settings.disableStatsbeat = true;
  const { default: Logging } = await import('applicationinsights/out/Library/Logging');
  // Failed sends are said once by the analytics queue, not once per batch by the SDK.
  Logging.disableWarnings = true;
  const sdk = await import('applicationinsights');
  // Something that loaded the SDK before us (another package) would have patched already.
  const { IsInitialized } = await import('applicationinsights/out/AutoCollection/diagnostic-channel/initialization');
  return { sdk, patched: IsInitialized };
}
