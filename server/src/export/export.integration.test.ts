import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateSessionResponse, JoinResponse } from '@horizon/shared';
import { addNote, listNotes, listSections } from '@horizon/shared/board';
import { readInitiatives } from '@horizon/shared/initiatives';
import { api, connectClient, startTestServer, waitFor, waitForSynced } from '../testing/testServer.js';
import type { TestClient, TestServer } from '../testing/testServer.js';
import { parseCsv, pdfFonts, pdfText, unzipText, wordText, xmlProblem } from './fileChecks.js';
import type { ExportModel } from './model.js';

let server: TestServer;
let demo: CreateSessionResponse;
let participant: JoinResponse;
let mentor: JoinResponse;
let projector: JoinResponse;
const clients: TestClient[] = [];

async function join(code: string, name: string, extra: Record<string, unknown> = {}): Promise<JoinResponse> {
  const res = await api<JoinResponse>(server, 'POST', '/api/join', { code, name, ...extra });
  if (res.status !== 200) throw new Error(`join: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

function exportUrl(format: string, team?: string, sessionId = demo.sessionId): string {
  return `/api/sessions/${sessionId}/export?format=${format}${team ? `&team=${team}` : ''}`;
}

async function download(url: string, token?: string) {
  const response = await fetch(server.baseUrl + url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
}

beforeAll(async () => {
  server = await startTestServer();
  const res = await api<CreateSessionResponse>(server, 'POST', '/api/sessions/demo');
  demo = res.body;
  const codes = await api<{ codes: { participant: string; mentor: string; projector: string } }>(
    server,
    'GET',
    `/api/sessions/${demo.sessionId}`,
    undefined,
    demo.facilitatorToken,
  );
  participant = await join(codes.body.codes.participant, 'Участник', { teamId: demo.teams[0]!.teamId });
  mentor = await join(codes.body.codes.mentor, 'Наставник', { teamIds: [demo.teams[1]!.teamId] });
  projector = await join(codes.body.codes.projector, 'Проектор');
});

afterAll(async () => {
  clients.splice(0).forEach((c) => c.destroy());
  await server?.close();
});

describe('GET /api/sessions/:id/export', () => {
  it('gives the facilitator a Word file of the whole demo session', async () => {
    const started = performance.now();
    const { response, bytes } = await download(exportUrl('docx'), demo.facilitatorToken);
    const elapsed = performance.now() - started;
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    const disposition = response.headers.get('content-disposition') ?? '';
    expect(disposition).toContain('filename="kadrovyy-brend-samarskoy-oblasti-2036-demo.docx"');
    expect(decodeURIComponent(disposition.split("filename*=UTF-8''")[1]!)).toBe(
      'Кадровый бренд Самарской области — 2036 (демо).docx',
    );
    const parts = unzipText(bytes);
    for (const [name, xml] of parts) expect(xmlProblem(xml), name).toBeNull();
    const text = wordText(parts.get('word/document.xml')!);
    expect(text).toContain('Кадровый бренд Самарской области — 2036 (демо)');
    expect(text).toContain('Команда «Жигули»');
    expect(text).toContain('Летние школы профессий');
    expect(text).toContain('Анна Петрова');
    console.info(`demo DOCX: ${bytes.byteLength} bytes in ${elapsed.toFixed(0)} ms`);
  });

  it('renders the demo as a PDF with embedded fonts', async () => {
    const started = performance.now();
    const { response, bytes } = await download(exportUrl('pdf'), demo.facilitatorToken);
    const elapsed = performance.now() - started;
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const text = pdfText(bytes).replace(/[\s\u00a0]+/g, ' ');
    expect(text).toContain('Кадровый бренд Самарской области — 2036 (демо)');
    expect(text).toContain('12 000 000 ₽');
    expect(pdfFonts(bytes).every((f) => f.embedded)).toBe(true);
    console.info(`demo PDF: ${bytes.byteLength} bytes in ${elapsed.toFixed(0)} ms`);
  });

  it('exports JSON that re-imports to what the rooms hold, including edits not yet compacted', async () => {
    const teamId = demo.teams[0]!.teamId;
    const client = connectClient(server.wsUrl, demo.rooms.teams[teamId]!, demo.facilitatorToken);
    clients.push(client);
    await waitForSynced(client);
    const section = listSections(client.doc)[0]!;
    addNote(
      client.doc,
      { x: section.x + 10, y: section.y + 300, text: 'Свежая заметка', authorId: 'f', authorName: 'Ф' },
      'test',
    );
    await waitFor(
      () =>
        !!server.rooms.peek(demo.rooms.teams[teamId]!)?.doc &&
        listNotes(server.rooms.peek(demo.rooms.teams[teamId]!)!.doc).some((n) => n.text === 'Свежая заметка'),
    );

    const { response, bytes } = await download(exportUrl('json'), demo.facilitatorToken);
    expect(response.status).toBe(200);
    const model = JSON.parse(new TextDecoder().decode(bytes)) as ExportModel;
    expect(model.format).toBe('horizon-session');
    const exported = model.teams.find((t) => t.teamId === teamId)!;
    expect(exported.board.notes.map((n) => n.text).sort()).toEqual(
      listNotes(client.doc)
        .map((n) => n.text)
        .sort(),
    );
    expect(exported.initiatives.map((i) => i.title)).toEqual(readInitiatives(client.doc).map((i) => i.title));
    // The other team's room was never loaded: it is read from the store.
    expect(model.teams.find((t) => t.teamId === demo.teams[1]!.teamId)!.initiatives.length).toBeGreaterThan(0);
  });

  it('serves Markdown, HTML and CSV', async () => {
    const md = await download(exportUrl('md'), demo.facilitatorToken);
    expect(md.response.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(new TextDecoder().decode(md.bytes)).toContain('Самарская область в 2036 году');
    const html = await download(exportUrl('html'), demo.facilitatorToken);
    expect(html.response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html.response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(new TextDecoder().decode(html.bytes)).not.toContain('<script');
    const csv = await download(exportUrl('csv'), demo.facilitatorToken);
    const rows = parseCsv(new TextDecoder().decode(csv.bytes).replace(/^\uFEFF/, ''));
    expect(rows.some((row) => row.includes('Карьерный портал «Работа в Самарской области»'))).toBe(true);
  });

  it('enforces rights per role', async () => {
    const own = demo.teams[0]!.teamId;
    const other = demo.teams[1]!.teamId;
    const status = async (url: string, token?: string) => (await download(url, token)).response.status;
    expect(await status(exportUrl('md'), demo.facilitatorToken)).toBe(200);
    expect(await status(exportUrl('md', other), demo.facilitatorToken)).toBe(200);
    expect(await status(exportUrl('md'), mentor.token)).toBe(200);
    expect(await status(exportUrl('md', own), mentor.token)).toBe(200);
    expect(await status(exportUrl('md', own), participant.token)).toBe(200);
    expect(await status(exportUrl('md'), participant.token)).toBe(403);
    expect(await status(exportUrl('md', other), participant.token)).toBe(403);
    expect(await status(exportUrl('md'), projector.token)).toBe(403);
    expect(await status(exportUrl('md', own), projector.token)).toBe(403);
    expect(await status(exportUrl('md'))).toBe(401);
    expect(await status(exportUrl('md'), 'forged.token')).toBe(401);
    expect(await status(exportUrl('exe'), demo.facilitatorToken)).toBe(400);
    expect(await status(`/api/sessions/${demo.sessionId}/export`, demo.facilitatorToken)).toBe(400);
    expect(await status(exportUrl('md', 'nosuchteam'), demo.facilitatorToken)).toBe(404);
  });

  it('starts render threads ahead of an export for anyone who may export', async () => {
    const prepare = async (format: string, token?: string, sessionId = demo.sessionId) =>
      (
        await fetch(`${server.baseUrl}/api/sessions/${sessionId}/export/prepare?format=${format}`, {
          method: 'POST',
          headers: token ? { authorization: `Bearer ${token}` } : {},
        })
      ).status;
    expect(await prepare('docx', demo.facilitatorToken)).toBe(204);
    expect(await prepare('pdf', participant.token)).toBe(204);
    expect(await prepare('pdf', mentor.token)).toBe(204);
    expect(await prepare('pdf', projector.token)).toBe(403);
    expect(await prepare('docx')).toBe(401);
    expect(await prepare('md', demo.facilitatorToken)).toBe(400);
    expect(await prepare('docx', demo.facilitatorToken, 'othersession1')).toBe(403);
    // Still exports as before.
    expect((await download(exportUrl('docx'), demo.facilitatorToken)).response.status).toBe(200);
  });

  it('carries a mentor’s review and a comment thread posted through the API into DOCX, PDF and Markdown', async () => {
    const teamId = demo.teams[1]!.teamId;
    const json = await download(exportUrl('json', teamId), demo.facilitatorToken);
    const team = (JSON.parse(new TextDecoder().decode(json.bytes)) as ExportModel).teams[0]!;
    const initiative = team.initiatives[0]!;
    const note = team.board.notes[0]!;
    const base = `/api/sessions/${demo.sessionId}`;
    const reviewed = await api(
      server,
      'POST',
      `${base}/reviews`,
      {
        teamId,
        initiativeId: initiative.id,
        verdict: 'changesRequested',
        comment: 'Добавьте <b>показатели</b> на 2030 год',
      },
      mentor.token,
    );
    expect(reviewed.status).toBe(200);
    const thread = await api<{ threadId: string }>(
      server,
      'POST',
      `${base}/threads`,
      { teamId, target: { kind: 'note', id: note.id }, text: 'Что будет зимой?' },
      mentor.token,
    );
    expect(thread.status).toBe(201);
    const replied = await api(
      server,
      'POST',
      `${base}/threads/${thread.body.threadId}/replies`,
      { text: 'Каток' },
      demo.facilitatorToken,
    );
    expect(replied.status).toBe(201);

    const docx = await download(exportUrl('docx', teamId), demo.facilitatorToken);
    const word = wordText(unzipText(docx.bytes).get('word/document.xml')!);
    expect(word).toContain('Оценка наставника');
    expect(word).toMatch(
      /Нужны правки: Добавьте <b>показатели<\/b> на 2030 год — Наставник, \d\d\.\d\d\.\d{4}, \d\d:\d\d/,
    );
    expect(word).toContain('Наставник (наставник)');
    expect(word).toContain('Что будет зимой?');
    expect(word).toContain('Каток');

    const pdf = await download(exportUrl('pdf', teamId), demo.facilitatorToken);
    const text = pdfText(pdf.bytes).replace(/[\s\u00a0]+/g, ' ');
    expect(text).toContain('Оценка наставника');
    expect(text).toContain('Нужны правки: Добавьте <b>показатели</b> на 2030 год');
    expect(text).toContain('Что будет зимой?');

    const md = new TextDecoder().decode((await download(exportUrl('md', teamId), demo.facilitatorToken)).bytes);
    expect(md).toContain('Нужны правки: Добавьте &lt;b&gt;показатели&lt;/b&gt; на 2030 год');
    expect(md).toContain('Что будет зимой?');
    // The team report names the team's mentor.
    expect(md).toMatch(/\*\*Наставники\*\* \| Наставник \|/);
    const csv = parseCsv(
      new TextDecoder()
        .decode((await download(exportUrl('csv', teamId), demo.facilitatorToken)).bytes)
        .replace(/^\uFEFF/, ''),
    );
    expect(csv.find((row) => row[2] === initiative.title)?.[14]).toMatch(
      /^Нужны правки: Добавьте <b>показатели<\/b> на 2030 год/,
    );
  });

  it('gives a participant a report of their own team only', async () => {
    const own = demo.teams[0]!.teamId;
    const { response, bytes } = await download(exportUrl('json', own), participant.token);
    expect(response.status).toBe(200);
    const model = JSON.parse(new TextDecoder().decode(bytes)) as ExportModel;
    expect(model.scope).toEqual({ kind: 'team', teamId: own });
    expect(model.teams.map((t) => t.teamId)).toEqual([own]);
    expect(response.headers.get('content-disposition')).toContain(encodeURIComponent('Команда «Волга»'));
  });
});
