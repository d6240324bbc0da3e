/**
 * The HTTP error catalogue. Every refusal the API gives is one of these, sent as `{ error, message }`.
 */
export const ErrorCodes = {
  badRequest: { status: 400, error: 'bad_request' },
  unauthorized: { status: 401, error: 'unauthorized' },
  forbidden: { status: 403, error: 'forbidden' },
  notFound: { status: 404, error: 'not_found' },
  /** The request does not fit the current state: pausing a timer that is not running, voting in a closed round. */
  conflict: { status: 409, error: 'conflict' },
  /** A vote over the voter's budget for the round. */
  budget: { status: 409, error: 'budget' },
  tooManyRequests: { status: 429, error: 'too_many_requests' },
} as const;

export type ErrorCodeName = keyof typeof ErrorCodes;

export class HttpError extends Error {
  readonly status: number;
  readonly error: string;

  constructor(code: ErrorCodeName, message: string) {
    super(message);
    this.status = ErrorCodes[code].status;
    this.error = ErrorCodes[code].error;
  }
}
