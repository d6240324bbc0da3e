import type { WorkspaceTabProps } from '../workspace/types';

/** The Initiatives tab of a team workspace. */
export function InitiativesTab(_props: WorkspaceTabProps) {
  return <div className="workspace__placeholder" />;
}
