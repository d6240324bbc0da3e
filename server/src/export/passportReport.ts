/**
 * One initiative's passport as a report of its own (`format=docx&team=…&initiative=…`): a title page naming the
 * session and the team, then the passport exactly as it reads in the team's report.
 */
import { L, formatDateTime, formatLongDate } from './labels.js';
import type { ExportModel } from './model.js';
import { linkTargets, passport } from './outline.js';
import type { Report } from './report.js';

/** The passport of `initiativeId` in a team export model, or null when the team has no such initiative. */
export function buildPassportReport(model: ExportModel, initiativeId: string): Report | null {
  const team = model.teams[0];
  const index = team?.initiatives.findIndex((ini) => ini.id === initiativeId) ?? -1;
  const initiative = team?.initiatives[index];
  if (!team || !initiative) return null;
  // The passport's own numbered heading becomes the document's title.
  const [, ...blocks] = passport(initiative, index + 1, linkTargets(team));
  return {
    title: initiative.title || L.initiative,
    subtitle: [L.passport, team.name],
    meta: [
      [L.session, model.session.title],
      [L.team, team.name],
      [L.date, formatLongDate(model.session.createdAt)],
      [L.horizon, String(model.session.horizonYear)],
      [L.exported, formatDateTime(new Date(model.exportedAt))],
    ],
    blocks,
    lang: 'ru',
  };
}
