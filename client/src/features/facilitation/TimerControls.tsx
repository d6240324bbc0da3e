import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { FacilitationLimits, type TimerState } from '@horizon/shared/facilitation';
import { TimerDisplay } from './TimerDisplay';
import type { CommandRunner } from './useCommand';

const PRESETS = [5, 10, 15] as const;
const MAX_MINUTES = FacilitationLimits.timerMaxMs / 60_000;
const MIN_MINUTES = FacilitationLimits.timerMinMs / 60_000;

interface TimerControlsProps {
  timer: TimerState;
  offset: number;
  /** The current stage's planned minutes, offered first. */
  suggestedMinutes: number | null;
  commands: CommandRunner;
}

export function TimerControls({ timer, offset, suggestedMinutes, commands }: TimerControlsProps) {
  const { t } = useTranslation();
  const [minutes, setMinutes] = useState(() =>
    String(suggestedMinutes && suggestedMinutes <= MAX_MINUTES ? suggestedMinutes : 10),
  );
  const parsed = Number(minutes.replace(',', '.'));
  const valid = Number.isFinite(parsed) && parsed >= MIN_MINUTES && parsed <= MAX_MINUTES;
  const { busy, run } = commands;
  return (
    <Card title={t('facilitation.timer.title')} className="control__card">
      <TimerDisplay timer={timer} offset={offset} size="lg" />
      {timer.status === 'idle' ? (
        <form
          className="timer-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (valid) void run({ type: 'timer.start', durationMs: Math.round(parsed * 60_000) });
          }}
        >
          <div className="timer-form__presets" role="group" aria-label={t('facilitation.timer.presets')}>
            {PRESETS.map((preset) => (
              <Button
                key={preset}
                variant={String(preset) === minutes ? 'primary' : 'secondary'}
                size="sm"
                aria-pressed={String(preset) === minutes}
                onClick={() => setMinutes(String(preset))}
              >
                {t('facilitation.timer.preset', { count: preset })}
              </Button>
            ))}
          </div>
          <label className="timer-form__custom">
            <span>{t('facilitation.timer.minutes')}</span>
            <input
              className="field__input"
              type="number"
              inputMode="decimal"
              min={MIN_MINUTES}
              max={MAX_MINUTES}
              step="any"
              value={minutes}
              aria-invalid={valid ? undefined : true}
              onChange={(event) => setMinutes(event.target.value)}
            />
          </label>
          <Button type="submit" disabled={busy || !valid}>
            <span aria-hidden="true">▶</span> {t('facilitation.timer.start')}
          </Button>
        </form>
      ) : (
        <div className="actions">
          {timer.status === 'running' ? (
            <Button variant="secondary" disabled={busy} onClick={() => void run({ type: 'timer.pause' })}>
              <span aria-hidden="true">❚❚</span> {t('facilitation.timer.pause')}
            </Button>
          ) : (
            <Button disabled={busy} onClick={() => void run({ type: 'timer.resume' })}>
              <span aria-hidden="true">▶</span> {t('facilitation.timer.resume')}
            </Button>
          )}
          <Button variant="secondary" disabled={busy} onClick={() => void run({ type: 'timer.addMinute' })}>
            {t('facilitation.timer.addMinute')}
          </Button>
          <Button variant="danger" disabled={busy} onClick={() => void run({ type: 'timer.stop' })}>
            <span aria-hidden="true">■</span> {t('facilitation.timer.stop')}
          </Button>
        </div>
      )}
    </Card>
  );
}
