import type { SessionView } from '@horizon/shared';
import type { PresenceUser } from '../../collab/presence';
import type { RoomConnection } from '../../collab/RoomConnection';

/** What every workspace tab gets: the team room (its doc and awareness), who is looking, and whether they may edit. */
export interface WorkspaceTabProps {
  /** The team room: `connection.doc` is the team's Y.Doc, `connection.provider.awareness` its presence. */
  connection: RoomConnection;
  view: SessionView;
  teamId: string;
  me: PresenceUser;
  /** False for projectors, other teams' participants, and mentors of other teams: the server refuses their writes. */
  canWrite: boolean;
}
