import { ApiLimits } from '@horizon/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessageKey, joinSession, type CodeLookup } from '../../app/api';
import { saveCredentials, type SessionCredentials } from '../../app/credentials';
import { navigate } from '../../app/router';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { Notice } from '../../ui/Notice';
import { TextField } from '../../ui/TextField';
import { landingPath } from './landingPath';

export function JoinForm({ code, lookup }: { code: string; lookup: CodeLookup }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [teamId, setTeamId] = useState<string | null>(null);
  const [mentorOf, setMentorOf] = useState<string[]>([]);
  const [showErrors, setShowErrors] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const needsTeam = lookup.role === 'participant';
  const nameError = name.trim().length === 0 ? t('join.nameRequired') : null;
  const teamError = needsTeam && !teamId ? t('join.teamRequired') : null;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (nameError || teamError) {
      setShowErrors(true);
      return;
    }
    setSubmitting(true);
    setError(null);
    try {
      const joined = await joinSession({
        code,
        name: name.trim(),
        ...(needsTeam && teamId ? { teamId } : {}),
        ...(lookup.role === 'mentor' && mentorOf.length > 0 ? { teamIds: mentorOf } : {}),
      });
      const credentials: SessionCredentials = {
        token: joined.token,
        role: joined.role,
        participantId: joined.participantId,
        name: name.trim(),
        ...(joined.teamId ? { teamId: joined.teamId } : {}),
      };
      saveCredentials(joined.sessionId, credentials);
      navigate(landingPath(joined.sessionId, credentials, lookup.teams));
    } catch (caught) {
      setError(caught);
      setSubmitting(false);
    }
  };

  return (
    <Card>
      <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate>
        <TextField
          label={t('join.name')}
          placeholder={t('join.namePlaceholder')}
          autoComplete="name"
          maxLength={ApiLimits.nameMax}
          value={name}
          required
          onChange={(event) => setName(event.target.value)}
          error={showErrors ? nameError : null}
        />
        {needsTeam && (
          <fieldset className="fieldset" aria-describedby={showErrors && teamError ? 'join-team-error' : undefined}>
            <legend className="fieldset__legend">{t('join.pickTeam')}</legend>
            <div className="join__choices">
              {lookup.teams.map((team) => (
                <label key={team.teamId} className="choice">
                  <input
                    type="radio"
                    name="team"
                    value={team.teamId}
                    checked={teamId === team.teamId}
                    onChange={() => setTeamId(team.teamId)}
                  />
                  <span>{team.name}</span>
                </label>
              ))}
            </div>
            {showErrors && teamError && (
              <p id="join-team-error" className="field__error">
                {teamError}
              </p>
            )}
          </fieldset>
        )}
        {lookup.role === 'mentor' && lookup.teams.length > 0 && (
          <fieldset className="fieldset">
            <legend className="fieldset__legend">{t('join.pickTeams')}</legend>
            <div className="join__choices">
              {lookup.teams.map((team) => (
                <label key={team.teamId} className="choice">
                  <input
                    type="checkbox"
                    value={team.teamId}
                    checked={mentorOf.includes(team.teamId)}
                    onChange={(event) =>
                      setMentorOf((current) =>
                        event.target.checked ? [...current, team.teamId] : current.filter((id) => id !== team.teamId),
                      )
                    }
                  />
                  <span>{team.name}</span>
                </label>
              ))}
            </div>
          </fieldset>
        )}
        {error !== null && <Notice tone="error">{t(errorMessageKey(error))}</Notice>}
        <Button type="submit" size="lg" disabled={submitting}>
          {submitting ? t('join.submitting') : t('join.submit')}
        </Button>
      </form>
    </Card>
  );
}
