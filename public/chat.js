/*
 * The chat page's script: renders Microsoft's Web Chat (window.WebChat, from /webchat/webchat.js,
 * which runs before this deferred script) on the conversation chat-start.js opened while the
 * bundle loaded (window.eServicesChat), on the local Direct Line or Azure Bot Service's, as
 * /webchat/config.json says.
 *
 * - The page's own greeting and e-Help Desk (in its HTML) stay until the bot's first message is
 *   on screen, then are hidden: the welcome says the same, so it is never shown twice. If Web
 *   Chat or the conversation cannot start, they stay, under a line saying the chat could not load.
 * - A token that can no longer be refreshed while the page is open (expired, or the conversation
 *   was dropped) starts a fresh conversation in place, once, with a short notice.
 * - Every sentence shown comes from the page (rendered from knowledge/texts.yaml).
 */
'use strict';

(function () {
  // Web Chat writes <style> elements at run time; they need this response's CSP nonce.
  const NONCE = document.currentScript ? document.currentScript.nonce : undefined;
  // Direct Line client connection states (botframework-directlinejs ConnectionStatus).
  const EXPIRED_TOKEN = 3;
  const ENDED = 5;
  const status = document.querySelector('#chat-status');
  const said = status ? { ...status.dataset } : {};

  main().catch((error) => {
    showStatus(said.failed);
    // The page has nowhere else to report to; the console helps whoever is setting it up.
    console.error(error);
  });

  async function main() {
    if (!window.WebChat) throw new Error('Web Chat (webchat.js) did not load');
    const chatStart = await loaded(() => window.eServicesChat, 'chat-start.js');
    const { config, session } = await chatStart.started;
    if (!session) {
      showStatus(said.unavailable);
      return;
    }
    startChat(chatStart, config, session, true);
  }

  /**
   * Renders Web Chat on a conversation. `mayRestart`: when the connection ends for good (token
   * expired, conversation dropped), start one fresh conversation in its place, once.
   */
  function startChat(chatStart, config, session, mayRestart) {
    const settings = config.directLine;
    const directLine = window.WebChat.createDirectLine({
      domain: session.domain,
      token: session.token,
      conversationId: session.connectTo,
      webSocket: settings.webSocket,
      pollingInterval: settings.pollingIntervalMs,
    });
    const keep = () =>
      chatStart.remember({ domain: session.domain, conversationId: directLine.conversationId, token: directLine.token });

    let restarted = false;
    let introHidden = false;
    const store = window.WebChat.createStore({}, ({ dispatch }) => (next) => (action) => {
      if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED') {
        keep();
        if (!session.joined) {
          dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: 'webchat/join', value: { language: navigator.language } } });
        }
      } else if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY') {
        // The client renews its token every quarter of an hour; keep the newest for a reload.
        keep();
        const activity = action.payload && action.payload.activity;
        if (!introHidden && activity && activity.type === 'message' && activity.from && activity.from.role === 'bot') {
          introHidden = true;
          // After Web Chat has drawn the message, so the greeting is never gone before the welcome is there.
          requestAnimationFrame(() => setTimeout(hideIntro, 0));
        }
      } else if (action.type === 'DIRECT_LINE/UPDATE_CONNECTION_STATUS') {
        const connection = action.payload && action.payload.connectionStatus;
        if ((connection === EXPIRED_TOKEN || connection === ENDED) && mayRestart && !restarted) {
          restarted = true;
          chatStart.forget();
          setTimeout(() => restart(chatStart, config, directLine), 0);
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
        // The page's <main> holds the chat; Web Chat is a region within it.
        role: 'region',
        styleOptions: styleOptions(config),
      },
      container,
    );
    document.querySelector('#chat-status')?.remove();
  }

  async function restart(chatStart, config, oldDirectLine) {
    oldDirectLine.end();
    try {
      startChat(chatStart, config, await chatStart.openSession(config), false);
      showStatus(said.restarted);
    } catch (error) {
      showStatus(said.failed);
      console.error(error);
    }
  }

  /** Waits for a global another script sets; that script is async, so it may still be on its way. */
  async function loaded(find, name) {
    if (find()) return find();
    if (document.readyState !== 'complete') await new Promise((resolve) => window.addEventListener('load', resolve));
    if (!find()) throw new Error(`${name} did not load`);
    return find();
  }

  /** The bot's welcome is on screen: the page's own greeting would say it twice. */
  function hideIntro() {
    const intro = document.querySelector('#chat-intro');
    if (!intro || intro.hidden) return;
    const hadFocus = intro.contains(document.activeElement);
    intro.hidden = true;
    if (hadFocus) document.querySelector('.chat-webchat [data-id="webchat-sendbox-input"]')?.focus();
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
    let line = document.querySelector('#chat-status');
    if (!line) {
      line = document.createElement('p');
      line.id = 'chat-status';
      line.className = 'chat-status';
      line.setAttribute('role', 'status');
      const intro = document.querySelector('#chat-intro');
      if (intro) intro.after(line);
      else document.querySelector('#chat').prepend(line);
    }
    line.textContent = text;
  }
})();
