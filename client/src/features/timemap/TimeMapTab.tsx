import type { WorkspaceTabProps } from '../workspace/types';

/** The Time map tab of a team workspace. */
export function TimeMapTab(_props: WorkspaceTabProps) {
  return <div className="workspace__placeholder" />;
}
