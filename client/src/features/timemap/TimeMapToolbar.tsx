import { addLane, type Lane } from '@horizon/shared/timemap';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { Button } from '../../ui/Button';
import { issueMessage, tryWrite } from './issueMessages';

interface TimeMapToolbarProps {
  doc: Y.Doc;
  lanes: readonly Lane[];
  hiddenLanes: ReadonlySet<string>;
  onToggleLane: (laneId: string) => void;
  quarters: boolean;
  onQuartersChange: (quarters: boolean) => void;
  canWrite: boolean;
}

/** Lane filter chips, the quarter switch and "add lane". The filter is this viewer's own: others keep their view. */
export function TimeMapToolbar(props: TimeMapToolbarProps) {
  const { t } = useTranslation();
  const { lanes, hiddenLanes, onToggleLane, quarters, onQuartersChange, canWrite } = props;
  return (
    <div className="timemap__toolbar">
      <div className="timemap__filter" role="group" aria-label={t('timemap.lanesFilter')}>
        {lanes.map((lane) => (
          <button
            key={lane.id}
            type="button"
            className="hz-chip"
            aria-pressed={!hiddenLanes.has(lane.id)}
            onClick={() => onToggleLane(lane.id)}
          >
            {lane.title}
          </button>
        ))}
      </div>
      <label className="timemap__switch">
        <input type="checkbox" checked={quarters} onChange={(event) => onQuartersChange(event.target.checked)} />
        {t('timemap.quarters')}
      </label>
      {canWrite && <AddLane doc={props.doc} />}
    </div>
  );
}

function AddLane({ doc }: { doc: Y.Doc }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!open) {
    return (
      <Button variant="secondary" size="sm" onClick={() => setOpen(true)}>
        + {t('timemap.addLane')}
      </Button>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const issues = tryWrite(() => addLane(doc, title));
    const first = issues[0];
    if (first) {
      setError(issueMessage(t, first, { startYear: 0, endYear: 0 }));
      return;
    }
    setTitle('');
    setError(null);
    setOpen(false);
  };
  return (
    <form className="timemap__add-lane" onSubmit={submit}>
      <input
        className="field__input hz-input-sm"
        aria-label={t('timemap.newLaneTitle')}
        placeholder={t('timemap.newLaneTitle')}
        value={title}
        autoFocus
        aria-invalid={error ? true : undefined}
        onChange={(event) => setTitle(event.target.value)}
        onKeyDown={(event) => event.key === 'Escape' && setOpen(false)}
      />
      <Button type="submit" size="sm">
        {t('timemap.save')}
      </Button>
      <Button variant="ghost" size="sm" onClick={() => setOpen(false)}>
        {t('timemap.cancel')}
      </Button>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
