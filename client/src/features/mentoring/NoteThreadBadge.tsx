import { targetKey } from '@horizon/shared/feedback';
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useFeedbackScope } from './FeedbackContext';
import './mentoring.css';

const noSubscription = () => () => {};

/** The number of open threads on a note, in its corner; a click opens them. Nothing when there are none. */
export function NoteThreadBadge({ noteId, noteText }: { noteId: string; noteText: string }) {
  const { t } = useTranslation();
  const scope = useFeedbackScope();
  const key = targetKey({ kind: 'note', id: noteId });
  const count = useSyncExternalStore(scope?.counts.subscribe ?? noSubscription, () => scope?.counts.get(key) ?? 0);
  if (!scope || count === 0) return null;
  const label = t('mentoring.comments.badge', { count });
  return (
    <button
      type="button"
      className="fb-note-badge"
      aria-label={label}
      title={label}
      onClick={() => scope.openPanel({ kind: 'note', id: noteId, label: noteText })}
    >
      <SpeechBubble />
      {count}
    </button>
  );
}

/** Drawn, not an emoji: colour emoji are missing on many Linux machines and projectors' PCs. */
export function SpeechBubble() {
  return (
    <svg width="12" height="12" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d="M2 2h12a1 1 0 0 1 1 1v8a1 1 0 0 1-1 1H7l-4 3v-3H2a1 1 0 0 1-1-1V3a1 1 0 0 1 1-1z" fill="currentColor" />
    </svg>
  );
}
