/** Direct Line's error body: `{ error: { code, message } }`, as Azure's service answers. */
export interface DirectLineErrorBody {
  readonly error: { readonly code: string; readonly message: string };
}

/** The outcome of one Direct Line operation, ready to become an HTTP answer. */
export type DirectLineResult<T> =
  | { readonly ok: true; readonly value: T }
  | {
      readonly ok: false;
      readonly status: number;
      readonly body: DirectLineErrorBody;
      readonly retryAfterSeconds?: number;
    };

/** A successful outcome. */
export function success<T>(value: T): DirectLineResult<T> {
  return { ok: true, value };
}

/** A failed outcome with its HTTP status and error code. */
export function failure<T>(
  status: number,
  code: string,
  message: string,
  retryAfterSeconds?: number,
): DirectLineResult<T> {
  return {
    ok: false,
    status,
    body: { error: { code, message } },
    ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
  };
}
