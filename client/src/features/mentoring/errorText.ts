import { ApiRequestError, errorMessageKey } from '../../app/api';

/** The i18n key explaining a refused feedback request, in the words of what went wrong here. */
export function feedbackErrorKey(error: unknown): string {
  if (error instanceof ApiRequestError) {
    if (error.status === 403) return 'mentoring.errors.forbidden';
    if (error.status === 404) return 'mentoring.errors.gone';
    if (error.status === 409) return 'mentoring.errors.full';
    if (error.status === 429) return 'mentoring.errors.tooMany';
  }
  return errorMessageKey(error);
}
