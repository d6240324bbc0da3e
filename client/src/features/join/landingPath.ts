import type { SessionCredentials } from '../../app/credentials';
import { paths } from '../../app/routes';

/** Where a person lands after joining (or continuing): their team, or the first team for the roles without one. */
export function landingPath(sessionId: string, credentials: SessionCredentials, teams: { teamId: string }[]): string {
  if (credentials.role === 'facilitator') return paths.lobby(sessionId);
  const teamId = credentials.teamId ?? teams[0]?.teamId;
  return teamId ? paths.team(sessionId, teamId) : paths.home();
}
