// The PDF render alone, for trying layout changes quickly (issue #7: PDF ≤ 3 s for the reference session):
//   node bench/export/pdfLayout.mjs [--runs=3] [--no-feedback] [--young=MB] [--dump=job.json]   (after building shared and server)
// Builds the reference session (10 teams × 200 notes × 20 initiatives, a review on every initiative and a few
// comment threads per team unless --no-feedback) in memory, rasterises its boards once, then times the PDF worker
// render `runs` times after a warm-up. Process CPU counts the worker threads too: unlike wall time, it does not grow
// when other processes share the cores, so it is the figure to compare changes by on a busy machine.
import * as Y from 'yjs';
import { seedSessionDoc, seedTeamDoc } from '@horizon/shared';
import { imageOfFutureTemplate } from '@horizon/shared/templates';
import { yearRangeOf } from '@horizon/shared/timemap';
import { writeDemoTeam } from '@horizon/server/dist/sessions/demoSession.js';
import { rasterizeBoard } from '@horizon/server/dist/export/boardPng.js';
import { L } from '@horizon/server/dist/export/labels.js';
import { buildReport } from '@horizon/server/dist/export/outline.js';
import { buildPdfJob } from '@horizon/server/dist/export/pdfDefinition.js';
import { buildExportModel } from '@horizon/server/dist/export/readModel.js';
import { RenderWorkers, robotoFiles } from '@horizon/server/dist/export/renderWorkers.js';
import { SHAPE, bigTeam, feedbackTargets, writeBigFeedback } from './bigSession.mjs';

const arg = (name, fallback) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const RUNS = arg('runs', 3);
const FEEDBACK = !process.argv.includes('--no-feedback');

const createdAt = new Date().toISOString();
const range = yearRangeOf({ createdAt, horizonYear: 2036 });
const sessionId = 'benchpdf';
const teams = Array.from({ length: SHAPE.teams }, (_, i) => ({
  sessionId,
  teamId: `team${i}`,
  name: bigTeam(i).name,
  position: i,
}));
const sessionDoc = new Y.Doc();
seedSessionDoc(sessionDoc, {
  sessionId,
  title: 'Стратегическая сессия — 10 команд',
  horizonYear: 2036,
  startYear: range.startYear,
  createdAt,
  teams: teams.map((t) => ({ teamId: t.teamId, name: t.name })),
  templateId: imageOfFutureTemplate.id,
});
const teamDocs = new Map();
const participants = [];
for (const [i, team] of teams.entries()) {
  const doc = new Y.Doc();
  seedTeamDoc(doc, { sessionId, teamId: team.teamId, template: imageOfFutureTemplate, lang: 'ru' });
  const content = bigTeam(i);
  doc.transact(() => writeDemoTeam(doc, content, range, 'bench'), 'bench');
  teamDocs.set(team.teamId, doc);
  content.people.forEach((name, p) =>
    participants.push({
      participantId: `p${i}${p}`,
      sessionId,
      name,
      role: 'participant',
      teamId: team.teamId,
      createdAt,
    }),
  );
  participants.push({
    participantId: `m${i}`,
    sessionId,
    name: `Наставник ${i + 1}`,
    role: 'mentor',
    mentorOf: [team.teamId],
    createdAt,
  });
  if (FEEDBACK) writeBigFeedback(sessionDoc, team.teamId, feedbackTargets(doc), i);
}

const model = buildExportModel({
  session: {
    sessionId,
    title: 'Стратегическая сессия — 10 команд',
    horizonYear: 2036,
    createdAt,
    templateId: imageOfFutureTemplate.id,
  },
  teams,
  participants,
  sessionDoc,
  teamDocs,
  scope: { kind: 'session' },
});
const report = buildReport(model);
const fonts = Object.values(robotoFiles());
const images = report.blocks.filter((b) => b.kind === 'boardImage').map((b) => rasterizeBoard(b.printSvg, fonts));
const dump = process.argv.find((a) => a.startsWith('--dump='))?.split('=')[1];
if (dump) {
  // The job as the worker receives it, for profiling the layout in a plain process (`node --cpu-prof`).
  (await import('node:fs')).writeFileSync(
    dump,
    JSON.stringify(buildPdfJob(report, { page: L.page, of: L.of }, images)),
  );
  process.exit(0);
}
// --young=0: V8's default young generation; unset: the server's.
const young = arg('young', NaN);
const workers = new RenderWorkers(Number.isNaN(young) ? {} : { pdfYoungGenerationMb: young });
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const wall = [];
const cpu = [];
const build = [];
let bytes = 0;
let cold = null;
for (let i = 0; i <= RUNS; i++) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const job = buildPdfJob(report, { page: L.page, of: L.of }, images);
  const t1 = performance.now();
  const pdf = await workers.pdf(job);
  const t2 = performance.now();
  const c = process.cpuUsage(c0);
  bytes = pdf.byteLength;
  if (i === 0) {
    // The first render starts a thread: what the first PDF after an idle spell costs.
    cold = { wall: t2 - t0, cpu: (c.user + c.system) / 1000 };
    continue;
  }
  build.push(t1 - t0);
  wall.push(t2 - t0);
  cpu.push((c.user + c.system) / 1000);
}
const r = (n) => Math.round(n);
console.info(
  `pdf${FEEDBACK ? ' (with feedback)' : ''}${Number.isNaN(young) ? '' : `, young generation ${young || 'V8 default'} MB`}: ` +
    `first (new thread) wall ${r(cold.wall)} ms, CPU ${r(cold.cpu)} ms; then wall ${r(median(wall))} ms [${wall.map(r).join(', ')}], ` +
    `CPU ${r(median(cpu))} ms (min ${r(Math.min(...cpu))}) [${cpu.map(r).join(', ')}], definition ${r(median(build))} ms, ${r(bytes / 1024)} KB`,
);
await workers.close();
process.exit(0);
