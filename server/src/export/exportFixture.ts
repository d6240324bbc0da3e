/**
 * Test fixture for the renderers: the demo session's two teams written into real Yjs documents through the shared
 * mutators, plus the things a hostile or careless peer could write — markup, a `javascript:` link, control
 * characters, a spreadsheet formula, a node the vision schema does not know — and an agenda, a revealed vote, mentors'
 * reviews and comment threads (hostile ones among them) in the session document.
 */
import * as Y from 'yjs';
import { seedSessionDoc, seedTeamDoc } from '@horizon/shared';
import { addNote, listNotes, listSections } from '@horizon/shared/board';
import { writeReview, writeThread } from '@horizon/shared/feedback';
import { addStep, createInitiative, readInitiatives } from '@horizon/shared/initiatives';
import { imageOfFutureTemplate } from '@horizon/shared/templates';
import { yearRangeOf } from '@horizon/shared/timemap';
import { VISION_FIELD } from '@horizon/shared/vision';
import type { ParticipantRecord, SessionRecord, TeamRecord } from '../persistence/Store.js';
import { DEMO_TITLE, demoTeams } from '../sessions/demoContent.js';
import { writeDemoTeam } from '../sessions/demoSession.js';
import type { ExportScope } from './model.js';
import type { ModelSources } from './readModel.js';

export const HOSTILE = {
  script: '<script>alert("note")</script> Заметка с разметкой',
  jsHref: 'javascript:alert(1)',
  safeHref: 'https://samregion.ru/strategy',
  formula: '=HYPERLINK("http://evil.example";"нажми")',
  control: 'Управляющие\u0007 символы\u0000 убраны',
  comment: '<img onerror=alert(1)> **не жирный** [ссылка](data:text/html,x) =1+1\u0007',
} as const;

/** The feedback the fixture writes into the session document, as a reader of the report should see it. */
export const FEEDBACK = {
  mentor: 'Ольга Сергеевна Лебедева',
  changes: 'Добавьте показатели на 2030 год',
  approvedNote: 'Выпускники вузов остаются в регионе: 7 из 10',
  noteQuestion: 'Откуда цифра 7 из 10?',
  noteAnswer: 'Из опроса выпускников 2025 года',
  /** 27.11.2026 10:30 in Samara (UTC+4). */
  at: Date.parse('2026-11-27T06:30:00.000Z'),
} as const;

/** Marks the PDF and DOCX must keep exactly: guillemets, numero, rouble, em dash. */
export const SPECIAL = 'Проект «Кадры региона» № 7 — 250 ₽ на человека';

export const FIXTURE_CREATED_AT = '2026-11-27T07:00:00.000Z';

export interface ExportFixture extends Omit<ModelSources, 'scope'> {
  sessionDoc: Y.Doc;
  teamDocs: Map<string, Y.Doc>;
  teams: TeamRecord[];
  hostileInitiativeId: string;
}

export function exportFixture(): ExportFixture {
  const sessionId = 'fixturesession';
  const range = yearRangeOf({ createdAt: FIXTURE_CREATED_AT, horizonYear: 2036 });
  const teams: TeamRecord[] = demoTeams.map((team, position) => ({
    sessionId,
    teamId: `team${position + 1}aaaa`,
    name: team.name,
    position,
  }));
  const session: SessionRecord = {
    sessionId,
    title: DEMO_TITLE,
    horizonYear: 2036,
    createdAt: FIXTURE_CREATED_AT,
    facilitatorId: 'facilitator1',
    codes: { participant: 'ABCDEF', mentor: 'MENTORCODE', projector: 'PROJECTORC' },
    templateId: imageOfFutureTemplate.id,
  };
  const participants: ParticipantRecord[] = [
    {
      participantId: 'facilitator1',
      sessionId,
      name: 'Фасилитатор',
      role: 'facilitator',
      createdAt: FIXTURE_CREATED_AT,
    },
    ...demoTeams.flatMap((team, t) =>
      team.people.map((name, i) => ({
        participantId: `p${t}${i}xxxx`,
        sessionId,
        name,
        role: 'participant' as const,
        teamId: teams[t]!.teamId,
        createdAt: FIXTURE_CREATED_AT,
      })),
    ),
    {
      participantId: 'mentor1xx',
      sessionId,
      name: 'Ольга Сергеевна Лебедева',
      role: 'mentor',
      mentorOf: [teams[0]!.teamId],
      createdAt: FIXTURE_CREATED_AT,
    },
  ];

  const sessionDoc = new Y.Doc();
  seedSessionDoc(sessionDoc, {
    sessionId,
    title: DEMO_TITLE,
    horizonYear: 2036,
    startYear: range.startYear,
    createdAt: FIXTURE_CREATED_AT,
    teams: teams.map((t) => ({ teamId: t.teamId, name: t.name })),
    templateId: imageOfFutureTemplate.id,
  });

  const teamDocs = new Map<string, Y.Doc>();
  demoTeams.forEach((team, i) => {
    const doc = new Y.Doc();
    seedTeamDoc(doc, { sessionId, teamId: teams[i]!.teamId, template: imageOfFutureTemplate, lang: 'ru' });
    doc.transact(() => writeDemoTeam(doc, team, range, 'test'), 'test');
    teamDocs.set(teams[i]!.teamId, doc);
  });

  const first = teamDocs.get(teams[0]!.teamId)!;
  const section = listSections(first)[0]!;
  addNote(
    first,
    { x: section.x + 30, y: section.y + 400, text: HOSTILE.script, authorId: 'x', authorName: 'Гость' },
    'test',
  );
  addNote(
    first,
    { x: section.x + 260, y: section.y + 400, text: HOSTILE.control, authorId: 'x', authorName: 'Гость' },
    'test',
  );
  addNote(first, { x: -50_000, y: -50_000, text: 'Заметка вне разделов', authorId: 'x', authorName: 'Гость' }, 'test');
  writeHostileVision(first);
  const hostileInitiativeId = createInitiative(
    first,
    { title: HOSTILE.formula, goal: SPECIAL, owner: '+7 (846) 000-00-00', budget: 250, createdBy: 'x' },
    'test',
  );
  addStep(
    first,
    hostileInitiativeId,
    {
      title: '@SUM(1;2)',
      start: `${range.startYear}-03-01`,
      end: `${range.startYear}-04-30`,
      responsible: '-Гость',
      status: 'planned',
    },
    { range, origin: 'test' },
  );

  sessionDoc.transact(() => {
    const agenda = sessionDoc.getMap('agenda');
    agenda.set('startsAt', '10:00');
    agenda.set('stages', [
      { id: 'open', title: 'Открытие и правила', minutes: 15, tab: 'board' },
      { id: 'image', title: 'Образ будущего региона', minutes: 60, tab: 'board' },
      { id: 'roadmap', title: 'Дорожная карта инициатив', minutes: 45, tab: 'initiatives' },
    ]);
    // As the facilitation schema writes it: round id → JSON round, `results` only once revealed.
    const voting = sessionDoc.getMap('voting');
    voting.set('r1', {
      id: 'r1',
      title: 'Лучшая инициатива',
      target: 'initiatives',
      scope: 'all',
      votesPerPerson: 3,
      anonymous: false,
      status: 'revealed',
      openedAt: 1,
      results: [
        {
          teamId: teams[0]!.teamId,
          itemId: hostileInitiativeId,
          label: HOSTILE.formula,
          votes: 3,
          voters: ['Анна Петрова'],
        },
        {
          teamId: teams[1]!.teamId,
          itemId: 'other',
          label: 'Летние школы профессий',
          votes: 5,
          voters: ['Елена Соколова'],
        },
      ],
    });
    voting.set('r2', { id: 'r2', title: 'Не раскрытое голосование', status: 'open', openedAt: 2 });
  }, 'server');

  writeFeedback(sessionDoc, teams[0]!.teamId, first, hostileInitiativeId);
  return { session, teams, participants, sessionDoc, teamDocs, hostileInitiativeId };
}

/**
 * Reviews (one approved after a request for changes, one hostile) and threads (a resolved one on a note, a hostile
 * one on an initiative) of the first team, written as the feedback service writes them.
 */
function writeFeedback(sessionDoc: Y.Doc, teamId: string, team: Y.Doc, hostileInitiativeId: string): void {
  const [first, second] = readInitiatives(team);
  const note = listNotes(team).find((n) => n.text === FEEDBACK.approvedNote)!;
  const mentor = { byName: FEEDBACK.mentor, byId: 'mentor1xx' };
  const at = FEEDBACK.at;
  const comment = (id: string, authorName: string, role: 'mentor' | 'participant', text: string, when: number) => ({
    id,
    authorId: id,
    authorName,
    role,
    text,
    at: when,
  });
  sessionDoc.transact(() => {
    writeReview(sessionDoc, teamId, first!.id, {
      verdict: 'changesRequested',
      comment: 'Уточните бюджет',
      ...mentor,
      at,
    });
    writeReview(sessionDoc, teamId, first!.id, { verdict: 'approved', comment: '', ...mentor, at: at + 3_600_000 });
    writeReview(sessionDoc, teamId, second!.id, {
      verdict: 'changesRequested',
      comment: FEEDBACK.changes,
      ...mentor,
      at,
    });
    writeReview(sessionDoc, teamId, hostileInitiativeId, {
      verdict: 'changesRequested',
      comment: HOSTILE.comment,
      ...mentor,
      at,
    });
    writeThread(sessionDoc, {
      id: 'thread1',
      teamId,
      target: { kind: 'note', id: note.id },
      createdAt: at,
      comments: [
        comment('c1', FEEDBACK.mentor, 'mentor', FEEDBACK.noteQuestion, at),
        comment('c2', 'Анна Петрова', 'participant', FEEDBACK.noteAnswer, at + 60_000),
      ],
      resolved: { by: FEEDBACK.mentor, at: at + 120_000 },
    });
    writeThread(sessionDoc, {
      id: 'thread2',
      teamId,
      target: { kind: 'initiative', id: hostileInitiativeId },
      createdAt: at + 1,
      comments: [comment('c3', '<b>Гость</b>', 'participant', HOSTILE.comment, at)],
      resolved: null,
    });
  }, 'server');
}

/** A paragraph with an unsafe and a safe link, and an element no vision schema has (dropped on conversion). */
function writeHostileVision(doc: Y.Doc): void {
  const fragment = doc.getXmlFragment(VISION_FIELD);
  const paragraph = new Y.XmlElement('paragraph');
  const bogus = new Y.XmlElement('script');
  fragment.insert(fragment.length, [paragraph, bogus]);
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  text.insert(0, 'Опасная ссылка', { link: { href: HOSTILE.jsHref } });
  text.insert(text.length, ' и ');
  text.insert(text.length, 'стратегия региона', { link: { href: HOSTILE.safeHref } });
  text.insert(text.length, ' — ');
  text.insert(text.length, 'жирный', { bold: true });
  bogus.insert(0, [new Y.XmlText('alert(1)')]);
}

export function fixtureSources(fixture: ExportFixture, scope: ExportScope): ModelSources {
  const teams = scope.kind === 'team' ? fixture.teams.filter((t) => t.teamId === scope.teamId) : fixture.teams;
  return { ...fixture, teams, scope, now: new Date(FIXTURE_CREATED_AT) };
}
