import { readParticipantTeam } from '@horizon/shared';
import type { WorkspaceTab } from '@horizon/shared/templates';
import { useCallback, useEffect, useRef } from 'react';
import type * as Y from 'yjs';
import type { SessionCredentials } from '../../app/credentials';
import { navigate } from '../../app/router';
import { paths } from '../../app/routes';
import { renewToken } from '../../app/tokenRenewal';
import { useDocValue } from '../../collab/hooks';
import { tokenClaims } from '../../collab/tokenIdentity';

interface FollowOptions {
  sessionDoc: Y.Doc | undefined;
  credentials: SessionCredentials;
  sessionId: string;
  teamId: string;
  tab: WorkspaceTab;
}

/**
 * When the facilitator moves this participant to another team, the session document says so at once: renew the
 * token (the new one names the new team and writes its room), then take the person to the new team's page, on the
 * same tab. A renewal made for any other reason (an expired token, a 4403 on reconnect) that brings a new team is
 * followed the same way.
 */
export function useFollowTeamMove({ sessionDoc, credentials, sessionId, teamId, tab }: FollowOptions): void {
  const participantId = credentials.role === 'participant' ? (credentials.participantId ?? null) : null;
  const readMove = useCallback(
    (doc: Y.Doc) => (participantId ? readParticipantTeam(doc, participantId) : null),
    [participantId],
  );
  const movedTo = useDocValue(sessionDoc, readMove, null);
  const { token } = credentials;
  const teamInToken = tokenClaims(token)?.teamId;

  useEffect(() => {
    if (movedTo && teamInToken && movedTo !== teamInToken) void renewToken(token).catch(() => null);
  }, [movedTo, teamInToken, token]);

  // Follow only a change of the person's own team, and only from the page of their old team: a participant who is
  // looking at another team's board (read-only) stays where they are.
  const previousTeam = useRef(credentials.teamId);
  useEffect(() => {
    const before = previousTeam.current;
    previousTeam.current = credentials.teamId;
    if (credentials.teamId && before && credentials.teamId !== before && before === teamId) {
      navigate(paths.team(sessionId, credentials.teamId, tab), { replace: true });
    }
  }, [credentials.teamId, sessionId, teamId, tab]);
}
