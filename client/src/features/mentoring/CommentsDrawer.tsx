import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CommentThreads } from './CommentThreads';
import type { FeedbackScope, PanelTarget } from './FeedbackContext';
import './mentoring.css';

interface CommentsDrawerProps {
  scope: FeedbackScope;
  target: PanelTarget;
  onClose: () => void;
}

/** The comments of one note, in a panel at the side of the board (the whole width on a phone). Escape closes it. */
export function CommentsDrawer({ scope, target, onClose }: CommentsDrawerProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const closeRef = useRef<HTMLButtonElement>(null);
  // Focus moves into the panel when it opens for a target, not on every re-render while someone types in it.
  useEffect(() => closeRef.current?.focus(), [target.kind, target.id]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const summary = target.label.trim().slice(0, 80);
  return (
    <aside className="fb-drawer" aria-labelledby={headingId} data-testid="comments-panel">
      <header className="fb-drawer__head">
        <div>
          <h2 id={headingId} className="fb-drawer__title">
            {t('mentoring.comments.title')}
          </h2>
          {summary && (
            <p className="fb-drawer__subject">
              {target.kind === 'note'
                ? t('mentoring.comments.noteTitle', { text: summary })
                : t('mentoring.comments.initiativeTitle')}
            </p>
          )}
        </div>
        <button
          ref={closeRef}
          type="button"
          className="btn btn--ghost btn--sm fb-drawer__close"
          aria-label={t('mentoring.comments.close')}
          title={t('mentoring.comments.close')}
          onClick={onClose}
        >
          ✕
        </button>
      </header>
      <div className="fb-drawer__body">
        <CommentThreads
          sessionId={scope.sessionId}
          token={scope.token}
          teamId={scope.teamId}
          you={scope.you}
          sessionDoc={scope.sessionDoc}
          target={{ kind: target.kind, id: target.id }}
        />
      </div>
    </aside>
  );
}
