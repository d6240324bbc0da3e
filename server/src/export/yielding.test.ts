import { describe, expect, it } from 'vitest';
import { exportFixture, fixtureSources } from './exportFixture.js';
import type { ExportScope } from './model.js';
import { buildReport, reportSteps } from './outline.js';
import { buildExportModel, readExportTeam, readExportTeamSteps, sessionFrame } from './readModel.js';
import { htmlBodySteps, renderHtml } from './renderHtml.js';
import { renderJson, renderJsonSteps } from './renderJson.js';
import { markdownBodySteps, renderMarkdown } from './renderMarkdown.js';
import { parseReport, serializeReport } from './reportTransfer.js';
import { runInSlices } from './yielding.js';

// The exporter runs these steps in slices with the event loop turning in between; slices of 0 ms pause after every
// step, the most a pause could change anything.
const scopes: ExportScope[] = [{ kind: 'session' }, { kind: 'team', teamId: exportFixture().teams[0]!.teamId }];

describe.each(scopes)('sliced export work ($kind)', (scope) => {
  const fixture = exportFixture();
  const sources = fixtureSources(fixture, scope);
  const model = buildExportModel(sources);

  it('reads each team as readExportTeam does', async () => {
    const frame = sessionFrame(sources.session, sources.sessionDoc);
    for (const team of sources.teams) {
      const doc = sources.teamDocs.get(team.teamId)!;
      const sliced = await runInSlices(readExportTeamSteps(frame, team, doc, sources.participants), 0);
      const whole = readExportTeam(frame, team, doc, sources.participants);
      expect(JSON.stringify(sliced)).toBe(JSON.stringify(whole));
    }
  });

  it('builds the same report and writes the same text files', async () => {
    const report = buildReport(model);
    const sliced = await runInSlices(reportSteps(model), 0);
    expect(sliced).toEqual(report);
    expect(renderMarkdown(report, await runInSlices(markdownBodySteps(report.blocks), 0))).toBe(renderMarkdown(report));
    expect(renderHtml(report, await runInSlices(htmlBodySteps(report.blocks), 0))).toBe(renderHtml(report));
    expect(await runInSlices(renderJsonSteps(model), 0)).toBe(renderJson(model));
  });

  it('passes the report to a render thread unchanged', async () => {
    const report = buildReport(model);
    expect(parseReport(await serializeReport(report))).toEqual(report);
  });
});

it('writes a model without teams as renderJson does', async () => {
  const model = { ...buildExportModel(fixtureSources(exportFixture(), { kind: 'session' })), teams: [] };
  expect(await runInSlices(renderJsonSteps(model), 0)).toBe(renderJson(model));
});
