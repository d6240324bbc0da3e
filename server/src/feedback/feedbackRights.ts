/**
 * Who may comment on and review a team's work. Decided from the participant's record in the store, not from the
 * token alone: a moved participant or a mentor who changed teams holds a token that still names the old teams.
 */
import type { ParticipantRecord } from '../persistence/Store.js';
import { HttpError } from '../errors.js';

export const PROJECTOR_REFUSAL = 'The projector only shows the session: it cannot comment, reply, resolve or review.';

/** Threads, replies and resolving: the facilitator, the team's participants and the team's mentors. */
export function requireMayComment(me: ParticipantRecord, teamId: string): void {
  switch (me.role) {
    case 'facilitator':
      return;
    case 'participant':
      if (me.teamId === teamId) return;
      throw new HttpError('forbidden', 'A participant comments only on the work of their own team.');
    case 'mentor':
      if (me.mentorOf?.includes(teamId)) return;
      throw new HttpError('forbidden', 'A mentor comments only on the teams they mentor; choose this team first.');
    case 'projector':
      throw new HttpError('forbidden', PROJECTOR_REFUSAL);
  }
}

/** Reviews: the facilitator and the team's mentors only; a team does not approve its own initiatives. */
export function requireMayReview(me: ParticipantRecord, teamId: string): void {
  switch (me.role) {
    case 'facilitator':
      return;
    case 'mentor':
      if (me.mentorOf?.includes(teamId)) return;
      throw new HttpError('forbidden', 'A mentor reviews only the initiatives of the teams they mentor.');
    case 'participant':
      throw new HttpError('forbidden', 'Only the facilitator and the team’s mentors review initiatives.');
    case 'projector':
      throw new HttpError('forbidden', PROJECTOR_REFUSAL);
  }
}
