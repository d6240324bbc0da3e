/**
 * Writes the demo content into a freshly created session's team documents through the same shared mutators the
 * editors use, so the demo is exactly what people would have made by hand.
 */
import * as Y from 'yjs';
import { NOTE_COLORS, NOTE_SIZE, addLink, addNotes, listSections, toggleReaction } from '@horizon/shared/board';
import { addIndicator, addMember, addStep, createInitiative, linkInitiative } from '@horizon/shared/initiatives';
import type { YearRange } from '@horizon/shared/timemap';
import { addCard, addLink as addCardLink, readLanes } from '@horizon/shared/timemap';
import { imageOfFutureTemplate } from '@horizon/shared/templates';
import { setTeamMotto } from '@horizon/shared';
import { VISION_FIELD } from '@horizon/shared/vision';
import type { DemoInitiative, DemoTeam } from './demoContent.js';

const AUTHOR = { authorId: 'demo', authorName: 'Демо' };

function monthStart(year: number, month: number): string {
  return new Date(Date.UTC(year, month, 1)).toISOString().slice(0, 10);
}

function monthEnd(year: number, month: number): string {
  return new Date(Date.UTC(year, month + 1, 0)).toISOString().slice(0, 10);
}

/** The template section or lane key → its Russian title, which is what the seeded documents carry. */
function titleOf(list: readonly { key: string; title: { ru: string } }[], key: string): string {
  return list.find((item) => item.key === key)?.title.ru ?? key;
}

function writeBoard(doc: Y.Doc, team: DemoTeam, origin: unknown): Map<string, string> {
  const sections = listSections(doc);
  const sectionIds = new Map<string, string>();
  const firstNotes: string[] = [];
  Object.entries(team.notes).forEach(([key, texts], sectionIndex) => {
    const section = sections.find((s) => s.title === titleOf(imageOfFutureTemplate.boardSections, key));
    if (!section) return;
    sectionIds.set(key, section.id);
    const ids = addNotes(
      doc,
      texts.map((text, i) => ({
        ...AUTHOR,
        text,
        x: section.x + 24 + (i % 3) * (NOTE_SIZE.w + 16),
        y: section.y + 72 + Math.floor(i / 3) * (NOTE_SIZE.h + 16),
        color: NOTE_COLORS[(sectionIndex + i) % NOTE_COLORS.length],
      })),
      origin,
    );
    if (ids[0]) firstNotes.push(ids[0]);
    ids.forEach((id, i) => i % 2 === 0 && toggleReaction(doc, id, 'like', 'demo', origin));
  });
  for (let i = 1; i < firstNotes.length; i += 2) addLink(doc, firstNotes[i - 1]!, firstNotes[i]!, origin);
  return sectionIds;
}

function writeVision(doc: Y.Doc, team: DemoTeam): void {
  const fragment = doc.getXmlFragment(VISION_FIELD);
  const heading = new Y.XmlElement('heading');
  // ProseMirror's heading level is a number (yjs' typings only admit strings).
  heading.setAttribute('level', 2 as unknown as string);
  heading.insert(0, [new Y.XmlText(team.vision.heading)]);
  const paragraphs = team.vision.paragraphs.map((text) => {
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText(text)]);
    return p;
  });
  const list = new Y.XmlElement('bulletList');
  list.insert(
    0,
    team.vision.bullets.map((text) => {
      const item = new Y.XmlElement('listItem');
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText(text)]);
      item.insert(0, [p]);
      return item;
    }),
  );
  fragment.insert(0, [heading, ...paragraphs, list]);
}

function writeTimeMap(doc: Y.Doc, team: DemoTeam, range: YearRange, origin: unknown): void {
  const lanes = readLanes(doc);
  const ids: string[] = [];
  for (const [laneKey, offset, text] of team.cards) {
    const lane = lanes.find((l) => l.title === titleOf(imageOfFutureTemplate.timeMapLanes, laneKey));
    if (!lane) continue;
    const year = Math.min(range.endYear, range.startYear + offset);
    ids.push(addCard(doc, { laneId: lane.id, year, text, createdBy: 'demo' }, { range, origin }));
  }
  // A trend leads to an opportunity, which leads to an initiative.
  if (ids.length >= 3) {
    addCardLink(doc, ids[0]!, ids.at(-3)!, origin);
    addCardLink(doc, ids.at(-3)!, ids.at(-1)!, origin);
  }
}

function writeInitiative(
  doc: Y.Doc,
  item: DemoInitiative,
  team: DemoTeam,
  sections: Map<string, string>,
  range: YearRange,
  origin: unknown,
): void {
  const { indicator, steps, section, ...fields } = item;
  const id = createInitiative(doc, { ...fields, createdBy: 'demo' }, origin);
  for (const name of team.people.slice(0, 2)) addMember(doc, id, { name }, origin);
  addIndicator(
    doc,
    id,
    {
      name: indicator.name,
      unit: indicator.unit,
      baseline: indicator.baseline,
      target: indicator.target,
      year: Math.min(range.endYear, range.startYear + indicator.yearOffset),
    },
    { range, origin },
  );
  for (const [title, startMonth, endMonth, responsible] of steps) {
    const status = startMonth < 3 ? 'active' : 'planned';
    addStep(
      doc,
      id,
      {
        title,
        start: monthStart(range.startYear, startMonth),
        end: monthEnd(range.startYear, endMonth),
        responsible,
        status,
      },
      { range, origin },
    );
  }
  const sectionId = sections.get(section);
  if (sectionId) linkInitiative(doc, id, { kind: 'section', id: sectionId }, origin);
}

/** Fills one team document with its demo content. Runs inside the caller's transaction. */
export function writeDemoTeam(doc: Y.Doc, team: DemoTeam, range: YearRange, origin: unknown): void {
  setTeamMotto(doc, team.motto);
  const sections = writeBoard(doc, team, origin);
  writeVision(doc, team);
  writeTimeMap(doc, team, range, origin);
  for (const item of team.initiatives) writeInitiative(doc, item, team, sections, range, origin);
}
