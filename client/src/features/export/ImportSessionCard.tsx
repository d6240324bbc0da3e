import { useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessageKey } from '../../app/api';
import { saveCredentials } from '../../app/credentials';
import { navigate } from '../../app/router';
import { paths } from '../../app/routes';
import { Card } from '../../ui/Card';
import { Notice } from '../../ui/Notice';
import { IMPORT_MAX_BYTES, importSessionFile } from './importSession';
import './export.css';

/** «Импорт из JSON» on the home page: a JSON export becomes a new session, opened in its lobby as facilitator. */
export function ImportSessionCard() {
  const { t } = useTranslation();
  const inputId = useId();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ key: string; detail?: string } | null>(null);

  const pick = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (file.size > IMPORT_MAX_BYTES) return setProblem({ key: 'export.importTooBig' });
    setBusy(true);
    setProblem(null);
    try {
      const text = await file.text();
      try {
        JSON.parse(text);
      } catch {
        setBusy(false);
        return setProblem({ key: 'export.importNotJson' });
      }
      const created = await importSessionFile(text);
      saveCredentials(created.sessionId, { token: created.facilitatorToken, role: 'facilitator' });
      navigate(paths.lobby(created.sessionId));
    } catch (caught) {
      // The server says what is wrong with the file; the generic message alone would not help anyone fix it.
      setProblem({ key: errorMessageKey(caught), detail: caught instanceof Error ? caught.message : undefined });
      setBusy(false);
    }
  };

  return (
    <Card title={t('export.importTitle')} lead={t('export.importLead')}>
      {problem && (
        <Notice tone="error">
          {t(problem.key)}
          {problem.detail ? ` ${problem.detail}` : ''}
        </Notice>
      )}
      {/* The input stays focusable (visually hidden); its label is what people see and click. */}
      <input
        id={inputId}
        className="export-import__input"
        type="file"
        accept="application/json,.json"
        disabled={busy}
        onChange={(event) => void pick(event)}
      />
      <label htmlFor={inputId} className="btn btn--secondary btn--md export-import__label" aria-busy={busy}>
        {busy ? t('export.importWorking') : t('export.importChoose')}
      </label>
    </Card>
  );
}
