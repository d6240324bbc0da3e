import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateSessionResponse } from '@horizon/shared';
import { api, startTestServer } from '../testing/testServer.js';
import type { TestServer } from '../testing/testServer.js';
import type { ExportModel, ExportTeam } from './model.js';

let server: TestServer;
let demo: CreateSessionResponse;

async function exportJson(sessionId: string, token: string): Promise<ExportModel> {
  const response = await fetch(`${server.baseUrl}/api/sessions/${sessionId}/export?format=json`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as ExportModel;
}

function importBody(body: unknown) {
  return api<CreateSessionResponse & { message?: string }>(server, 'POST', '/api/sessions/import', body);
}

/** A team as people see it: texts and shapes, references by what they point at, no ids, authors' ids or dates. */
function comparable(team: ExportTeam) {
  const notes = new Map(team.board.notes.map((n) => [n.id, n.text]));
  const sections = new Map(team.board.sections.map((s) => [s.id, s.title]));
  const lanes = new Map(team.timeMap.lanes.map((l) => [l.id, l.title]));
  const cards = new Map(team.timeMap.cards.map((c) => [c.id, c.text]));
  return {
    name: team.name,
    motto: team.motto,
    sections: team.board.sections.map(({ title, color, x, y, w, h }) => ({ title, color, x, y, w, h })),
    notes: team.board.notes
      .map(({ text, x, y, w, h, color, authorName, reactions, sectionId }) => ({
        text,
        x,
        y,
        w,
        h,
        color,
        authorName,
        reactions,
        section: sectionId ? sections.get(sectionId) : null,
      }))
      .sort((a, b) => a.text.localeCompare(b.text) || a.x - b.x || a.y - b.y),
    links: team.board.links.map((l) => [notes.get(l.from), notes.get(l.to)]).sort(),
    vision: team.vision,
    years: team.timeMap.years,
    lanes: team.timeMap.lanes.map((l) => l.title),
    cards: team.timeMap.cards
      .map((c) => ({ lane: lanes.get(c.laneId), year: c.year, quarter: c.quarter, text: c.text }))
      .sort((a, b) => a.text.localeCompare(b.text)),
    cardLinks: team.timeMap.links.map((l) => [cards.get(l.from), cards.get(l.to)]).sort(),
    initiatives: team.initiatives.map((ini) => ({
      title: ini.title,
      problem: ini.problem,
      goal: ini.goal,
      owner: ini.owner,
      mentor: ini.mentor,
      curator: ini.curator,
      resources: ini.resources,
      risks: ini.risks,
      budget: ini.budget,
      status: ini.status,
      members: ini.members.map((m) => m.name),
      indicators: ini.indicators.map(({ id: _id, ...rest }) => rest),
      steps: ini.steps.map(({ id: _id, ...rest }) => rest),
      links: ini.links.map((l) => `${l.kind}:${(l.kind === 'note' ? notes : sections).get(l.id)}`),
      description: ini.description,
    })),
  };
}

function sessionCount(): number {
  const db = new Database(path.join(server.dataDir, 'horizon.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM sessions').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  server = await startTestServer();
  demo = (await api<CreateSessionResponse>(server, 'POST', '/api/sessions/demo')).body;
});

afterAll(async () => {
  await server?.close();
});

describe('POST /api/sessions/import', () => {
  it('re-imports a JSON export to the same data in a new session', async () => {
    const first = await exportJson(demo.sessionId, demo.facilitatorToken);
    const created = await importBody(first);
    expect(created.status).toBe(201);
    expect(created.body.sessionId).not.toBe(demo.sessionId);
    expect(created.body.facilitatorToken).toEqual(expect.any(String));
    expect(created.body.codes.participant).not.toBe(demo.codes.participant);
    expect(created.body.teams.map((t) => t.teamId)).not.toEqual(demo.teams.map((t) => t.teamId));

    const second = await exportJson(created.body.sessionId, created.body.facilitatorToken);
    expect(second.session.title).toBe(first.session.title);
    expect(second.session.horizonYear).toBe(first.session.horizonYear);
    expect(second.teams.map(comparable)).toEqual(first.teams.map(comparable));
    // New ids throughout: nothing of the old session is referenced.
    const oldIds = new Set(
      first.teams.flatMap((t) => [...t.board.notes.map((n) => n.id), ...t.initiatives.map((i) => i.id)]),
    );
    expect(second.teams.flatMap((t) => t.board.notes.map((n) => n.id)).some((id) => oldIds.has(id))).toBe(false);
  });

  it('refuses what is not an export it can read, with a message, and stores nothing', async () => {
    const good = await exportJson(demo.sessionId, demo.facilitatorToken);
    const before = sessionCount();
    const badStep = structuredClone(good);
    const initiative = badStep.teams[0]!.initiatives[0]!;
    initiative.steps[0] = { ...initiative.steps[0]!, start: '2030-05-01', end: '2030-01-01' };
    const bodies: unknown[] = [
      null,
      'text',
      { ...good, format: 'something-else' },
      { ...good, version: 99 },
      { ...good, teams: [] },
      { ...good, teams: [{ ...good.teams[0], board: { notes: 'many' } }] },
      { ...good, session: { ...good.session, horizonYear: 1812 } },
      badStep,
    ];
    for (const body of bodies) {
      const res = await importBody(body);
      expect(res.status, JSON.stringify(body)?.slice(0, 80)).toBe(400);
      expect(res.body?.message).toEqual(expect.any(String));
    }
    expect(sessionCount()).toBe(before);
    // The exported session itself is untouched.
    expect((await exportJson(demo.sessionId, demo.facilitatorToken)).teams.map(comparable)).toEqual(
      good.teams.map(comparable),
    );
  });
});
