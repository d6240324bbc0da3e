import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateSessionResponse, JoinResponse } from '@horizon/shared';
import { api, startTestServer } from '../testing/testServer.js';
import type { TestServer } from '../testing/testServer.js';
import { unzipText, wordText } from './fileChecks.js';
import type { ExportModel } from './model.js';
import { pngSize } from './pngEncode.js';

let server: TestServer;
let demo: CreateSessionResponse;
let participant: JoinResponse;
let projector: JoinResponse;

async function join(code: string, name: string, extra: Record<string, unknown> = {}): Promise<JoinResponse> {
  const res = await api<JoinResponse>(server, 'POST', '/api/join', { code, name, ...extra });
  if (res.status !== 200) throw new Error(`join: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

async function download(query: string, token?: string) {
  const response = await fetch(`${server.baseUrl}/api/sessions/${demo.sessionId}/export?${query}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
}

beforeAll(async () => {
  server = await startTestServer();
  demo = (await api<CreateSessionResponse>(server, 'POST', '/api/sessions/demo')).body;
  participant = await join(demo.codes.participant, 'Участник', { teamId: demo.teams[0]!.teamId });
  projector = await join(demo.codes.projector, 'Проектор');
});

afterAll(async () => {
  await server?.close();
});

describe('board pictures and passports', () => {
  it('gives a team board as a real PNG', async () => {
    const team = demo.teams[0]!.teamId;
    const { response, bytes } = await download(`format=png&team=${team}`, participant.token);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('content-disposition')).toMatch(/\.png"/);
    const size = pngSize(bytes);
    expect(size?.width).toBe(1000);
    expect(size!.height).toBeGreaterThan(100);
  });

  it('gives a team board as a standalone SVG with its notes and no script', async () => {
    const team = demo.teams[0]!.teamId;
    const { response, bytes } = await download(`format=svg&team=${team}`, demo.facilitatorToken);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/svg+xml');
    const svg = new TextDecoder().decode(bytes);
    expect(svg.startsWith('<?xml')).toBe(true);
    expect(svg).toMatch(/<svg [^>]*width="1000" height="[\d.]+"/);
    expect(svg).not.toContain('<script');
  });

  it('refuses a picture without a team, of another team, or to the projector, and a bad format', async () => {
    const own = demo.teams[0]!.teamId;
    const other = demo.teams[1]!.teamId;
    const status = async (query: string, token?: string) => (await download(query, token)).response.status;
    expect(await status('format=png', demo.facilitatorToken)).toBe(400);
    expect(await status('format=svg', demo.facilitatorToken)).toBe(400);
    expect(await status(`format=png&team=${other}`, participant.token)).toBe(403);
    expect(await status(`format=png&team=${own}`, projector.token)).toBe(403);
    expect(await status(`format=png&team=${own}`)).toBe(401);
    expect(await status(`format=gif&team=${own}`, demo.facilitatorToken)).toBe(400);
  });

  it('puts each team board into the Word report as a picture', async () => {
    const { response, bytes } = await download('format=docx', demo.facilitatorToken);
    expect(response.status).toBe(200);
    const parts = unzipText(bytes);
    const files = unzipSync(bytes);
    const media = Object.keys(files).filter((name) => /^word\/media\/.+\.png$/.test(name));
    expect(media).toHaveLength(demo.teams.length);
    for (const name of media) expect(pngSize(files[name]!)?.width).toBe(1000);
    const rels = parts.get('word/_rels/document.xml.rels') ?? '';
    for (const name of media) expect(rels).toContain(`Target="${name.replace('word/', '')}"`);
    expect(parts.get('word/document.xml')).toContain('<w:drawing>');
  });

  it('renders one initiative passport as a Word file, with the rights of its team', async () => {
    const team = demo.teams[0]!.teamId;
    const model = JSON.parse(
      new TextDecoder().decode((await download(`format=json&team=${team}`, demo.facilitatorToken)).bytes),
    ) as ExportModel;
    const initiative = model.teams[0]!.initiatives[0]!;
    const { response, bytes } = await download(
      `format=docx&team=${team}&initiative=${initiative.id}`,
      participant.token,
    );
    expect(response.status).toBe(200);
    const text = wordText(unzipText(bytes).get('word/document.xml')!);
    expect(text).toContain('Паспорт инициативы');
    expect(text).toContain(initiative.title);
    expect(text).toContain(initiative.goal);
    // The rest of the team's report is not in it.
    expect(text).not.toContain(model.teams[0]!.initiatives[1]?.title ?? '\u0000');

    const status = async (query: string, token: string) => (await download(query, token)).response.status;
    const other = demo.teams[1]!.teamId;
    expect(await status(`format=docx&team=${other}&initiative=${initiative.id}`, participant.token)).toBe(403);
    expect(await status(`format=docx&team=${team}&initiative=${initiative.id}`, projector.token)).toBe(403);
    expect(await status(`format=docx&team=${team}&initiative=nosuchinitiative`, demo.facilitatorToken)).toBe(404);
    expect(await status(`format=docx&initiative=${initiative.id}`, demo.facilitatorToken)).toBe(400);
    expect(await status(`format=pdf&team=${team}&initiative=${initiative.id}`, demo.facilitatorToken)).toBe(400);
  });
});
