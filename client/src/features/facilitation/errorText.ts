import { ApiRequestError, errorMessageKey } from '../../app/api';

/**
 * The i18n key explaining a refused facilitation request. A 409 means the request came too late (the round closed,
 * no votes left) rather than that something was wrong with it, so it gets its own words.
 */
export function facilitationErrorKey(error: unknown): string {
  if (error instanceof ApiRequestError && error.status === 409) return 'facilitation.errors.conflict';
  if (error instanceof ApiRequestError && error.status === 403) return 'facilitation.errors.forbidden';
  return errorMessageKey(error);
}
