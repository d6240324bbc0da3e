/**
 * Downloads an export with the session token: the API wants `Authorization: Bearer`, which a plain link cannot
 * send, so the file is fetched, turned into an object URL and handed to a temporary `<a download>`.
 */
import { ApiRequestError } from '../../app/api';

export const EXPORT_FORMATS = ['docx', 'pdf', 'html', 'md', 'json', 'csv', 'png', 'svg'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
/** Pictures of one team's board: the server refuses them for the whole session. */
export const BOARD_FORMATS: readonly ExportFormat[] = ['png', 'svg'];

export function exportUrl(
  sessionId: string,
  format: ExportFormat,
  teamId: string | null,
  initiativeId?: string,
): string {
  const query = new URLSearchParams({ format });
  if (teamId) query.set('team', teamId);
  if (initiativeId) query.set('initiative', initiativeId);
  return `/api/sessions/${encodeURIComponent(sessionId)}/export?${query.toString()}`;
}

/** The file name from `Content-Disposition`: the RFC 5987 `filename*` first, the ASCII `filename` otherwise. */
export function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (extended) {
    try {
      return decodeURIComponent(extended[1]!.trim());
    } catch {
      // Fall through to the plain name.
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"/i.exec(disposition);
  return plain?.[1] || null;
}

export async function downloadExport(url: string, token: string, signal: AbortSignal): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { Authorization: `Bearer ${token}` }, signal });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new ApiRequestError(0, 'network', error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) {
    const payload = (await response.json().catch(() => null)) as { error?: string; message?: string } | null;
    throw new ApiRequestError(response.status, payload?.error ?? '', payload?.message ?? response.statusText);
  }
  const blob = await response.blob();
  const name = fileNameOf(response.headers.get('content-disposition')) ?? 'horizon-export';
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click's task ends; keep the URL a little longer for slow disks.
  window.setTimeout(() => URL.revokeObjectURL(href), 60_000);
  return name;
}

/**
 * Asks the server to start its Word or PDF render threads while the user is still choosing (they take a moment to
 * load), so the first export after a restart is as quick as the next. Best effort: a refusal changes nothing.
 */
export function prepareExport(sessionId: string, format: ExportFormat, token: string): void {
  if (format !== 'docx' && format !== 'pdf') return;
  void fetch(`/api/sessions/${encodeURIComponent(sessionId)}/export/prepare?format=${format}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  }).catch(() => undefined);
}
