/**
 * Checks that a body claiming to be a Horizon JSON export has the shape the importer reads: the format tag, a
 * version it knows, and arrays and fields of the right types. Values themselves (lengths, dates, years) are checked
 * by the shared mutators when the rooms are rebuilt; this only keeps the importer from reading garbage.
 */
import { ApiLimits } from '@horizon/shared';
import { HttpError } from '../errors.js';
import { EXPORT_FORMAT, IMPORTABLE_VERSIONS } from './model.js';
import type { ExportModel } from './model.js';

type Json = Record<string, unknown>;

/** Most items of one kind an imported team may hold: far above a real session, far below a hostile one. */
export const IMPORT_LIMITS = { notes: 2000, sections: 100, links: 2000, lanes: 50, cards: 2000, initiatives: 200 };

function fail(where: string, what: string): never {
  throw new HttpError('badRequest', `Not a Horizon session export: ${where} ${what}.`);
}

function obj(value: unknown, where: string): Json {
  if (!value || typeof value !== 'object' || Array.isArray(value)) fail(where, 'should be an object');
  return value as Json;
}

function arr(value: unknown, where: string, max: number): unknown[] {
  if (!Array.isArray(value)) fail(where, 'should be a list');
  if (value.length > max) fail(where, `has more than ${max} items`);
  return value;
}

function str(value: unknown, where: string): string {
  if (typeof value !== 'string') fail(where, 'should be text');
  return value;
}

function num(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(where, 'should be a number');
  return value;
}

function items(parent: Json, key: string, where: string, max: number, check: (item: Json, at: string) => void): void {
  arr(parent[key], `${where}.${key}`, max).forEach((item, i) =>
    check(obj(item, `${where}.${key}[${i}]`), `${where}.${key}[${i}]`),
  );
}

function richText(value: unknown, where: string): void {
  if (value === null || value === undefined) return;
  const doc = obj(value, where);
  if (doc.type !== 'doc') fail(where, 'should be a rich-text document');
}

function team(t: Json, at: string): void {
  const name = str(t.name, `${at}.name`).trim();
  if (!name || name.length > ApiLimits.teamNameMax)
    fail(`${at}.name`, `should have 1–${ApiLimits.teamNameMax} characters`);
  if (t.motto !== undefined) str(t.motto, `${at}.motto`);
  const board = obj(t.board, `${at}.board`);
  items(board, 'sections', `${at}.board`, IMPORT_LIMITS.sections, (s, w) => {
    str(s.id, `${w}.id`);
    str(s.title, `${w}.title`);
    for (const k of ['x', 'y', 'w', 'h']) num(s[k], `${w}.${k}`);
  });
  items(board, 'notes', `${at}.board`, IMPORT_LIMITS.notes, (n, w) => {
    str(n.id, `${w}.id`);
    str(n.text, `${w}.text`);
    for (const k of ['x', 'y', 'w', 'h']) num(n[k], `${w}.${k}`);
    if (n.reactions !== undefined) obj(n.reactions, `${w}.reactions`);
  });
  items(board, 'links', `${at}.board`, IMPORT_LIMITS.links, (l, w) => {
    str(l.from, `${w}.from`);
    str(l.to, `${w}.to`);
  });
  richText(t.vision, `${at}.vision`);
  const timeMap = obj(t.timeMap, `${at}.timeMap`);
  items(timeMap, 'lanes', `${at}.timeMap`, IMPORT_LIMITS.lanes, (l, w) => {
    str(l.id, `${w}.id`);
    str(l.title, `${w}.title`);
  });
  items(timeMap, 'cards', `${at}.timeMap`, IMPORT_LIMITS.cards, (c, w) => {
    str(c.laneId, `${w}.laneId`);
    num(c.year, `${w}.year`);
    str(c.text, `${w}.text`);
  });
  items(timeMap, 'links', `${at}.timeMap`, IMPORT_LIMITS.cards, (l, w) => {
    str(l.from, `${w}.from`);
    str(l.to, `${w}.to`);
  });
  items(t, 'initiatives', at, IMPORT_LIMITS.initiatives, (ini, w) => {
    str(ini.title, `${w}.title`);
    for (const key of ['members', 'indicators', 'steps', 'links']) arr(ini[key] ?? [], `${w}.${key}`, 500);
    richText(ini.description, `${w}.description`);
  });
}

/** The body as an export model, or a 400 saying what is wrong with it. */
export function parseImport(body: unknown): ExportModel {
  const model = obj(body, 'the body');
  if (model.format !== EXPORT_FORMAT) fail('format', `should be "${EXPORT_FORMAT}"`);
  // Version 1 lacks the reviews and threads of version 2, which the importer does not read (`importSession.ts`).
  if (!IMPORTABLE_VERSIONS.includes(model.version as number)) {
    fail('version', `${String(model.version)} is not one this server reads`);
  }
  const session = obj(model.session, 'session');
  const title = str(session.title, 'session.title').trim();
  if (!title || title.length > ApiLimits.titleMax)
    fail('session.title', `should have 1–${ApiLimits.titleMax} characters`);
  const year = num(session.horizonYear, 'session.horizonYear');
  if (!Number.isInteger(year) || year < ApiLimits.horizonYearMin || year > ApiLimits.horizonYearMax) {
    fail('session.horizonYear', `should be a year from ${ApiLimits.horizonYearMin} to ${ApiLimits.horizonYearMax}`);
  }
  if (session.templateId !== undefined) str(session.templateId, 'session.templateId');
  const teams = arr(model.teams, 'teams', ApiLimits.teamsMax);
  if (teams.length === 0) fail('teams', 'should name at least one team');
  teams.forEach((t, i) => team(obj(t, `teams[${i}]`), `teams[${i}]`));
  return body as ExportModel;
}
