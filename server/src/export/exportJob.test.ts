import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { exportFixture, fixtureSources, FIXTURE_CREATED_AT } from './exportFixture.js';
import type { ExportFixture } from './exportFixture.js';
import { readExportModel, runExportJob } from './exportJob.js';
import type { ExportInput } from './exportJob.js';
import type { ExportScope } from './model.js';
import { buildReport } from './outline.js';
import { buildPassportReport } from './passportReport.js';
import { buildExportModel } from './readModel.js';
import { renderCsv } from './renderCsv.js';
import { renderHtml } from './renderHtml.js';
import { renderJson } from './renderJson.js';
import { renderMarkdown } from './renderMarkdown.js';
import { parseReport } from './reportTransfer.js';

/** What `SessionExporter.collect` gathers: each room as one encoded state, or as `split` updates (a stored log). */
function inputOf(fixture: ExportFixture, scope: ExportScope, split = false): ExportInput {
  const { teams } = fixtureSources(fixture, scope);
  const state = (doc: Y.Doc): Uint8Array[] => {
    const whole = Y.encodeStateAsUpdate(doc);
    if (!split) return [whole];
    // A snapshot of an earlier state, then the rest as a log, as the store keeps a room that is not loaded.
    const earlier = new Y.Doc();
    const notes = Y.encodeStateAsUpdate(doc, Y.encodeStateVector(earlier));
    return [Y.encodeStateAsUpdate(earlier), notes];
  };
  return {
    session: fixture.session,
    teams: [...teams],
    participants: [...fixture.participants],
    sessionState: state(fixture.sessionDoc),
    teamStates: teams.map((team) => state(fixture.teamDocs.get(team.teamId)!)),
    scope,
    now: FIXTURE_CREATED_AT,
  };
}

const scopes: ExportScope[] = [{ kind: 'session' }, { kind: 'team', teamId: exportFixture().teams[0]!.teamId }];

describe.each(scopes)('the export thread’s job ($kind)', (scope) => {
  const fixture = exportFixture();
  const model = buildExportModel(fixtureSources(fixture, scope));

  it('reads the rooms’ bytes into the model the documents themselves give, from a state or a stored log', () => {
    expect(readExportModel(inputOf(fixture, scope))).toEqual(model);
    expect(readExportModel(inputOf(fixture, scope, true))).toEqual(model);
  });

  it('writes the text formats as the renderers do', () => {
    const input = inputOf(fixture, scope);
    const text = (format: 'md' | 'html' | 'json' | 'csv') => {
      const output = runExportJob({ input, format });
      return output.kind === 'text' ? output.text : null;
    };
    expect(text('md')).toBe(renderMarkdown(buildReport(model)));
    expect(text('html')).toBe(renderHtml(buildReport(model)));
    expect(text('json')).toBe(renderJson(model));
    expect(text('csv')).toBe(renderCsv(model));
  });

  it('hands Word and PDF the report with the board pictures it shows', () => {
    const output = runExportJob({ input: inputOf(fixture, scope), format: 'docx' });
    if (output.kind !== 'report') throw new Error(`expected a report, got ${output.kind}`);
    const report = buildReport(model);
    expect(parseReport(output.report)).toEqual(report);
    const boards = report.blocks.filter((block) => block.kind === 'boardImage');
    expect(boards.length).toBeGreaterThan(0);
    expect(output.boardSvgs).toEqual(boards.map((block) => block.printSvg));
    expect(output.names.title).toBe(model.session.title);
  });
});

describe('the export thread’s job for one team', () => {
  const fixture = exportFixture();
  const teamId = fixture.teams[0]!.teamId;
  const scope: ExportScope = { kind: 'team', teamId };
  const model = buildExportModel(fixtureSources(fixture, scope));

  it('gives an initiative’s passport, or says there is no such initiative', () => {
    const initiative = model.teams[0]!.initiatives[0]!;
    const output = runExportJob({ input: inputOf(fixture, scope), format: 'docx', initiative: initiative.id });
    if (output.kind !== 'report') throw new Error(`expected a report, got ${output.kind}`);
    expect(parseReport(output.report)).toEqual(buildPassportReport(model, initiative.id));
    expect(output.boardSvgs).toEqual([]);
    expect(runExportJob({ input: inputOf(fixture, scope), format: 'docx', initiative: 'nope' })).toEqual({
      kind: 'notFound',
      message: 'This team has no such initiative.',
    });
  });

  it('draws the team’s board for SVG and PNG', () => {
    const svg = runExportJob({ input: inputOf(fixture, scope), format: 'svg' });
    const png = runExportJob({ input: inputOf(fixture, scope), format: 'png' });
    expect(svg.kind === 'text' && svg.text.startsWith('<?xml')).toBe(true);
    expect(png.kind).toBe('picture');
    const viewBox = png.kind === 'picture' ? /viewBox="[^"]+"/.exec(png.svg)?.[0] : undefined;
    expect(viewBox && svg.kind === 'text' && svg.text.includes(viewBox)).toBe(true);
    expect(svg.kind === 'text' && svg.names.team).toBe(model.teams[0]!.name);
  });
});
