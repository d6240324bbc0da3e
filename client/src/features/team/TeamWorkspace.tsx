import { readSessionTeams, roomAccess, TEAM_COLORS, type SessionView, type TeamInfo } from '@horizon/shared';
import type { WorkspaceTab } from '@horizon/shared/templates';
import { useMemo, type CSSProperties } from 'react';
import type { SessionCredentials } from '../../app/credentials';
import { tokenClaims } from '../../collab/tokenIdentity';
import { useConnectionState, useDocValue, useLocalPresence, useLocalView, usePeers, useRoom } from '../../collab/hooks';
import { colorFor, type PresenceUser } from '../../collab/presence';
import { SessionBar } from '../facilitation/SessionBar';
import { useTeamLocked } from '../facilitation/useSessionState';
import { FeedbackProvider } from '../mentoring/FeedbackContext';
import { WorkspaceTabsNav } from '../workspace/WorkspaceTabsNav';
import { WorkspaceTabView } from '../workspace/WorkspaceTabView';
import { TeamHeader } from './TeamHeader';
import { useFollowTeamMove } from './useFollowTeamMove';

interface TeamWorkspaceProps {
  view: SessionView;
  team: TeamInfo;
  room: string;
  credentials: SessionCredentials;
  tab: WorkspaceTab;
  /** The view came from this browser's cache because the server could not be reached. */
  offlineView: boolean;
}

/**
 * The team's workspace: a compact header (team, motto, who is here, connection) over the tabs, which get the rest
 * of the screen. The session room gives the team's colour and tells a moved participant where to go.
 */
export function TeamWorkspace({ view, team, room, credentials, tab, offlineView }: TeamWorkspaceProps) {
  const { token } = credentials;
  const connection = useRoom(room, token);
  const sessionConnection = useRoom(view.rooms.session, token);
  const connectionState = useConnectionState(connection);
  const peers = usePeers(connection);
  const sessionTeams = useDocValue(sessionConnection?.doc, readSessionTeams, NO_TEAMS);
  const locked = useTeamLocked(sessionConnection?.doc, team.teamId);

  const { you } = view;
  const me = useMemo<PresenceUser>(
    () => ({ name: you.name, color: colorFor(you.participantId), participantId: you.participantId, role: you.role }),
    [you.name, you.participantId, you.role],
  );
  useLocalPresence(connection, me);
  useLocalView(connection, { tab });
  useFollowTeamMove({
    sessionDoc: sessionConnection?.doc,
    credentials,
    sessionId: view.sessionId,
    teamId: team.teamId,
    tab,
  });

  // A locked room is read-only on the server for everyone but the facilitator; the screen says so before a refusal.
  const writable = canWrite(view, credentials, team.teamId) && !(locked && view.you.role !== 'facilitator');
  const fromDoc = sessionTeams.find((candidate) => candidate.teamId === team.teamId);
  const position = view.teams.findIndex((candidate) => candidate.teamId === team.teamId);
  const color = fromDoc?.color ?? TEAM_COLORS[Math.max(0, position) % TEAM_COLORS.length]!;

  return (
    <div className="team" style={{ '--team-color': color } as CSSProperties}>
      <TeamHeader
        view={view}
        teamName={fromDoc?.name || team.name}
        connection={connection}
        connectionState={connectionState}
        peers={peers}
        canWrite={writable}
        offlineView={offlineView}
      />
      <SessionBar view={view} token={token} teamId={team.teamId} tab={tab} sessionDoc={sessionConnection?.doc} />
      <WorkspaceTabsNav sessionId={view.sessionId} teamId={team.teamId} active={tab} />
      <FeedbackProvider view={view} token={token} teamId={team.teamId} sessionDoc={sessionConnection?.doc}>
        <div className="team__body">
          {connection && (
            <WorkspaceTabView
              tab={tab}
              connection={connection}
              view={view}
              teamId={team.teamId}
              me={me}
              canWrite={writable}
            />
          )}
        </div>
      </FeedbackProvider>
    </div>
  );
}

const NO_TEAMS: ReturnType<typeof readSessionTeams> = [];

/**
 * The same rule the server enforces on the socket (shared `roomAccess`), applied to what the token says, so the
 * screen never offers an edit the server would refuse (a moved participant's old token still names the old team).
 */
function canWrite(view: SessionView, credentials: SessionCredentials, teamId: string): boolean {
  const { you } = view;
  const teamInToken = tokenClaims(credentials.token)?.teamId;
  const claims = {
    v: 1,
    sessionId: view.sessionId,
    exp: 0,
    ...you,
    ...(teamInToken ? { teamId: teamInToken } : {}),
  } as const;
  return roomAccess(claims, { kind: 'team', sessionId: view.sessionId, teamId }) === 'write';
}
