import type { WorkspaceTab } from '@horizon/shared/templates';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Spinner } from '../../ui/Spinner';
import { BoardTab } from '../board/BoardTab';
import type { WorkspaceTabProps } from './types';

// The board opens first and must open fast; the tabs that carry the rich-text editor (Tiptap, ProseMirror) load
// on first visit, keeping them out of the board's first download.
const VisionTab = lazy(() => import('../vision/VisionTab').then((m) => ({ default: m.VisionTab })));
const TimeMapTab = lazy(() => import('../timemap/TimeMapTab').then((m) => ({ default: m.TimeMapTab })));
const InitiativesTab = lazy(() => import('../initiatives/InitiativesTab').then((m) => ({ default: m.InitiativesTab })));

function ActiveTab({ tab, ...props }: WorkspaceTabProps & { tab: WorkspaceTab }) {
  switch (tab) {
    case 'board':
      return <BoardTab {...props} />;
    case 'vision':
      return <VisionTab {...props} />;
    case 'timemap':
      return <TimeMapTab {...props} />;
    case 'initiatives':
      return <InitiativesTab {...props} />;
  }
}

/** Renders the active tab of a team workspace. */
export function WorkspaceTabView(props: WorkspaceTabProps & { tab: WorkspaceTab }) {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<Spinner label={t('app.loading')} />}>
      <ActiveTab {...props} />
    </Suspense>
  );
}
