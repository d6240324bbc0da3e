// The reference session — 10 teams × 200 notes × 20 initiatives, each initiative reviewed by the team's
// mentor and a few comment threads per team — written into a running Horizon app through the same shared mutators
// the editors, the demo session and the feedback service use (server/dist), so the export reads rooms exactly as
// people would have filled them.
import { demoTeams } from '@horizon/server/dist/sessions/demoContent.js';
import { writeDemoTeam } from '@horizon/server/dist/sessions/demoSession.js';
import { listNotes } from '@horizon/shared/board';
import { writeReview, writeThread } from '@horizon/shared/feedback';
import { readInitiatives } from '@horizon/shared/initiatives';
import { yearRangeOf } from '@horizon/shared/timemap';

export const SHAPE = { teams: 10, notesPerTeam: 200, initiativesPerTeam: 20, peoplePerTeam: 6 };

/** Cycles `items` up to `count`, numbering repeats so every text differs (as real notes do). */
function cycle(items, count, label) {
  return Array.from({ length: count }, (_, i) => label(items[i % items.length], Math.floor(i / items.length), i));
}

/** A demo team scaled up to the reference shape: notes spread over the template's sections, 20 passports. */
export function bigTeam(index) {
  const base = demoTeams[index % demoTeams.length];
  const allNotes = Object.entries(base.notes).flatMap(([key, texts]) => texts.map((text) => [key, text]));
  const notes = {};
  cycle(allNotes, SHAPE.notesPerTeam, ([key, text], round) => [key, round ? `${text} (${round + 1})` : text]).forEach(
    ([key, text]) => (notes[key] ??= []).push(text),
  );
  const initiatives = demoTeams.flatMap((t) => t.initiatives);
  return {
    ...base,
    name: `Команда ${index + 1}`,
    people: cycle(base.people, SHAPE.peoplePerTeam, (p, round) => (round ? `${p} ${round + 1}` : p)),
    notes,
    vision: { ...base.vision, paragraphs: cycle(base.vision.paragraphs, 12, (p) => p) },
    initiatives: cycle(initiatives, SHAPE.initiativesPerTeam, (item, round, i) => ({
      ...item,
      title: `${i + 1}. ${item.title}`,
    })),
  };
}

/**
 * Creates the session over HTTP (as a facilitator would) and fills each team's room in the app (`rooms.change`, the
 * write path the demo session uses). Returns the create response.
 */
export async function createBigSession(baseUrl, app) {
  const teams = Array.from({ length: SHAPE.teams }, (_, i) => bigTeam(i));
  const response = await fetch(`${baseUrl}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      title: 'Стратегическая сессия — 10 команд',
      horizonYear: 2036,
      teams: teams.map((t) => t.name),
    }),
  });
  if (response.status !== 201) throw new Error(`create session: ${response.status} ${await response.text()}`);
  const created = await response.json();
  const range = yearRangeOf({ createdAt: new Date().toISOString(), horizonYear: 2036 });
  for (const [i, team] of teams.entries()) {
    const teamId = created.teams[i].teamId;
    for (const [p, name] of team.people.entries()) {
      await app.store.addParticipant({
        participantId: `bench${i}p${p}`,
        sessionId: created.sessionId,
        name,
        role: 'participant',
        teamId,
        createdAt: new Date().toISOString(),
      });
    }
    await app.store.addParticipant({
      participantId: `bench${i}m`,
      sessionId: created.sessionId,
      name: `Наставник ${i + 1}`,
      role: 'mentor',
      mentorOf: [teamId],
      createdAt: new Date().toISOString(),
    });
    let targets;
    await app.rooms.change({ kind: 'team', sessionId: created.sessionId, teamId }, 'server', (doc) => {
      writeDemoTeam(doc, team, range, 'server');
      targets = feedbackTargets(doc);
    });
    await app.rooms.change({ kind: 'session', sessionId: created.sessionId }, 'facilitator', (doc) =>
      writeBigFeedback(doc, teamId, targets, i),
    );
  }
  return created;
}

/** What feedback is written about: a team's initiative and note ids. */
export function feedbackTargets(teamDoc) {
  return { initiativeIds: readInitiatives(teamDoc).map((i) => i.id), noteIds: listNotes(teamDoc).map((n) => n.id) };
}

/**
 * A review of every initiative (a third asking for changes), a thread on every 5th initiative and a resolved
 * two-comment thread on every 20th note, as the feedback service writes them into the session document.
 */
export function writeBigFeedback(sessionDoc, teamId, { initiativeIds, noteIds }, index) {
  const at = Date.now();
  const by = { byName: `Наставник ${index + 1}`, byId: `bench${index}m` };
  const comment = (id, text) => ({ id, authorId: by.byId, authorName: by.byName, role: 'mentor', text, at });
  initiativeIds.forEach((id, n) => {
    const changes = n % 3 === 0;
    writeReview(sessionDoc, teamId, id, {
      verdict: changes ? 'changesRequested' : 'approved',
      comment: changes ? 'Уточните целевые показатели на 2030 год и источник финансирования' : '',
      ...by,
      at,
    });
    if (n % 5 !== 0) return;
    writeThread(sessionDoc, {
      id: `t${index}i${n}`,
      teamId,
      target: { kind: 'initiative', id },
      createdAt: at,
      comments: [comment(`c${index}i${n}`, 'Кто отвечает за этот шаг со стороны региона?')],
      resolved: null,
    });
  });
  noteIds.forEach((id, n) => {
    if (n % 20 !== 0) return;
    writeThread(sessionDoc, {
      id: `t${index}n${n}`,
      teamId,
      target: { kind: 'note', id },
      createdAt: at,
      comments: [
        comment(`c${index}n${n}a`, 'Откуда эта цифра?'),
        comment(`c${index}n${n}b`, 'Из опроса выпускников 2025 года'),
      ],
      resolved: { by: by.byName, at },
    });
  });
}
