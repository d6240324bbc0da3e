import { EditorContent } from '@tiptap/react';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../app/router';
import { paths } from '../../app/routes';
import type { WorkspaceTabProps } from '../workspace/types';
import { useVisionEditor } from './useVisionEditor';
import { VisionToolbar } from './VisionToolbar';
import './vision.css';

/** The Vision tab: the team's vision of its region on the horizon, one document co-edited live. */
export function VisionTab({ connection, view, teamId, me, canWrite }: WorkspaceTabProps) {
  const { t } = useTranslation();
  const editor = useVisionEditor({
    doc: connection.doc,
    provider: connection.provider,
    me,
    canWrite,
    placeholder: t('vision.placeholder', { year: view.horizonYear }),
    label: t('vision.editorLabel'),
  });

  // A mention opens its note on the board.
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const mention = (event.target as Element).closest<HTMLElement>('[data-note-mention][data-note-id]');
    if (!mention) return;
    event.preventDefault();
    navigate(`${paths.team(view.sessionId, teamId, 'board')}#note-${mention.dataset.noteId}`);
  };

  return (
    <div className="vision">
      <p className="vision__lead muted">{t('vision.lead', { year: view.horizonYear })}</p>
      {editor && canWrite && <VisionToolbar editor={editor} doc={connection.doc} />}
      <div className="vision__paper" onClick={onClick}>
        <EditorContent editor={editor} />
      </div>
    </div>
  );
}
