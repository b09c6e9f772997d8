/*
 * The chat page's script: connects Microsoft's Web Chat (window.WebChat, from /webchat/webchat.js)
 * to the bot's Direct Line, the local one or Azure Bot Service's, as /webchat/config.json says.
 *
 * - A conversation survives a reload: its id and token are kept in sessionStorage (per tab) and
 *   the conversation is rejoined, so Web Chat fetches its history again.
 * - A token that can no longer be refreshed (expired, or the conversation was dropped) starts a
 *   fresh conversation instead of a broken one.
 * - The bot greets on the `webchat/join` event sent once connected; it greets once per conversation.
 */
'use strict';

(function () {
  // Web Chat writes <style> elements at run time; they need this response's CSP nonce.
  const NONCE = document.currentScript ? document.currentScript.nonce : undefined;
  const STORAGE_KEY = 'eservices-support-chat';
  // Direct Line client connection states (botframework-directlinejs ConnectionStatus).
  const EXPIRED_TOKEN = 3;
  const ENDED = 5;

  main().catch((error) => {
    showStatus('The chat could not start. Please reload the page to try again.');
    // The page has nowhere else to report to; the console helps whoever is setting it up.
    console.error(error);
  });

  async function main() {
    const config = await requestJson('GET', '/webchat/config.json');
    if (config.directLine.kind === 'none') {
      showStatus('The chat is not available right now.');
      return;
    }
    await startChat(config, true);
  }

  /**
   * Connects and renders Web Chat. `mayRestart`: when the connection ends for good (token
   * expired, conversation dropped), start one fresh conversation in its place, once.
   */
  async function startChat(config, mayRestart) {
    const settings = config.directLine;
    const domain = absoluteUrl(settings.domain);
    const session = await openSession(settings, domain);
    const directLine = window.WebChat.createDirectLine({
      domain,
      token: session.token,
      // Only a resumed conversation is named: a new token's conversation is started by the client.
      conversationId: session.resumed ? session.conversationId : undefined,
      webSocket: settings.webSocket,
      pollingInterval: settings.pollingIntervalMs,
    });

    let restarted = false;
    const store = window.WebChat.createStore({}, ({ dispatch }) => (next) => (action) => {
      if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED') {
        remember(domain, directLine);
        dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: 'webchat/join', value: { language: navigator.language } } });
      } else if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY') {
        // The client renews its token every quarter of an hour; keep the newest for a reload.
        remember(domain, directLine);
      } else if (action.type === 'DIRECT_LINE/UPDATE_CONNECTION_STATUS') {
        const status = action.payload && action.payload.connectionStatus;
        if ((status === EXPIRED_TOKEN || status === ENDED) && mayRestart && !restarted) {
          restarted = true;
          forget();
          setTimeout(() => restart(config, directLine), 0);
        }
      }
      return next(action);
    });

    const container = freshContainer();
    window.WebChat.renderWebChat(
      {
        directLine,
        store,
        locale: 'en-US',
        nonce: NONCE,
        role: 'main',
        styleOptions: styleOptions(config),
      },
      container,
    );
    document.querySelector('#chat-status')?.remove();
  }

  async function restart(config, oldDirectLine) {
    oldDirectLine.end();
    await startChat(config, false);
    showStatus('Your earlier chat has ended, so a new one has started.');
  }

  /** Rejoins the tab's conversation when its token can still be refreshed; otherwise starts anew. */
  async function openSession(settings, domain) {
    const saved = recall();
    if (saved && saved.domain === domain) {
      try {
        const refreshed = await requestJson('POST', `${domain}/tokens/refresh`, saved.token);
        return { resumed: true, conversationId: saved.conversationId, token: refreshed.token };
      } catch {
        forget();
      }
    }
    const fresh = await requestJson('POST', absoluteUrl(settings.tokenUrl));
    return { resumed: false, conversationId: fresh.conversationId, token: fresh.token };
  }

  function styleOptions(config) {
    return {
      accent: config.accentColor,
      bubbleFromUserBackground: config.accentColor,
      bubbleFromUserTextColor: config.accentTextColor,
      bubbleFromUserBorderRadius: 8,
      bubbleBorderRadius: 8,
      primaryFont: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
      hideUploadButton: true,
      sendBoxTextWrap: true,
      // One button per line, wrapped rather than cut short: the choices are whole questions.
      suggestedActionLayout: 'stacked',
      suggestedActionsStackedLayoutButtonTextWrap: true,
    };
  }

  function remember(domain, directLine) {
    if (!directLine.conversationId || !directLine.token) return;
    const session = { domain, conversationId: directLine.conversationId, token: directLine.token };
    try {
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    } catch {
      // Storage can be off (privacy modes); the chat still works, it just won't survive a reload.
    }
  }

  function recall() {
    try {
      const saved = JSON.parse(sessionStorage.getItem(STORAGE_KEY) || 'null');
      return saved && typeof saved.token === 'string' && typeof saved.conversationId === 'string' ? saved : undefined;
    } catch {
      return undefined;
    }
  }

  function forget() {
    try {
      sessionStorage.removeItem(STORAGE_KEY);
    } catch {
      // Nothing kept, nothing to forget.
    }
  }

  /** A new element for Web Chat, replacing any earlier one (and its React tree) on a restart. */
  function freshContainer() {
    const chat = document.querySelector('#chat');
    chat.querySelector('.chat-webchat')?.remove();
    const container = document.createElement('div');
    container.className = 'chat-webchat';
    chat.append(container);
    return container;
  }

  function showStatus(text) {
    let status = document.querySelector('#chat-status');
    if (!status) {
      status = document.createElement('p');
      status.id = 'chat-status';
      status.className = 'chat-status';
      status.setAttribute('role', 'status');
      document.querySelector('#chat').prepend(status);
    }
    status.textContent = text;
  }

  async function requestJson(method, url, token) {
    const headers = { accept: 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    const response = await fetch(url, { method, headers, credentials: 'omit' });
    if (!response.ok) throw new Error(`${method} ${url} answered ${response.status}`);
    return response.json();
  }

  function absoluteUrl(pathOrUrl) {
    return new URL(pathOrUrl, window.location.origin).href.replace(/\/+$/, '');
  }
})();
