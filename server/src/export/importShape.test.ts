import { describe, expect, it } from 'vitest';
import { HttpError } from '../errors.js';
import { exportFixture, fixtureSources } from './exportFixture.js';
import { parseImport } from './importShape.js';
import { buildExportModel } from './readModel.js';

const model = JSON.parse(
  JSON.stringify(buildExportModel(fixtureSources(exportFixture(), { kind: 'session' }))),
) as Record<string, unknown>;

function refusal(body: unknown): string {
  try {
    parseImport(body);
  } catch (error) {
    expect(error).toBeInstanceOf(HttpError);
    return (error as HttpError).message;
  }
  throw new Error('accepted');
}

describe('import shape', () => {
  it('accepts an export as it was written', () => {
    expect(parseImport(model)).toBe(model);
  });

  it('still reads version 1 files, which had no reviews or threads', () => {
    const teams = (model.teams as Record<string, unknown>[]).map((team) => {
      const board = team.board as { notes: Record<string, unknown>[] };
      return {
        ...team,
        board: { ...board, notes: board.notes.map(({ threads: _t, ...note }) => note) },
        initiatives: (team.initiatives as Record<string, unknown>[]).map(
          ({ review: _r, threads: _t, ...initiative }) => initiative,
        ),
      };
    });
    const old = { ...model, version: 1, teams };
    expect(parseImport(old)).toBe(old);
  });

  it('names what is wrong with a file it cannot read', () => {
    expect(refusal([])).toMatch(/the body/);
    expect(refusal({ ...model, format: 'other' })).toMatch(/format/);
    expect(refusal({ ...model, version: 3 })).toMatch(/version/);
    expect(refusal({ ...model, teams: 'all' })).toMatch(/teams/);
    const teams = model.teams as Record<string, unknown>[];
    expect(
      refusal({ ...model, teams: [{ ...teams[0], board: { sections: [], notes: [{ id: 'n' }], links: [] } }] }),
    ).toMatch(/teams\[0\]\.board\.notes\[0\]/);
    expect(refusal({ ...model, teams: Array.from({ length: 31 }, () => teams[0]) })).toMatch(/more than 30/);
    expect(refusal({ ...model, teams: [{ ...teams[0], vision: { type: 'paragraph' } }] })).toMatch(/vision/);
  });
});
