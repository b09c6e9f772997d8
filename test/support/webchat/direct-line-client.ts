/** A conversation as the local Direct Line granted it. */
export interface Grant {
  readonly conversationId: string;
  readonly token: string;
  readonly expires_in: number;
}

/** An activity as clients receive it. */
export interface ReceivedActivity {
  readonly id: string;
  readonly type: string;
  readonly text?: string;
  readonly name?: string;
  readonly from: { readonly id: string; readonly role?: string };
  readonly [key: string]: unknown;
}

export interface Answer<T> {
  readonly status: number;
  readonly body: T;
}

/**
 * The Direct Line 3.0 calls Web Chat's client makes, over plain fetch, for HTTP-level tests.
 */
export class DirectLineClient {
  constructor(private readonly baseUrl: string) {}

  /** POST /v3/directline/conversations with no token: a new conversation. */
  async start(): Promise<Grant> {
    const answer = await this.call<Grant>('POST', '/v3/directline/conversations');
    if (answer.status !== 201) throw new Error(`start answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body;
  }

  call<T = unknown>(method: string, path: string, token?: string, body?: unknown): Promise<Answer<T>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (token !== undefined) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    return fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    }).then(async (response) => ({ status: response.status, body: (await response.json()) as T }));
  }

  post(token: string, conversationId: string, activity: unknown): Promise<Answer<{ id: string }>> {
    return this.call(
      'POST',
      `/v3/directline/conversations/${encodeURIComponent(conversationId)}/activities`,
      token,
      activity,
    );
  }

  activities(
    token: string,
    conversationId: string,
    watermark = '',
  ): Promise<Answer<{ activities: ReceivedActivity[]; watermark: string }>> {
    return this.call(
      'GET',
      `/v3/directline/conversations/${encodeURIComponent(conversationId)}/activities?watermark=${watermark}`,
      token,
    );
  }

  refresh(token: string): Promise<Answer<Grant>> {
    return this.call('POST', '/v3/directline/tokens/refresh', token);
  }

  /** All activities of the conversation (from the start), or throws with the error answer. */
  async all(grant: Grant): Promise<ReceivedActivity[]> {
    const answer = await this.activities(grant.token, grant.conversationId);
    if (answer.status !== 200) throw new Error(`activities answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body.activities;
  }
}
