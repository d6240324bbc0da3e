import { parseRoomName } from '@horizon/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessageKey } from '../../app/api';
import { useCredentials } from '../../app/credentials';
import { Button } from '../../ui/Button';
import { downloadExport, exportUrl } from './downloadExport';

interface PassportButtonProps {
  /** The team room the initiative lives in (`team:<session>:<team>`). */
  room: string;
  initiativeId: string;
  title: string;
}

/** «Паспорт в Word»: one initiative's passport as a Word file (the server checks the team's export rights). */
export function PassportButton({ room, initiativeId, title }: PassportButtonProps) {
  const { t } = useTranslation();
  const ref = parseRoomName(room);
  const sessionId = ref?.kind === 'team' ? ref.sessionId : '';
  const credentials = useCredentials(sessionId);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (ref?.kind !== 'team' || !credentials || credentials.role === 'projector') return null;

  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      await downloadExport(
        exportUrl(ref.sessionId, 'docx', ref.teamId, initiativeId),
        credentials.token,
        new AbortController().signal,
      );
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        variant="secondary"
        size="sm"
        onClick={() => void download()}
        disabled={busy}
        aria-label={t('export.passportLabel', { title })}
        title={error === null ? undefined : t(errorMessageKey(error))}
      >
        {busy ? t('export.passportPreparing') : t('export.passport')}
      </Button>
      {error !== null && (
        <span className="export-passport__error" role="alert">
          {t(errorMessageKey(error))}
        </span>
      )}
    </>
  );
}
