import type { WorkspaceTabProps } from '../workspace/types';

/** The Vision tab of a team workspace. */
export function VisionTab(_props: WorkspaceTabProps) {
  return <div className="workspace__placeholder" />;
}
