import type { Comment, CommentThread } from '@horizon/shared/feedback';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { CommentBox } from './CommentBox';
import { feedbackErrorKey } from './errorText';
import { replyToThread, resolveThread } from './feedbackApi';
import { formatCommentTime } from './formatTime';
import { useFeedbackAction } from './useFeedbackAction';

interface ThreadViewProps {
  thread: CommentThread;
  sessionId: string;
  token: string;
  canComment: boolean;
}

/** One thread: its comments, a reply box, and resolve / reopen. */
export function ThreadView({ thread, sessionId, token, canComment }: ThreadViewProps) {
  const { t } = useTranslation();
  const action = useFeedbackAction();
  const resolved = thread.resolved !== null;
  return (
    <article
      className={resolved ? 'fb-thread fb-thread--resolved' : 'fb-thread'}
      aria-label={t('mentoring.comments.thread')}
      data-thread-id={thread.id}
    >
      <ol className="fb-thread__comments">
        {thread.comments.map((comment) => (
          <CommentItem key={comment.id} comment={comment} />
        ))}
      </ol>
      {resolved && (
        <p className="fb-thread__resolved">{t('mentoring.comments.resolvedBy', { name: thread.resolved!.by })}</p>
      )}
      {canComment && (
        <div className="fb-thread__actions">
          <CommentBox
            label={t('mentoring.comments.replyLabel')}
            placeholder={t('mentoring.comments.replyPlaceholder')}
            submitLabel={t('mentoring.comments.reply')}
            busy={action.busy}
            onSubmit={(text) => action.run(() => replyToThread(sessionId, token, thread.id, text))}
          />
          <Button
            variant="secondary"
            size="sm"
            disabled={action.busy}
            onClick={() => void action.run(() => resolveThread(sessionId, token, thread.id, !resolved))}
          >
            {resolved ? t('mentoring.comments.reopen') : t('mentoring.comments.resolve')}
          </Button>
        </div>
      )}
      {action.error !== null && <Notice tone="error">{t(feedbackErrorKey(action.error))}</Notice>}
    </article>
  );
}

function CommentItem({ comment }: { comment: Comment }) {
  const { t, i18n } = useTranslation();
  const showRole = comment.role === 'mentor' || comment.role === 'facilitator';
  return (
    <li className="fb-comment">
      <p className="fb-comment__head">
        <span className="fb-comment__author">{comment.authorName}</span>
        {showRole && <span className={`fb-role fb-role--${comment.role}`}>{t(`mentoring.roles.${comment.role}`)}</span>}
        <time className="fb-comment__time" dateTime={new Date(comment.at).toISOString()}>
          {formatCommentTime(comment.at, i18n.language)}
        </time>
      </p>
      <p className="fb-comment__text">{comment.text}</p>
    </li>
  );
}
