// The one Chromium launcher (tools/chromium.ts), shared with the welcome bench.
export { CHROMIUM_ARGS, chromiumExecutable, launchChromium } from '../../tools/chromium';
