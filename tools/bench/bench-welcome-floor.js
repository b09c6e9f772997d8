/*
 * The floor page's script: renders Web Chat (window.WebChat) with a stub Direct Line that is
 * online at once and delivers the bot's welcome activities (from the page) on subscription.
 * Everything Web Chat itself does to show a welcome is still done; nothing else is.
 */
/* global window, document */
'use strict';

(function () {
  const ONLINE = 2;
  const welcome = JSON.parse(document.getElementById('welcome').textContent);

  /** The least of an ES Observable that Web Chat subscribes to. */
  function observable(produce) {
    return {
      subscribe(observerOrNext, error, complete) {
        const observer =
          typeof observerOrNext === 'function' ? { next: observerOrNext, error, complete } : observerOrNext || {};
        let closed = false;
        produce({
          next: (value) => !closed && observer.next && observer.next(value),
          complete: () => !closed && observer.complete && observer.complete(),
        });
        return {
          unsubscribe() {
            closed = true;
          },
        };
      },
    };
  }

  let sequence = 0;
  const directLine = {
    connectionStatus$: observable((observer) => observer.next(ONLINE)),
    activity$: observable((observer) => {
      for (const activity of welcome) {
        sequence += 1;
        observer.next({
          ...activity,
          id: `floor|${sequence}`,
          from: { id: 'bot', role: 'bot' },
          timestamp: new Date().toISOString(),
        });
      }
    }),
    postActivity: () =>
      observable((observer) => {
        sequence += 1;
        observer.next(`floor|${sequence}`);
        observer.complete();
      }),
    end() {},
  };

  window.WebChat.renderWebChat(
    {
      directLine,
      locale: 'en-US',
      userID: 'floor-user',
      styleOptions: {
        hideUploadButton: true,
        sendBoxTextWrap: true,
        suggestedActionLayout: 'stacked',
        suggestedActionsStackedLayoutButtonTextWrap: true,
      },
    },
    document.getElementById('chat'),
  );
})();
