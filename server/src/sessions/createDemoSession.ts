/**
 * "Open a demo session": a real session, created like any other, with two teams that have already done a good
 * part of the work (board, vision, time map, initiatives), so a newcomer sees a full workspace at once.
 */
import { Origin, newId } from '@horizon/shared';
import type { CreateSessionResponse } from '@horizon/shared';
import { yearRangeOf } from '@horizon/shared/timemap';
import type { Store } from '../persistence/Store.js';
import { DEMO_TITLE, demoTeams } from './demoContent.js';
import { writeDemoTeam } from './demoSession.js';
import type { RoomWriter, SessionService } from './SessionService.js';

export async function createDemoSession(
  sessions: SessionService,
  store: Store,
  rooms: RoomWriter,
): Promise<CreateSessionResponse> {
  const created = await sessions.create({ title: DEMO_TITLE, horizonYear: 2036, teams: demoTeams.map((t) => t.name) });
  const range = yearRangeOf({ createdAt: new Date().toISOString(), horizonYear: 2036 });
  for (const [index, team] of demoTeams.entries()) {
    const teamId = created.teams[index]!.teamId;
    for (const name of team.people) {
      await store.addParticipant({
        participantId: newId(),
        sessionId: created.sessionId,
        name,
        role: 'participant',
        teamId,
        createdAt: new Date().toISOString(),
      });
    }
    await rooms.change({ kind: 'team', sessionId: created.sessionId, teamId }, Origin.server, (doc) =>
      writeDemoTeam(doc, team, range, Origin.server),
    );
  }
  return created;
}
