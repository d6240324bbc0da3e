/**
 * Tokens are stateless, but a team move takes effect on the socket at once: the old team's room closes the moved
 * participant's sockets with 4403 and refuses the old token; a renewed token opens the new team's room.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CloseCode } from '@horizon/shared';
import type { RefreshTokenResponse } from '@horizon/shared';
import {
  api,
  connectClient,
  connectRaw,
  createSession,
  startTestServer,
  waitForSynced,
} from '../testing/testServer.js';
import type { TestClient, TestServer } from '../testing/testServer.js';

let server: TestServer;
const clients: TestClient[] = [];
afterEach(async () => {
  clients.splice(0).forEach((c) => c.destroy());
  await server.close();
});

describe('a participant moved to another team', () => {
  it('loses write access to the old team at once, and the renewed token opens the new one', async () => {
    server = await startTestServer();
    const s = await createSession(server);
    const anna = await s.join('Анна', s.teamA);
    const oldRoom = anna.rooms.teams[s.teamA]!;
    const open = connectClient(server.wsUrl, oldRoom, anna.token);
    clients.push(open);
    await waitForSynced(open);
    const closed = new Promise<number>((resolve) =>
      open.provider.on('connection-close', (event: { code: number } | null) => resolve(event?.code ?? -1)),
    );

    const url = `/api/sessions/${s.created.sessionId}/participants/${anna.participantId}`;
    expect((await api(server, 'PATCH', url, { teamId: s.teamB }, s.created.facilitatorToken)).status).toBe(200);
    expect(await closed).toBe(CloseCode.forbidden);

    const again = connectRaw(server.wsUrl, oldRoom, anna.token);
    expect(await again.closed).toMatchObject({
      code: CloseCode.forbidden,
      reason: 'moved to another team; renew the token',
    });

    const renewed = await api<RefreshTokenResponse>(server, 'POST', '/api/token/refresh', undefined, anna.token);
    expect(renewed.body.teamId).toBe(s.teamB);
    const next = connectClient(server.wsUrl, anna.rooms.teams[s.teamB]!, renewed.body.token);
    clients.push(next);
    await waitForSynced(next);
    next.doc.getMap('notes').set('hello', 'from Anna');
    const check = connectClient(server.wsUrl, anna.rooms.teams[s.teamB]!, s.created.facilitatorToken);
    clients.push(check);
    await waitForSynced(check);
    expect(check.doc.getMap('notes').get('hello')).toBe('from Anna');
  });
});
