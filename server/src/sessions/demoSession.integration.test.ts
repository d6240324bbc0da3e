import { afterEach, describe, expect, it } from 'vitest';
import type { CreateSessionResponse, SessionView } from '@horizon/shared';
import { listLinks, listNotes, listSections } from '@horizon/shared/board';
import { readInitiatives } from '@horizon/shared/initiatives';
import { readTimeMap } from '@horizon/shared/timemap';
import { VISION_FIELD } from '@horizon/shared/vision';
import { api, connectClient, startTestServer, waitForSynced } from '../testing/testServer.js';
import type { TestClient, TestServer } from '../testing/testServer.js';

let server: TestServer;
const clients: TestClient[] = [];
afterEach(async () => {
  clients.splice(0).forEach((c) => c.destroy());
  await server.close();
});

describe('the demo session', () => {
  it('is a real session whose teams already have a board, a vision, a time map and initiatives', async () => {
    server = await startTestServer();
    const res = await api<CreateSessionResponse>(server, 'POST', '/api/sessions/demo');
    expect(res.status).toBe(201);
    const demo = res.body;
    const view = await api<SessionView>(
      server,
      'GET',
      `/api/sessions/${demo.sessionId}`,
      undefined,
      demo.facilitatorToken,
    );
    expect(view.body.participants?.length).toBeGreaterThanOrEqual(4);

    for (const team of demo.teams) {
      const c = connectClient(server.wsUrl, demo.rooms.teams[team.teamId]!, demo.facilitatorToken);
      clients.push(c);
      await waitForSynced(c);
      const notes = listNotes(c.doc);
      expect(notes.length).toBeGreaterThanOrEqual(8);
      // Every note sits inside one of the template's sections.
      const sections = listSections(c.doc);
      for (const note of notes) {
        expect(sections.some((s) => note.x >= s.x && note.y >= s.y && note.x < s.x + s.w && note.y < s.y + s.h)).toBe(
          true,
        );
      }
      expect(listLinks(c.doc).length).toBeGreaterThanOrEqual(1);
      expect(c.doc.getXmlFragment(VISION_FIELD).toString()).toContain('2036');
      expect(readTimeMap(c.doc).cards.length).toBeGreaterThanOrEqual(4);
      const initiatives = readInitiatives(c.doc);
      expect(initiatives.length).toBeGreaterThanOrEqual(1);
      expect(initiatives[0]!.steps.length).toBeGreaterThanOrEqual(2);
      expect(initiatives[0]!.indicators.length).toBe(1);
    }
  });
});
