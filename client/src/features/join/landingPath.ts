import type { SessionCredentials } from '../../app/credentials';
import { paths } from '../../app/routes';

/**
 * Where a person lands after joining (or continuing): their team, the mentor's desk for a mentor, the projector's
 * screen for a projector.
 */
export function landingPath(sessionId: string, credentials: SessionCredentials, teams: { teamId: string }[]): string {
  if (credentials.role === 'facilitator') return paths.lobby(sessionId);
  if (credentials.role === 'projector') return paths.projector(sessionId);
  if (credentials.role === 'mentor') return paths.mentor(sessionId);
  const teamId = credentials.teamId ?? teams[0]?.teamId;
  return teamId ? paths.team(sessionId, teamId) : paths.home();
}
