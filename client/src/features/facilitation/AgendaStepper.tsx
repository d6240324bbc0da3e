import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import type { Agenda } from '@horizon/shared/facilitation';
import type { CommandRunner } from './useCommand';

interface AgendaStepperProps {
  agenda: Agenda;
  commands: CommandRunner;
  /** How many teams marked the current stage done, shown above the steps: the cue to move on, never scrolled away. */
  ready?: { count: number; total: number };
}

/** The programme of the session as steps: the current one highlighted, any one a click away. */
export function AgendaStepper({ agenda, commands, ready }: AgendaStepperProps) {
  const { t } = useTranslation();
  const index = agenda.stages.findIndex((stage) => stage.id === agenda.currentStageId);
  const go = (stageId: string | undefined) => {
    if (stageId) void commands.run({ type: 'agenda.setStage', stageId });
  };
  return (
    <Card title={t('facilitation.agenda.title')} className="control__card">
      {agenda.stages.length === 0 ? (
        <p className="muted">{t('facilitation.agenda.empty')}</p>
      ) : (
        <>
          {ready && index >= 0 && (
            <p className="stepper__ready">
              <span
                className={ready.count === ready.total ? 'chip chip--success' : 'chip'}
                data-testid="agenda-ready"
                aria-live="polite"
              >
                {t('facilitation.agenda.ready', { ready: ready.count, total: ready.total })}
              </span>
            </p>
          )}
          <ol className="stepper" aria-label={t('facilitation.agenda.title')}>
            {agenda.stages.map((stage, position) => {
              const current = stage.id === agenda.currentStageId;
              const done = index >= 0 && position < index;
              return (
                <li key={stage.id}>
                  <button
                    type="button"
                    className={['stepper__step', current && 'stepper__step--current', done && 'stepper__step--done']
                      .filter(Boolean)
                      .join(' ')}
                    aria-current={current ? 'step' : undefined}
                    disabled={commands.busy}
                    onClick={() => go(stage.id)}
                  >
                    <span className="stepper__number" aria-hidden="true">
                      {position + 1}
                    </span>
                    <span className="stepper__text">
                      <span className="stepper__title">{stage.title}</span>
                      <span className="stepper__meta">
                        {t('facilitation.agenda.minutes', { count: stage.minutes })} ·{' '}
                        {t(`workspace.tabs.${stage.tab}`)}
                      </span>
                    </span>
                  </button>
                </li>
              );
            })}
          </ol>
          <div className="actions">
            <Button
              variant="secondary"
              size="sm"
              disabled={commands.busy || index <= 0}
              onClick={() => go(agenda.stages[index - 1]?.id)}
            >
              <span aria-hidden="true">←</span> {t('facilitation.agenda.previous')}
            </Button>
            <Button
              size="sm"
              disabled={commands.busy || index >= agenda.stages.length - 1}
              onClick={() => go(agenda.stages[index + 1]?.id)}
            >
              {t('facilitation.agenda.next')} <span aria-hidden="true">→</span>
            </Button>
          </div>
        </>
      )}
    </Card>
  );
}
