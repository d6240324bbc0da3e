import type { TeamInfo } from '@horizon/shared';
import type { Locks } from '@horizon/shared/facilitation';
import { useTranslation } from 'react-i18next';
import { Card } from '../../ui/Card';
import type { CommandRunner } from './useCommand';

/** Closes editing for one team or for everyone; the server then refuses participants' writes to those rooms. */
export function LocksPanel({ locks, teams, commands }: { locks: Locks; teams: TeamInfo[]; commands: CommandRunner }) {
  const { t } = useTranslation();
  return (
    <Card title={t('facilitation.locks.title')} className="control__card">
      <ul className="locks">
        <li>
          <label className="locks__row locks__row--all">
            <input
              type="checkbox"
              role="switch"
              checked={locks.all}
              disabled={commands.busy}
              onChange={(event) => void commands.run({ type: 'lock.set', locked: event.target.checked })}
            />
            <span>{t('facilitation.locks.all')}</span>
          </label>
        </li>
        {teams.map((team) => {
          const locked = locks.all || locks.teams[team.teamId] === true;
          return (
            <li key={team.teamId}>
              <label className="locks__row">
                <input
                  type="checkbox"
                  role="switch"
                  checked={locked}
                  // Open while everyone is closed: unlocking one team lets it finish while the others stay closed.
                  disabled={commands.busy}
                  aria-label={t('facilitation.locks.team', { team: team.name })}
                  onChange={(event) =>
                    void commands.run({ type: 'lock.set', teamId: team.teamId, locked: event.target.checked })
                  }
                />
                <span aria-hidden="true">{team.name}</span>
                <span className={locked ? 'chip chip--warning' : 'chip'}>
                  {locked ? t('facilitation.locks.closed') : t('facilitation.locks.open')}
                </span>
              </label>
            </li>
          );
        })}
      </ul>
      <p className="muted locks__hint">{t('facilitation.locks.hint')}</p>
    </Card>
  );
}
