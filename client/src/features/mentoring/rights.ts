/**
 * The server's feedback rules (server/src/feedback/feedbackRights.ts), applied to the session view so the screen
 * offers only what the server would accept. The server still decides: this only hides controls.
 */
import type { SessionView } from '@horizon/shared';

type You = SessionView['you'];

/** Threads, replies and resolving: the facilitator, the team's participants and the team's mentors. */
export function mayComment(you: You, teamId: string): boolean {
  if (you.role === 'facilitator') return true;
  if (you.role === 'participant') return you.teamId === teamId;
  if (you.role === 'mentor') return you.mentorOf?.includes(teamId) ?? false;
  return false;
}

/** Reviews: the facilitator and the team's mentors. */
export function mayReview(you: You, teamId: string): boolean {
  if (you.role === 'facilitator') return true;
  return you.role === 'mentor' && (you.mentorOf?.includes(teamId) ?? false);
}
