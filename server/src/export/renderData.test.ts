import { describe, expect, it } from 'vitest';
import { listNotes } from '@horizon/shared/board';
import { readInitiatives } from '@horizon/shared/initiatives';
import { exportFixture, FEEDBACK, fixtureSources, HOSTILE } from './exportFixture.js';
import { parseCsv } from './fileChecks.js';
import type { ExportModel } from './model.js';
import { buildExportModel } from './readModel.js';
import { CSV_HEADER, csvCell, renderCsv } from './renderCsv.js';
import { renderJson } from './renderJson.js';
import { cleanDeep } from './sanitize.js';

describe('JSON', () => {
  it('re-imports to the notes and initiatives the rooms hold', () => {
    const fixture = exportFixture();
    const parsed = JSON.parse(
      renderJson(buildExportModel(fixtureSources(fixture, { kind: 'session' }))),
    ) as ExportModel;
    expect(parsed.format).toBe('horizon-session');
    expect(parsed.version).toBe(2);
    for (const team of parsed.teams) {
      const doc = fixture.teamDocs.get(team.teamId)!;
      expect(team.board.notes.map(({ sectionId: _s, threads: _t, ...note }) => note)).toEqual(
        cleanDeep(listNotes(doc)),
      );
      expect(team.initiatives.map(({ description: _d, review: _r, threads: _t, ...initiative }) => initiative)).toEqual(
        cleanDeep(readInitiatives(doc)),
      );
    }
  });
});

describe('CSV', () => {
  const fixture = exportFixture();
  const csv = renderCsv(buildExportModel(fixtureSources(fixture, { kind: 'session' })));
  const rows = parseCsv(csv.replace(/^\uFEFF/, ''));

  it('parses back: a header and one row per step', () => {
    expect(rows[0]).toEqual([...CSV_HEADER]);
    const steps = fixture.teams.flatMap((t) =>
      readInitiatives(fixture.teamDocs.get(t.teamId)!).flatMap((i) => i.steps),
    );
    expect(rows.length - 1).toBe(steps.length);
    expect(rows.every((row) => row.length === CSV_HEADER.length)).toBe(true);
    const portal = rows.find((row) => row[2] === 'Карьерный портал «Работа в Самарской области»');
    expect(portal?.[10]).toBe('12000000');
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('has the latest review of each initiative', () => {
    const review = CSV_HEADER.indexOf('Оценка наставника');
    expect(review).toBe(14);
    expect(rows.find((row) => row[2] === 'Карьерный портал «Работа в Самарской области»')?.[review]).toBe(
      `Одобрено — ${FEEDBACK.mentor}, 27.11.2026, 11:30 (ранее оценок: 1)`,
    );
    expect(rows.find((row) => row[2] === 'Наставничество на производстве')?.[review]).toBe(
      `Нужны правки: ${FEEDBACK.changes} — ${FEEDBACK.mentor}, 27.11.2026, 10:30`,
    );
    expect(rows.find((row) => row[2] === 'Летние школы профессий')?.[review]).toBe('');
  });

  it('neutralises formulas', () => {
    const hostile = rows.find((row) => row[2]?.includes('HYPERLINK'));
    expect(hostile?.[2]).toBe(`'${HOSTILE.formula}`);
    expect(hostile?.[6]).toBe("'+7 (846) 000-00-00");
    expect(hostile?.[16]).toBe("'@SUM(1;2)");
    expect(hostile?.[19]).toBe("'-Гость");
    expect(csvCell('a,"b"\nc')).toBe('"a,""b""\nc"');
    expect(csvCell('=1+1')).toBe("'=1+1");
  });
});
