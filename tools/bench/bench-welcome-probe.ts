/** What the probe saw in one page load: milliseconds since navigation started. */
export interface ProbeFigures {
  /** The bot's welcome in Web Chat's transcript (a bot bubble with its opening words). */
  readonly welcome: number;
  /** Web Chat's bundle has run (it set window.WebChat): what comes after is the page's own doing. */
  readonly bundleRan: number;
  /** First contentful paint. */
  readonly firstPaint: number;
  /** The page's own greeting in the document (parsed from the HTML); undefined when it has none. */
  readonly greeting?: number;
}

/** The element of the chat page's own greeting. */
export const GREETING_SELECTOR = '#chat-intro';

/**
 * Runs in the page before any of its scripts (Playwright's addInitScript): notes when the
 * greeting element appears and when a bot bubble with the welcome's words appears, with a
 * MutationObserver, so both pages are timed by the same code. Self-contained: it is serialized.
 */
export function installProbe(args: { welcomeWords: string; greetingSelector: string }): void {
  const marks: { welcome?: number; greeting?: number; bundleRan?: number } = {};
  Object.defineProperty(window, '__welcomeBench', { value: marks });
  let webChat: unknown;
  Object.defineProperty(window, 'WebChat', {
    configurable: true,
    get: () => webChat,
    set: (value: unknown) => {
      marks.bundleRan ??= performance.now();
      webChat = value;
    },
  });
  const observer = new MutationObserver(() => {
    if (marks.greeting === undefined && document.querySelector(args.greetingSelector)) {
      marks.greeting = performance.now();
    }
    if (marks.welcome !== undefined) return;
    for (const bubble of Array.from(document.querySelectorAll('.webchat__bubble:not(.webchat__bubble--from-user)'))) {
      if ((bubble.textContent ?? '').includes(args.welcomeWords)) {
        marks.welcome = performance.now();
        observer.disconnect();
        return;
      }
    }
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}

/** Reads the probe's marks and the first contentful paint; undefined until the welcome showed. */
export function readProbe(): ProbeFigures | undefined {
  const marks = (window as unknown as { __welcomeBench: { welcome?: number; greeting?: number; bundleRan?: number } })
    .__welcomeBench;
  const paint = performance.getEntriesByName('first-contentful-paint')[0];
  if (marks.welcome === undefined || marks.bundleRan === undefined || !paint) return undefined;
  return { welcome: marks.welcome, bundleRan: marks.bundleRan, firstPaint: paint.startTime, greeting: marks.greeting };
}
