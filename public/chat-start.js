/*
 * Starts the chat's conversation the moment the page starts, while Web Chat's bundle (about
 * 1 MB to download, 4 MB to compile) is still loading: reads /webchat/config.json, gets a token
 * (or refreshes the one this tab kept) and, on the local Direct Line, tells the bot the visitor
 * joined, so the bot's welcome is already waiting when Web Chat connects. Loaded `async`, ahead
 * of the bundle; chat.js (deferred, after the bundle) renders Web Chat with what it finds here,
 * in window.eServicesChat.
 *
 * - A conversation survives a reload: its id and token are kept in sessionStorage (per tab) and
 *   the conversation is rejoined, so Web Chat fetches its history again.
 * - A kept token that can no longer be refreshed (expired, or the conversation was dropped)
 *   starts a fresh conversation instead of a broken one.
 * - The bot greets on the `webchat/join` event, once per conversation: a rejoin is not greeted.
 */
'use strict';

(function () {
  const STORAGE_KEY = 'eservices-support-chat';

  window.eServicesChat = { started: start(), openSession, remember, forget };

  /** The page's configuration and, unless the site has no chat, a conversation to show. */
  async function start() {
    const config = await requestJson('GET', '/webchat/config.json');
    if (config.directLine.kind === 'none') return { config };
    return { config, session: await openSession(config) };
  }

  /**
   * The tab's conversation when its token can still be refreshed, otherwise a new one:
   * `{ domain, conversationId, token, connectTo, joined }`. On the local Direct Line it is joined
   * here already, so the welcome is there at Web Chat's first poll. On Azure's, Web Chat starts
   * and joins it, as before: that path cannot be tried here without an Azure account.
   */
  async function openSession(config) {
    const settings = config.directLine;
    const domain = absoluteUrl(settings.domain);
    const saved = await rejoin(domain);
    const token = saved || (await requestJson('POST', absoluteUrl(settings.tokenUrl)));
    const session = { domain, conversationId: token.conversationId, token: token.token, joined: false };
    if (settings.kind !== 'local') {
      // Web Chat rejoins a kept conversation, and starts a new token's conversation itself.
      return { ...session, connectTo: saved ? saved.conversationId : undefined };
    }
    remember(session);
    // Web Chat is told this conversation, started here, so it rejoins it instead of starting another.
    return { ...session, connectTo: session.conversationId, joined: await join(session) };
  }

  async function rejoin(domain) {
    const saved = recall();
    if (!saved || saved.domain !== domain) return undefined;
    try {
      const refreshed = await requestJson('POST', `${domain}/tokens/refresh`, saved.token);
      return { conversationId: saved.conversationId, token: refreshed.token };
    } catch {
      forget();
      return undefined;
    }
  }

  /** Says the visitor joined, as Web Chat would; false if that failed (Web Chat then says it on connecting). */
  async function join(session) {
    const url = `${session.domain}/conversations/${encodeURIComponent(session.conversationId)}/activities`;
    try {
      await requestJson('POST', url, session.token, {
        type: 'event',
        name: 'webchat/join',
        value: { language: navigator.language },
        locale: 'en-US',
        localTimezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        localTimestamp: new Date().toISOString(),
      });
      return true;
    } catch (error) {
      console.error(error);
      return false;
    }
  }

  function remember(session) {
    if (!session.conversationId || !session.token) return;
    const saved = { domain: session.domain, conversationId: session.conversationId, token: session.token };
    try {
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify(saved));
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

  async function requestJson(method, url, token, body) {
    const headers = { accept: 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (body) headers['content-type'] = 'application/json';
    const response = await fetch(url, {
      method,
      headers,
      credentials: 'omit',
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!response.ok) throw new Error(`${method} ${url} answered ${response.status}`);
    return response.json();
  }

  function absoluteUrl(pathOrUrl) {
    return new URL(pathOrUrl, window.location.origin).href.replace(/\/+$/, '');
  }
})();
