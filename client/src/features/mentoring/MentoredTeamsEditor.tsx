import type { TeamInfo } from '@horizon/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { loadCredentials, saveCredentials } from '../../app/credentials';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { feedbackErrorKey } from './errorText';
import { setMentoredTeams } from './feedbackApi';
import { useFeedbackAction } from './useFeedbackAction';

interface MentoredTeamsEditorProps {
  sessionId: string;
  token: string;
  teams: readonly TeamInfo[];
  chosen: readonly string[];
  onDone: () => void;
}

/**
 * «Choose teams»: the server records the choice and answers with a token that carries it; storing that token makes
 * every page of the session reload what the mentor may see.
 */
export function MentoredTeamsEditor({ sessionId, token, teams, chosen, onDone }: MentoredTeamsEditorProps) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<string[]>([...chosen]);
  const action = useFeedbackAction();

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await action.run(async () => {
      const renewed = await setMentoredTeams(sessionId, token, picked);
      const stored = loadCredentials(sessionId);
      saveCredentials(sessionId, { ...stored, token: renewed.token, role: renewed.role });
    });
    if (ok) onDone();
  };

  return (
    <form className="fb-pick" onSubmit={(event) => void save(event)}>
      <fieldset className="fieldset">
        <legend className="fieldset__legend">{t('mentoring.pick.legend')}</legend>
        <div className="fb-pick__choices">
          {teams.map((team) => (
            <label key={team.teamId} className="choice">
              <input
                type="checkbox"
                checked={picked.includes(team.teamId)}
                onChange={(event) =>
                  setPicked((current) =>
                    event.target.checked ? [...current, team.teamId] : current.filter((id) => id !== team.teamId),
                  )
                }
              />
              <span>{team.name}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="fb-pick__buttons">
        <Button type="submit" size="sm" disabled={action.busy}>
          {action.busy ? t('mentoring.pick.saving') : t('mentoring.pick.save')}
        </Button>
        <Button variant="ghost" size="sm" onClick={onDone}>
          {t('mentoring.pick.cancel')}
        </Button>
      </div>
      {action.error !== null && <Notice tone="error">{t(feedbackErrorKey(action.error))}</Notice>}
    </form>
  );
}
