/**
 * Initiatives and their steps as one CSV table (RFC 4180: comma-separated, CRLF line ends, fields with a comma,
 * quote or line break quoted, quotes doubled): one row per step, the initiative's columns repeated on each, and one
 * row with empty step columns for an initiative without steps. The review column holds the latest verdict with its
 * comment, author and date (comment threads are discussions, not table data: they are in the other formats).
 *
 * Spreadsheets run a cell that starts with = + - @ (and tab or CR) as a formula: such cells get a leading apostrophe,
 * so a hostile `=HYPERLINK(…)` in a title stays text. A UTF-8 byte order mark lets Excel read the Cyrillic.
 */
import { reviewText } from './feedbackBlocks.js';
import { INITIATIVE_STATUS, L, STEP_STATUS } from './labels.js';
import type { ExportModel } from './model.js';

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const CSV_HEADER = [
  L.team,
  L.number,
  L.initiative,
  L.status,
  L.problem,
  L.goal,
  L.owner,
  L.mentor,
  L.curator,
  L.projectTeam,
  L.budget,
  L.indicators,
  L.resources,
  L.risks,
  L.review,
  `${L.step}: ${L.number}`,
  L.step,
  L.start,
  L.end,
  L.responsible,
  `${L.step}: ${L.status.toLowerCase()}`,
] as const;

export function renderCsv(model: ExportModel): string {
  const rows: string[][] = [[...CSV_HEADER]];
  for (const team of model.teams) {
    team.initiatives.forEach((ini, index) => {
      const indicators = ini.indicators
        .map((ind) => {
          const values = [ind.baseline, ind.target].map((v) => (v === null ? '?' : String(v))).join(' → ');
          return `${ind.name}${ind.unit ? `, ${ind.unit}` : ''}: ${values}${ind.year ? ` (${ind.year})` : ''}`;
        })
        .join('; ');
      const base = [
        team.name,
        String(index + 1),
        ini.title,
        INITIATIVE_STATUS[ini.status],
        ini.problem,
        ini.goal,
        ini.owner,
        ini.mentor,
        ini.curator,
        ini.members.map((m) => m.name).join(', '),
        ini.budget === null ? '' : String(ini.budget),
        indicators,
        ini.resources,
        ini.risks,
        reviewText(ini.review),
      ];
      if (ini.steps.length === 0) rows.push([...base, '', '', '', '', '', '']);
      ini.steps.forEach((step, i) =>
        rows.push([
          ...base,
          String(i + 1),
          step.title,
          step.start,
          step.end,
          step.responsible,
          STEP_STATUS[step.status],
        ]),
      );
    });
  }
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
