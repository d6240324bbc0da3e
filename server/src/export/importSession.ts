/**
 * `POST /api/sessions/import`: a JSON export becomes a NEW session — new ids, a new facilitator link — whose team
 * rooms are rebuilt through the shared mutators, exactly as people would have made them, so every rule the editors
 * obey (lengths, colours, dates within the session's years) holds for imported content too.
 *
 * Each team is first rebuilt in a scratch document: only when every team passes is the session created, so a bad
 * file leaves the store as it was. People are not imported (they join the new session with its new codes); their
 * names stay where the export keeps them as text (authors, members).
 *
 * Reviews and comment threads (export version 2) are not imported either: they were authored by the old session's
 * people, whose authorship the server vouched for from their tokens; re-created here they would be the server
 * putting words in the mouths of participants this session never had. Version 1 files simply have none.
 */
import * as Y from 'yjs';
import { getSchema } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { StarterKit } from '@tiptap/starter-kit';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { Origin, seedTeamDoc, setTeamMotto } from '@horizon/shared';
import type { CreateSessionResponse } from '@horizon/shared';
import {
  addLink,
  addNotes,
  addSection,
  deleteSection,
  isNoteColor,
  isReaction,
  listSections,
  toggleReaction,
} from '@horizon/shared/board';
import {
  addIndicator,
  addMember,
  addStep,
  createInitiative,
  initiativeDescription,
  linkInitiative,
} from '@horizon/shared/initiatives';
import { templates } from '@horizon/shared/templates';
import type { YearRange } from '@horizon/shared/timemap';
import {
  SchemaValidationError,
  addCard,
  addLane,
  addLink as addCardLink,
  readLanes,
  removeLane,
} from '@horizon/shared/timemap';
import { VISION_FIELD, visionExtensions } from '@horizon/shared/vision';
import { HttpError } from '../errors.js';
import type { RoomWriter, SessionService } from '../sessions/SessionService.js';
import { parseImport } from './importShape.js';
import type { ExportModel, ExportTeam, RichTextJson } from './model.js';

const VISION_SCHEMA: Schema = getSchema(visionExtensions());
const DESCRIPTION_SCHEMA: Schema = getSchema([StarterKit.configure({ undoRedo: false })]);
const BY = 'import';

function writeRichText(fragment: Y.XmlFragment, json: RichTextJson | null, schema: Schema): void {
  if (!json) return;
  // Throws on nodes the schema does not know: the file was not made by a Horizon export.
  schema.nodeFromJSON(json).check();
  prosemirrorJSONToYXmlFragment(schema, json, fragment);
}

/** Replaces the seeded board, time map and initiatives of a fresh team document with the exported ones. */
export function rebuildTeam(doc: Y.Doc, team: ExportTeam, range: YearRange, origin: unknown): void {
  if (team.motto) setTeamMotto(doc, team.motto);

  for (const section of listSections(doc)) deleteSection(doc, section.id, origin);
  const ids = new Map<string, string>();
  for (const s of team.board.sections) {
    // The original creation times keep the original order (sections and notes are listed by creation).
    const section = { title: s.title, color: s.color, x: s.x, y: s.y, w: s.w, h: s.h, createdAt: s.createdAt };
    ids.set(s.id, addSection(doc, section, origin));
  }
  const notes = team.board.notes;
  const noteIds = addNotes(
    doc,
    notes.map((n) => ({
      x: n.x,
      y: n.y,
      w: n.w,
      h: n.h,
      text: n.text,
      ...(isNoteColor(n.color) ? { color: n.color } : {}),
      authorId: BY,
      authorName: typeof n.authorName === 'string' ? n.authorName : '',
      ...(Number.isFinite(n.createdAt) ? { createdAt: n.createdAt } : {}),
    })),
    origin,
  );
  notes.forEach((n, i) => {
    ids.set(n.id, noteIds[i]!);
    for (const [reaction, people] of Object.entries(n.reactions ?? {})) {
      if (!isReaction(reaction) || !Array.isArray(people)) continue;
      for (const person of people.slice(0, 500)) {
        if (typeof person === 'string') toggleReaction(doc, noteIds[i]!, reaction, person, origin);
      }
    }
  });
  for (const link of team.board.links) {
    const from = ids.get(link.from);
    const to = ids.get(link.to);
    if (from && to) addLink(doc, from, to, origin);
  }

  writeRichText(doc.getXmlFragment(VISION_FIELD), team.vision, VISION_SCHEMA);

  for (const lane of readLanes(doc)) removeLane(doc, lane.id, origin);
  for (const lane of team.timeMap.lanes) ids.set(lane.id, addLane(doc, lane.title, origin));
  for (const card of team.timeMap.cards) {
    const laneId = ids.get(card.laneId);
    if (!laneId) continue;
    const input = { laneId, year: card.year, text: card.text, createdBy: BY };
    ids.set(card.id, addCard(doc, card.quarter ? { ...input, quarter: card.quarter } : input, { range, origin }));
  }
  for (const link of team.timeMap.links) {
    const from = ids.get(link.from);
    const to = ids.get(link.to);
    if (from && to) addCardLink(doc, from, to, origin);
  }

  for (const ini of team.initiatives) {
    const id = createInitiative(
      doc,
      {
        title: ini.title,
        problem: ini.problem,
        goal: ini.goal,
        owner: ini.owner,
        mentor: ini.mentor,
        curator: ini.curator,
        resources: ini.resources,
        risks: ini.risks,
        budget: ini.budget,
        status: ini.status,
        createdBy: BY,
      },
      origin,
    );
    for (const member of ini.members ?? []) addMember(doc, id, { name: member.name }, origin);
    for (const { id: _drop, ...indicator } of ini.indicators ?? []) addIndicator(doc, id, indicator, { range, origin });
    for (const { id: _drop, ...step } of ini.steps ?? []) addStep(doc, id, step, { range, origin });
    for (const link of ini.links ?? []) {
      const target = ids.get(link.id);
      if (target) linkInitiative(doc, id, { kind: link.kind, id: target }, origin);
    }
    const fragment = initiativeDescription(doc, id);
    if (fragment) writeRichText(fragment, ini.description, DESCRIPTION_SCHEMA);
  }
}

/** The years imported content may use: the new session's, widened to the exported time map's. */
function importRange(model: ExportModel): YearRange {
  const now = new Date().getUTCFullYear();
  const years = model.teams.flatMap((t) => t.timeMap.years ?? []).filter((y) => Number.isInteger(y));
  return { startYear: Math.min(now, ...years), endYear: Math.max(model.session.horizonYear, ...years) };
}

function templateOf(model: ExportModel) {
  return templates[model.session.templateId] ? model.session.templateId : undefined;
}

export async function importSession(
  body: unknown,
  sessions: SessionService,
  rooms: RoomWriter,
): Promise<CreateSessionResponse> {
  const model = parseImport(body);
  const range = importRange(model);
  const templateId = templateOf(model);
  const template = templates[templateId ?? Object.keys(templates)[0]!]!;
  // A dry run on scratch documents: any value a mutator refuses stops the import before anything is stored.
  for (const team of model.teams) {
    const scratch = new Y.Doc();
    try {
      seedTeamDoc(scratch, { sessionId: 'import', teamId: 'import', template, lang: 'ru' });
      rebuildTeam(scratch, team, range, BY);
    } catch (error) {
      const detail =
        error instanceof SchemaValidationError
          ? error.issues.map((i) => `${i.field}: ${i.code}`).join(', ')
          : error instanceof Error
            ? error.message
            : String(error);
      throw new HttpError('badRequest', `Team «${team.name}» cannot be imported: ${detail}`);
    } finally {
      scratch.destroy();
    }
  }
  const created = await sessions.create({
    title: model.session.title,
    horizonYear: model.session.horizonYear,
    teams: model.teams.map((t) => t.name),
    ...(templateId ? { templateId } : {}),
  });
  for (const [i, team] of model.teams.entries()) {
    await rooms.change(
      { kind: 'team', sessionId: created.sessionId, teamId: created.teams[i]!.teamId },
      Origin.server,
      (doc) => rebuildTeam(doc, team, range, Origin.server),
    );
  }
  return created;
}
