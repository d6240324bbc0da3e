import { targetKey } from '@horizon/shared/feedback';
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useFeedbackScope } from './FeedbackContext';
import { SpeechBubble } from './NoteThreadBadge';

const noSubscription = () => () => {};

/** «Comments» for the one selected note, in the board's toolbar. Nothing when no single note is selected. */
export function NoteCommentsAction({ noteId, noteText }: { noteId: string | null; noteText: string }) {
  const { t } = useTranslation();
  const scope = useFeedbackScope();
  const key = noteId ? targetKey({ kind: 'note', id: noteId }) : '';
  const count = useSyncExternalStore(scope?.counts.subscribe ?? noSubscription, () => scope?.counts.get(key) ?? 0);
  if (!scope || !noteId) return null;
  return (
    <button
      type="button"
      className="btn btn--secondary btn--sm"
      title={t('mentoring.comments.openNote')}
      onClick={() => scope.openPanel({ kind: 'note', id: noteId, label: noteText })}
    >
      <SpeechBubble /> {t('mentoring.comments.open')}
      {count > 0 ? ` · ${count}` : ''}
    </button>
  );
}
