import type { WorkspaceTab } from '@horizon/shared/templates';
import { BoardTab } from '../board/BoardTab';
import { InitiativesTab } from '../initiatives/InitiativesTab';
import { TimeMapTab } from '../timemap/TimeMapTab';
import { VisionTab } from '../vision/VisionTab';
import type { WorkspaceTabProps } from './types';

/** Renders the active tab of a team workspace. */
export function WorkspaceTabView({ tab, ...props }: WorkspaceTabProps & { tab: WorkspaceTab }) {
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
