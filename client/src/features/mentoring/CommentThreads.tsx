import type { SessionView } from '@horizon/shared';
import type { CommentTarget } from '@horizon/shared/feedback';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { Notice } from '../../ui/Notice';
import { CommentBox } from './CommentBox';
import { feedbackErrorKey } from './errorText';
import { createThread } from './feedbackApi';
import { mayComment } from './rights';
import { ThreadView } from './ThreadView';
import { useFeedbackAction } from './useFeedbackAction';
import { useTargetThreads } from './useFeedbackState';

interface CommentThreadsProps {
  sessionId: string;
  token: string;
  teamId: string;
  you: SessionView['you'];
  sessionDoc: Y.Doc | null;
  target: CommentTarget;
}

/** Every thread on one note or initiative: open ones first in full, resolved ones folded; and a new comment box. */
export function CommentThreads({ sessionId, token, teamId, you, sessionDoc, target }: CommentThreadsProps) {
  const { t } = useTranslation();
  const threads = useTargetThreads(sessionDoc, teamId, target);
  const [showResolved, setShowResolved] = useState(false);
  const action = useFeedbackAction();
  const canComment = mayComment(you, teamId);
  const open = threads.filter((thread) => thread.resolved === null);
  const resolved = threads.filter((thread) => thread.resolved !== null);

  return (
    <div className="fb-threads">
      {threads.length === 0 && <p className="muted">{t('mentoring.comments.none')}</p>}
      {open.map((thread) => (
        <ThreadView key={thread.id} thread={thread} sessionId={sessionId} token={token} canComment={canComment} />
      ))}
      {resolved.length > 0 && (
        <div className="fb-threads__resolved">
          <button
            type="button"
            className="btn btn--ghost btn--sm"
            aria-expanded={showResolved}
            onClick={() => setShowResolved((shown) => !shown)}
          >
            {t('mentoring.comments.resolvedCount', { count: resolved.length })} ·{' '}
            {showResolved ? t('mentoring.comments.hideResolved') : t('mentoring.comments.showResolved')}
          </button>
          {showResolved &&
            resolved.map((thread) => (
              <ThreadView key={thread.id} thread={thread} sessionId={sessionId} token={token} canComment={canComment} />
            ))}
        </div>
      )}
      {canComment ? (
        <div className="fb-threads__new">
          <CommentBox
            label={t('mentoring.comments.newThread')}
            placeholder={t('mentoring.comments.newPlaceholder')}
            submitLabel={t('mentoring.comments.send')}
            busy={action.busy}
            onSubmit={(text) => action.run(() => createThread(sessionId, token, teamId, target, text))}
          />
          {action.error !== null && <Notice tone="error">{t(feedbackErrorKey(action.error))}</Notice>}
        </div>
      ) : (
        <p className="muted fb-threads__readonly">{t('mentoring.comments.readOnly')}</p>
      )}
    </div>
  );
}
