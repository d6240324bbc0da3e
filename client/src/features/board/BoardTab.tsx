import type { WorkspaceTabProps } from '../workspace/types';

/** The Board tab of a team workspace. */
export function BoardTab(_props: WorkspaceTabProps) {
  return <div className="workspace__placeholder" />;
}
