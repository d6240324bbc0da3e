/**
 * The report's outline: what a session's outcome document says, in which order, with which Russian labels. One
 * outline for every paged and text format, so the DOCX, the PDF, the Markdown and the HTML never drift apart.
 */
import { REACTIONS } from '@horizon/shared/board';
import type { Initiative } from '@horizon/shared/initiatives';
import {
  INITIATIVE_STATUS,
  L,
  REACTION_LABEL,
  STEP_STATUS,
  formatClock,
  formatDateTime,
  formatDay,
  formatLongDate,
  formatNumber,
  formatRoubles,
  REPORT_TIME_ZONE,
} from './labels.js';
import { reviewText, reviewVerdict, threadList } from './feedbackBlocks.js';
import type { ExportInitiative, ExportModel, ExportNote, ExportTeam } from './model.js';
import type { Block, Report, Run } from './report.js';
import { renderBoardSvg } from './renderBoardSvg.js';
import { isRichTextEmpty, richTextBlocks } from './richText.js';

/** The report of a model. */
export function buildReport(model: ExportModel): Report {
  const teamScope = model.scope.kind === 'team';
  const { session } = model;
  const blocks: Block[] = [];

  if (model.agenda.stages.length > 0) {
    blocks.push({ kind: 'heading', level: 1, text: L.agenda }, agendaTable(model));
  }
  if (!teamScope) blocks.push(...teamsOverview(model.teams));

  model.teams.forEach((team) => {
    if (blocks.length > 0) blocks.push({ kind: 'pageBreak' });
    blocks.push(...teamPart(team, teamScope));
  });

  if (model.voting.length > 0) {
    blocks.push({ kind: 'pageBreak' }, { kind: 'heading', level: 1, text: L.voting });
    for (const round of model.voting) {
      blocks.push({ kind: 'heading', level: 2, text: round.title });
      const withTeams = round.results.some((r) => r.team);
      const withVoters = round.results.some((r) => r.voters?.length);
      blocks.push({
        kind: 'table',
        header: [L.number, L.option, ...(withTeams ? [L.team] : []), L.votes, ...(withVoters ? [L.voters] : [])],
        rows: round.results.map((r, i) => [
          String(i + 1),
          r.label,
          ...(withTeams ? [r.team ?? ''] : []),
          formatNumber(r.votes),
          ...(withVoters ? [(r.voters ?? []).join(', ')] : []),
        ]),
        widths: [1, 10, ...(withTeams ? [4] : []), 2, ...(withVoters ? [6] : [])],
      });
    }
  }

  const onlyTeam = teamScope ? model.teams[0] : undefined;
  return {
    title: session.title,
    subtitle: onlyTeam ? [L.teamReportKind, onlyTeam.name] : [L.reportKind],
    meta: [
      [L.date, formatLongDate(session.createdAt)],
      [L.horizon, String(session.horizonYear)],
      [L.period, `${session.startYear}–${session.horizonYear}`],
      [onlyTeam ? L.team : L.teams, model.teams.map((t) => t.name).join(', ') || L.nobody],
      [L.exported, formatDateTime(new Date(model.exportedAt))],
    ],
    blocks,
    lang: 'ru',
  };
}

function agendaTable(model: ExportModel): Block {
  const start = agendaStartMinutes(model.agenda.startsAt);
  let offset = 0;
  const rows = model.agenda.stages.map((stage, i) => {
    const from = offset;
    offset += stage.minutes;
    const time =
      start === null
        ? `+${formatClock(from)}–${formatClock(offset)}`
        : `${formatClock(start + from)}–${formatClock(start + offset)}`;
    return [String(i + 1), time, stage.title, String(stage.minutes)];
  });
  return {
    kind: 'table',
    header: [L.number, L.agendaTime, L.agendaStage, L.agendaMinutes],
    rows,
    widths: [1, 3, 10, 2],
  };
}

/** Minutes after midnight (Samara time) at which the agenda starts, from «HH:MM» or an ISO date-time. */
function agendaStartMinutes(startsAt: string | null): number | null {
  if (!startsAt) return null;
  const clock = /^(\d{1,2}):(\d{2})$/.exec(startsAt.trim());
  if (clock) return Number(clock[1]) * 60 + Number(clock[2]);
  const time = Date.parse(startsAt);
  if (!Number.isFinite(time)) return null;
  const parts = new Intl.DateTimeFormat('ru-RU', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: REPORT_TIME_ZONE,
  }).formatToParts(time);
  const hour = Number(parts.find((p) => p.type === 'hour')?.value);
  const minute = Number(parts.find((p) => p.type === 'minute')?.value);
  return Number.isFinite(hour) && Number.isFinite(minute) ? hour * 60 + minute : null;
}

function names(people: readonly { name: string }[]): string {
  return people.map((p) => p.name).join(', ') || L.nobody;
}

function teamsOverview(teams: readonly ExportTeam[]): Block[] {
  if (teams.length === 0) return [];
  return [
    { kind: 'heading', level: 1, text: L.teamsAndPeople },
    {
      kind: 'table',
      header: [L.team, L.participants, L.mentors],
      rows: teams.map((t) => [t.name, names(t.participants), names(t.mentors)]),
      widths: [3, 6, 4],
    },
  ];
}

/** One team's part of the report: its board with the picture, vision, time map and initiatives. */
export function teamPart(team: ExportTeam, teamScope: boolean): Block[] {
  const blocks: Block[] = [{ kind: 'heading', level: 1, text: team.name }];
  const fields: [string, string][] = [];
  if (team.motto.trim()) fields.push([L.motto, team.motto]);
  // The whole-session report lists people in its overview already; a team report has no overview.
  if (teamScope) fields.push([L.participants, names(team.participants)], [L.mentors, names(team.mentors)]);
  if (fields.length > 0) blocks.push({ kind: 'fields', rows: fields });

  blocks.push(...boardPart(team));
  blocks.push({ kind: 'heading', level: 2, text: L.vision });
  if (isRichTextEmpty(team.vision)) blocks.push(muted(L.visionEmpty));
  else blocks.push(...richTextBlocks(team.vision, 3));
  blocks.push(...timeMapPart(team));
  blocks.push(...initiativesPart(team));
  return blocks;
}

function muted(text: string): Block {
  return { kind: 'paragraph', runs: [{ text, muted: true }] };
}

function reactionSummary(note: ExportNote): string {
  return REACTIONS.flatMap((reaction) => {
    const count = note.reactions[reaction]?.length ?? 0;
    return count > 0 ? [`${REACTION_LABEL[reaction]}: ${count}`] : [];
  }).join(', ');
}

function noteItem(note: ExportNote): Block[] {
  const runs: Run[] = [{ text: note.text.trim() || L.nobody }];
  const details = [reactionSummary(note), note.authorName ? `${L.author}: ${note.authorName}` : '']
    .filter(Boolean)
    .join('; ');
  if (details) runs.push({ text: ` (${details})`, muted: true });
  return [{ kind: 'paragraph', runs }];
}

/** Notes as a person reads the board: row by row (tops within half a note's height form a row), left to right. */
function inReadingOrder(notes: readonly ExportNote[]): ExportNote[] {
  const byTop = [...notes].sort((a, b) => a.y - b.y || a.x - b.x);
  const rows: ExportNote[][] = [];
  for (const note of byTop) {
    const row = rows.at(-1);
    if (row && note.y - row[0]!.y < 70) row.push(note);
    else rows.push([note]);
  }
  return rows.flatMap((row) => row.sort((a, b) => a.x - b.x));
}

/**
 * Past this many notes, the printed picture shows the notes as coloured cards without their text: a board that full
 * is scaled so far down to fit a page that its note text would print at 2–3 pt, unreadable, while drawing it is most
 * of the picture's cost (resvg lays out every glyph). The lists below the picture carry every note's text.
 */
const PRINT_TEXT_MAX_NOTES = 60;

function boardPart(team: ExportTeam): Block[] {
  const { sections, notes, links } = team.board;
  const blocks: Block[] = [{ kind: 'heading', level: 2, text: L.board }];
  if (notes.length === 0) return [...blocks, muted(L.boardEmpty)];
  const caption = `${L.board}: ${team.name}`;
  const svg = renderBoardSvg(team.board, caption);
  if (svg) {
    const printSvg =
      notes.length > PRINT_TEXT_MAX_NOTES ? renderBoardSvg(team.board, caption, { noteText: false })! : svg;
    blocks.push({ kind: 'boardImage', svg, caption, printSvg });
  }
  const groups = [
    ...sections.map((s) => ({
      title: s.title || L.nobody,
      notes: inReadingOrder(notes.filter((n) => n.sectionId === s.id)),
    })),
    { title: L.unsorted, notes: inReadingOrder(notes.filter((n) => n.sectionId === null)) },
  ];
  for (const group of groups) {
    if (group.notes.length === 0) continue;
    blocks.push({ kind: 'heading', level: 3, text: group.title });
    blocks.push({ kind: 'list', ordered: false, start: 1, items: group.notes.map(noteItem) });
    // Discussions under the list rather than inside it: most notes have none, and the list stays one line a note.
    const discussed = group.notes.flatMap((note) => note.threads.map((thread) => ({ thread, about: note.text })));
    if (discussed.length > 0)
      blocks.push({ kind: 'heading', level: 4, text: L.noteComments }, ...threadList(discussed));
  }
  if (links.length > 0) {
    const byId = new Map(notes.map((n) => [n.id, n.text.trim()]));
    blocks.push({ kind: 'heading', level: 3, text: L.links });
    blocks.push({
      kind: 'list',
      ordered: false,
      start: 1,
      items: links.map((link) => [
        // Words, not an arrow glyph: the PDF's Roboto has no «→».
        { kind: 'paragraph', runs: [{ text: `«${byId.get(link.from) ?? ''}» ведёт к «${byId.get(link.to) ?? ''}»` }] },
      ]),
    });
  }
  return blocks;
}

function timeMapPart(team: ExportTeam): Block[] {
  const { lanes, cards, years } = team.timeMap;
  const blocks: Block[] = [{ kind: 'heading', level: 2, text: L.timeMap }];
  if (cards.length === 0 || lanes.length === 0) return [...blocks, muted(L.timeMapEmpty)];
  // Years are rows and lanes columns: a decade of years fits down a portrait page, a dozen year columns would not.
  const rows = years.map((year) => [
    String(year),
    ...lanes.map((lane) =>
      cards
        .filter((c) => c.laneId === lane.id && c.year === year)
        .map((c) => (c.quarter ? `(${c.quarter} кв.) ${c.text}` : c.text))
        .join('\n'),
    ),
  ]);
  return [
    ...blocks,
    {
      kind: 'table',
      header: [L.year, ...lanes.map((l) => l.title)],
      rows: rows.filter((row) => row.slice(1).some(Boolean)),
      widths: [1.2, ...lanes.map(() => 3)],
    },
  ];
}

function span(initiative: Initiative): string {
  const starts = initiative.steps
    .map((s) => s.start)
    .filter(Boolean)
    .sort();
  const ends = initiative.steps
    .map((s) => s.end)
    .filter(Boolean)
    .sort();
  if (starts.length === 0 && ends.length === 0) return '';
  return `${formatDay(starts[0] ?? '')}–${formatDay(ends.at(-1) ?? '')}`;
}

function initiativesPart(team: ExportTeam): Block[] {
  const blocks: Block[] = [{ kind: 'heading', level: 2, text: L.initiatives }];
  if (team.initiatives.length === 0) return [...blocks, muted(L.initiativesEmpty)];
  blocks.push({
    kind: 'table',
    header: [L.number, L.initiative, L.owner, L.status, L.dates, L.budget, L.reviewShort],
    rows: team.initiatives.map((ini, i) => [
      String(i + 1),
      ini.title,
      ini.owner,
      INITIATIVE_STATUS[ini.status],
      span(ini),
      formatNumber(ini.budget),
      reviewVerdict(ini.review),
    ]),
    widths: [1, 6, 4, 3.5, 4, 3, 3.5],
  });
  const targets = linkTargets(team);
  for (const [i, ini] of team.initiatives.entries()) {
    blocks.push(...passport(ini, i + 1, targets));
  }
  return blocks;
}

/** What an initiative can be linked to on its team's board, by `kind:id`, with the text people know it by. */
export function linkTargets(team: ExportTeam): Map<string, string> {
  return new Map<string, string>([
    ...team.board.sections.map((s) => [`section:${s.id}`, s.title] as [string, string]),
    ...team.board.notes.map((n) => [`note:${n.id}`, n.text] as [string, string]),
  ]);
}

export function passport(ini: ExportInitiative, index: number, targets: ReadonlyMap<string, string>): Block[] {
  const blocks: Block[] = [{ kind: 'heading', level: 3, text: `${index}. ${ini.title || L.initiative}` }];
  const linked = ini.links.map((l) => targets.get(`${l.kind}:${l.id}`)).filter((t): t is string => !!t);
  const rows: [string, string][] = [
    [L.problem, ini.problem],
    [L.goal, ini.goal],
    [L.owner, ini.owner],
    [L.mentor, ini.mentor],
    [L.curator, ini.curator],
    [L.projectTeam, ini.members.map((m) => m.name).join(', ')],
    [L.budgetField, formatRoubles(ini.budget)],
    [L.resources, ini.resources],
    [L.risks, ini.risks],
    [L.status, INITIATIVE_STATUS[ini.status]],
    [L.review, reviewText(ini.review)],
    [L.linkedTo, linked.join('; ')],
  ];
  blocks.push({ kind: 'fields', rows: rows.filter(([, value]) => value.trim().length > 0) });
  if (ini.indicators.length > 0) {
    blocks.push({ kind: 'heading', level: 4, text: L.indicators });
    blocks.push({
      kind: 'table',
      header: [L.indicator, L.unit, L.baseline, L.target, L.year],
      rows: ini.indicators.map((ind) => [
        ind.name,
        ind.unit,
        formatNumber(ind.baseline),
        formatNumber(ind.target),
        ind.year ? String(ind.year) : '',
      ]),
      widths: [8, 2, 3, 3, 2],
    });
  }
  if (ini.steps.length > 0) {
    blocks.push({ kind: 'heading', level: 4, text: L.steps });
    blocks.push({
      kind: 'table',
      header: [L.number, L.step, L.start, L.end, L.responsible, L.status],
      rows: ini.steps.map((step, i) => [
        String(i + 1),
        step.title,
        formatDay(step.start),
        formatDay(step.end),
        step.responsible,
        STEP_STATUS[step.status],
      ]),
      widths: [1, 7, 3, 3, 4, 4],
    });
  }
  if (!isRichTextEmpty(ini.description)) {
    blocks.push({ kind: 'heading', level: 4, text: L.description });
    blocks.push(...richTextBlocks(ini.description, 4));
  }
  if (ini.threads.length > 0) {
    blocks.push({ kind: 'heading', level: 4, text: L.comments });
    blocks.push(...threadList(ini.threads.map((thread) => ({ thread }))));
  }
  return blocks;
}
