import { ApiLimits } from '@horizon/shared';
import { DEFAULT_TEMPLATE_ID } from '@horizon/shared/templates';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { createSession, errorMessageKey } from '../../app/api';
import { saveCredentials } from '../../app/credentials';
import { navigate } from '../../app/router';
import { paths } from '../../app/routes';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { Notice } from '../../ui/Notice';
import { TextField } from '../../ui/TextField';
import { TemplatePicker } from './TemplatePicker';

const DEFAULT_HORIZON_YEAR = 2036;

interface TeamDraft {
  /** Stable React key and the number in the team's default name. */
  n: number;
  /** null while untouched: the default name follows the interface language. */
  name: string | null;
}

export function CreateSessionForm() {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [year, setYear] = useState(String(DEFAULT_HORIZON_YEAR));
  const [teams, setTeams] = useState<TeamDraft[]>([
    { n: 1, name: null },
    { n: 2, name: null },
  ]);
  const [templateId, setTemplateId] = useState<string>(DEFAULT_TEMPLATE_ID);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [showErrors, setShowErrors] = useState(false);

  const teamName = (team: TeamDraft) => team.name ?? t('home.defaultTeamName', { n: team.n });
  const yearNumber = Number(year);
  const titleError = title.trim().length === 0 ? t('errors.invalid') : null;
  const yearError =
    Number.isInteger(yearNumber) && yearNumber >= ApiLimits.horizonYearMin && yearNumber <= ApiLimits.horizonYearMax
      ? null
      : `${ApiLimits.horizonYearMin}–${ApiLimits.horizonYearMax}`;
  const teamsValid = teams.every((team) => teamName(team).trim().length > 0);

  const rename = (n: number, name: string) =>
    setTeams((current) => current.map((team) => (team.n === n ? { ...team, name } : team)));
  const remove = (n: number) => setTeams((current) => current.filter((team) => team.n !== n));
  /** Moves a team one place up (-1) or down (+1); the order is the order teams are shown everywhere. */
  const shift = (index: number, by: -1 | 1) =>
    setTeams((current) => {
      const target = index + by;
      if (target < 0 || target >= current.length) return current;
      const next = [...current];
      [next[index], next[target]] = [next[target]!, next[index]!];
      return next;
    });
  const add = () =>
    setTeams((current) => [...current, { n: Math.max(0, ...current.map((team) => team.n)) + 1, name: null }]);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (titleError || yearError || !teamsValid || teams.length === 0) {
      setShowErrors(true);
      return;
    }
    setSubmitting(true);
    setError(null);
    try {
      const created = await createSession({
        title: title.trim(),
        horizonYear: yearNumber,
        teams: teams.map((team) => teamName(team).trim()),
        templateId,
      });
      saveCredentials(created.sessionId, { token: created.facilitatorToken, role: 'facilitator' });
      navigate(paths.lobby(created.sessionId));
    } catch (caught) {
      setError(caught);
      setSubmitting(false);
    }
  };

  return (
    <Card title={t('home.createTitle')} lead={t('home.createLead')}>
      <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate>
        <TextField
          label={t('home.sessionTitle')}
          placeholder={t('home.sessionTitlePlaceholder')}
          value={title}
          maxLength={ApiLimits.titleMax}
          required
          onChange={(event) => setTitle(event.target.value)}
          error={showErrors ? titleError : null}
        />
        <TextField
          label={t('home.horizonYear')}
          type="number"
          inputMode="numeric"
          min={ApiLimits.horizonYearMin}
          max={ApiLimits.horizonYearMax}
          value={year}
          onChange={(event) => setYear(event.target.value)}
          error={showErrors ? yearError : null}
          className="form__year"
        />
        <fieldset className="fieldset">
          <legend className="fieldset__legend">
            {t('home.teams')} <span className="muted">· {t('home.teamsCount', { count: teams.length })}</span>
          </legend>
          <ol className="team-drafts">
            {teams.map((team, index) => (
              <li key={team.n} className="team-drafts__row">
                <TextField
                  label={t('home.teamName', { n: index + 1 })}
                  hideLabel
                  value={teamName(team)}
                  maxLength={ApiLimits.teamNameMax}
                  onChange={(event) => rename(team.n, event.target.value)}
                  error={showErrors && teamName(team).trim().length === 0 ? t('errors.invalid') : null}
                />
                <Button
                  variant="secondary"
                  aria-label={t('home.moveTeamUp', { n: index + 1 })}
                  title={t('home.moveTeamUp', { n: index + 1 })}
                  disabled={index === 0}
                  onClick={() => shift(index, -1)}
                >
                  <span aria-hidden="true">↑</span>
                </Button>
                <Button
                  variant="secondary"
                  aria-label={t('home.moveTeamDown', { n: index + 1 })}
                  title={t('home.moveTeamDown', { n: index + 1 })}
                  disabled={index === teams.length - 1}
                  onClick={() => shift(index, 1)}
                >
                  <span aria-hidden="true">↓</span>
                </Button>
                <Button
                  variant="danger"
                  aria-label={t('home.removeTeam', { n: index + 1 })}
                  title={t('home.removeTeam', { n: index + 1 })}
                  disabled={teams.length <= 1}
                  onClick={() => remove(team.n)}
                >
                  <span aria-hidden="true">×</span>
                </Button>
              </li>
            ))}
          </ol>
          <div>
            <Button variant="secondary" onClick={add} disabled={teams.length >= ApiLimits.teamsMax}>
              + {t('home.addTeam')}
            </Button>
          </div>
        </fieldset>
        <TemplatePicker value={templateId} onChange={setTemplateId} />
        {error !== null && <Notice tone="error">{t(errorMessageKey(error))}</Notice>}
        <Button type="submit" size="lg" disabled={submitting}>
          {submitting ? t('home.creating') : t('home.create')}
        </Button>
      </form>
    </Card>
  );
}
