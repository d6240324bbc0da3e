import { parseRoomName, type SessionView } from '@horizon/shared';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessageKey } from '../../app/api';
import { useCredentials } from '../../app/credentials';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import {
  BOARD_FORMATS,
  EXPORT_FORMATS,
  downloadExport,
  exportUrl,
  prepareExport,
  type ExportFormat,
} from './downloadExport';
import './export.css';

type Status =
  { kind: 'idle' } | { kind: 'working' } | { kind: 'done'; name: string } | { kind: 'error'; error: unknown };

/** The teams a person may export, and whether they may export the whole session (the server checks the same). */
function exportRights(view: SessionView): { whole: boolean; teamIds: string[] } {
  const { you } = view;
  if (you.role === 'facilitator' || you.role === 'mentor') {
    return { whole: true, teamIds: view.teams.map((t) => t.teamId) };
  }
  if (you.role === 'participant' && you.teamId) return { whole: false, teamIds: [you.teamId] };
  return { whole: false, teamIds: [] };
}

function teamOfRoom(room: string | undefined): string | undefined {
  const ref = room ? parseRoomName(room) : null;
  return ref?.kind === 'team' ? ref.teamId : undefined;
}

interface ExportButtonProps {
  view: SessionView;
  /** The room the page shows (`team:<session>:<team>`): the dialog starts with that team chosen. */
  room?: string;
  size?: 'sm' | 'md';
}

/** «Экспорт»: opens the export dialog. Renders nothing for people who may export nothing (the projector). */
export function ExportButton({ view, room, size = 'sm' }: ExportButtonProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const rights = exportRights(view);
  if (!rights.whole && rights.teamIds.length === 0) return null;
  return (
    <>
      <Button
        variant="secondary"
        size={size}
        className="export-open"
        onClick={() => setOpen(true)}
        aria-label={t('export.openLabel')}
      >
        {t('export.open')}
      </Button>
      {open && <ExportDialog view={view} initialTeamId={teamOfRoom(room)} onClose={() => setOpen(false)} />}
    </>
  );
}

interface ExportDialogProps {
  view: SessionView;
  initialTeamId?: string;
  onClose: () => void;
}

/** Whole session or one team, a format, and a download with a progress state while the server renders. */
export function ExportDialog({ view, initialTeamId, onClose }: ExportDialogProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const abortRef = useRef<AbortController | null>(null);
  const credentials = useCredentials(view.sessionId);
  const rights = exportRights(view);
  const teams = view.teams.filter((team) => rights.teamIds.includes(team.teamId));
  const [scope, setScope] = useState<string>(() =>
    initialTeamId && rights.teamIds.includes(initialTeamId)
      ? initialTeamId
      : rights.whole
        ? ''
        : (teams[0]?.teamId ?? ''),
  );
  const [format, setFormat] = useState<ExportFormat>('docx');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => abortRef.current?.abort();
  }, []);

  const token = credentials?.token;
  useEffect(() => {
    if (token) prepareExport(view.sessionId, format, token);
  }, [view.sessionId, format, token]);

  const close = () => {
    abortRef.current?.abort();
    dialogRef.current?.close();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!credentials || status.kind === 'working') return;
    const controller = new AbortController();
    abortRef.current = controller;
    setStatus({ kind: 'working' });
    try {
      const name = await downloadExport(
        exportUrl(view.sessionId, format, scope || null),
        credentials.token,
        controller.signal,
      );
      if (!controller.signal.aborted) setStatus({ kind: 'done', name });
    } catch (error) {
      if (!controller.signal.aborted) setStatus({ kind: 'error', error });
    }
  };

  const working = status.kind === 'working';
  return (
    <dialog ref={dialogRef} className="export-dialog" aria-labelledby={titleId} onClose={onClose}>
      <form className="export-dialog__form" onSubmit={(event) => void submit(event)}>
        <h2 id={titleId} className="export-dialog__title">
          {t('export.title')}
        </h2>
        <p className="export-dialog__lead">{t('export.lead')}</p>
        <fieldset className="fieldset" disabled={working}>
          <legend className="fieldset__legend">{t('export.scope')}</legend>
          {rights.whole && (
            <label className="choice">
              <input
                type="radio"
                name="export-scope"
                checked={scope === ''}
                onChange={() => {
                  setScope('');
                  // Board pictures are per team: the whole session has none to give.
                  if (BOARD_FORMATS.includes(format)) setFormat('docx');
                }}
              />
              <span className="export-dialog__choice">
                <span>{t('export.wholeSession')}</span>
                <span className="export-dialog__hint">{t('export.wholeSessionHint')}</span>
              </span>
            </label>
          )}
          {teams.map((team) => (
            <label key={team.teamId} className="choice">
              <input
                type="radio"
                name="export-scope"
                checked={scope === team.teamId}
                onChange={() => setScope(team.teamId)}
              />
              <span>{t('export.team', { name: team.name })}</span>
            </label>
          ))}
        </fieldset>
        <fieldset className="fieldset" disabled={working}>
          <legend className="fieldset__legend">{t('export.format')}</legend>
          <div className="export-dialog__formats">
            {EXPORT_FORMATS.map((value) => (
              <label key={value} className="choice">
                <input
                  type="radio"
                  name="export-format"
                  checked={format === value}
                  disabled={scope === '' && BOARD_FORMATS.includes(value)}
                  onChange={() => setFormat(value)}
                />
                <span className="export-dialog__choice">
                  <span>{t(`export.formats.${value}`)}</span>
                  <span className="export-dialog__hint">
                    {scope === '' && BOARD_FORMATS.includes(value)
                      ? t('export.boardNeedsTeam')
                      : t(`export.hints.${value}`)}
                  </span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <div aria-live="polite">
          {working && (
            <p className="export-dialog__progress" role="status">
              <span className="export-dialog__spinner" aria-hidden="true" />
              {t('export.preparing')}
            </p>
          )}
          {status.kind === 'done' && <Notice tone="success">{t('export.done', { name: status.name })}</Notice>}
        </div>
        {status.kind === 'error' && <Notice tone="error">{t(errorMessageKey(status.error))}</Notice>}
        <div className="export-dialog__actions">
          <Button variant="ghost" onClick={close}>
            {t('export.close')}
          </Button>
          <Button type="submit" disabled={working || !credentials} aria-busy={working}>
            {working ? t('export.preparing') : t('export.download')}
          </Button>
        </div>
      </form>
    </dialog>
  );
}
