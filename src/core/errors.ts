// Expected failures are values with stable codes; exceptions are for bugs.

export const ERROR_CODES = {
  E_USAGE: 'bad command-line usage',
  E_NO_SUCH_FILE: 'file not found',
  E_READ_FAILED: 'file could not be read',
  E_EMPTY_INPUT: 'input is empty',
  E_NOT_TEXT: 'input is binary, not text',
  E_TOO_LARGE: 'input is larger than the limit',
  E_BAD_ENCODING: 'input encoding could not be recognised',
  E_BAD_DATE: 'date is not a valid YYYY-MM-DD',
  E_BAD_JSON: 'line is not valid JSON',
  E_BAD_RECORD: 'record does not have the expected fields',
  E_UNSUPPORTED_MEDIA: 'content type is not supported',
  E_BAD_FEED: 'feed could not be parsed',
  E_FETCH_TIMEOUT: 'request timed out',
  E_FETCH_FAILED: 'request failed',
  E_HTTP_STATUS: 'server answered with an error status',
  E_FETCH_BLOCKED: 'address is not allowed by the fetch guard',
  E_TOO_MANY_REDIRECTS: 'too many redirects',
  E_DB: 'database error',
  E_NOT_FOUND: 'not found',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class MarsadError extends Error {
  readonly code: ErrorCode;
  readonly detail?: Record<string, unknown>;
  constructor(code: ErrorCode, message?: string, detail?: Record<string, unknown>) {
    super(message ?? ERROR_CODES[code]);
    this.name = 'MarsadError';
    this.code = code;
    this.detail = detail;
  }
  toJSON() {
    return { code: this.code, message: this.message, ...(this.detail ? { detail: this.detail } : {}) };
  }
}

export function isMarsadError(e: unknown): e is MarsadError {
  return e instanceof MarsadError;
}

/** A result type for stages that can fail on bad input without throwing. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: MarsadError };
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(code: ErrorCode, message?: string, detail?: Record<string, unknown>): Result<T> => ({
  ok: false,
  error: new MarsadError(code, message, detail),
});
