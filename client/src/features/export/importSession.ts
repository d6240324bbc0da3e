/** `POST /api/sessions/import`: a JSON export becomes a new session, answered like session creation. */
import type { CreateSessionResponse } from '@horizon/shared';
import { ApiRequestError } from '../../app/api';

/** The server's limit for an import body (a 10-team session exports to about 1.6 MB). */
export const IMPORT_MAX_BYTES = 16 * 1024 * 1024;

export async function importSessionFile(text: string, signal?: AbortSignal): Promise<CreateSessionResponse> {
  let response: Response;
  try {
    // The file's text goes as it is: it already is the JSON body, and re-serialising it would cost a parse.
    response = await fetch('/api/sessions/import', {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: text,
      signal,
    });
  } catch (error) {
    throw new ApiRequestError(0, 'network', error instanceof Error ? error.message : String(error));
  }
  const payload = (await response.json().catch(() => null)) as
    (CreateSessionResponse & { error?: string; message?: string }) | null;
  if (!response.ok || !payload) {
    throw new ApiRequestError(response.status, payload?.error ?? '', payload?.message ?? response.statusText);
  }
  return payload;
}
