/**
 * A mentor chooses the teams they mentor. The store's record changes, then the mentor gets a token built from it
 * (the same renewal every client uses), because rights on team rooms travel in the token.
 */
import type { RefreshTokenResponse, TokenClaims } from '@horizon/shared';
import { HttpError } from '../errors.js';
import type { Store } from '../persistence/Store.js';

export interface MentoringDeps {
  store: Store;
  /** SessionService.refreshToken: a new token from the participant's current record. */
  refreshToken(token: string): Promise<RefreshTokenResponse>;
}

export class MentoringService {
  constructor(private readonly deps: MentoringDeps) {}

  async setTeams(
    sessionId: string,
    claims: TokenClaims,
    token: string,
    teamIds: readonly string[],
  ): Promise<RefreshTokenResponse> {
    if (claims.sessionId !== sessionId) throw new HttpError('forbidden', 'This token belongs to another session.');
    if (claims.role !== 'mentor') throw new HttpError('forbidden', 'Only mentors choose the teams they mentor.');
    if (!(await this.deps.store.getSession(sessionId))) throw new HttpError('notFound', 'No such session.');
    const known = new Set((await this.deps.store.listTeams(sessionId)).map((t) => t.teamId));
    const unknown = teamIds.find((id) => !known.has(id));
    if (unknown) throw new HttpError('notFound', `This session has no team "${unknown}".`);
    const updated = await this.deps.store.setMentorOf(sessionId, claims.participantId, [...new Set(teamIds)]);
    if (!updated) throw new HttpError('unauthorized', 'This participant is no longer part of the session.');
    return this.deps.refreshToken(token);
  }
}
