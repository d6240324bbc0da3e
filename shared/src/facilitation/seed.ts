/** The facilitation part of a new session document: the template's agenda, its first stage current. */
import type * as Y from 'yjs';
import type { Language, SessionTemplate } from '../templates/types.js';
import {
  DEFAULT_FOCUS,
  IDLE_TIMER,
  setCurrentStage,
  setProjectorFocus,
  writeAgendaStages,
  writeLocks,
  writeTimer,
} from './schema.js';
import type { AgendaStage } from './schema.js';

export function agendaOf(template: SessionTemplate, lang: Language): AgendaStage[] {
  return template.agenda.map((stage) => ({
    id: stage.key,
    title: stage.title[lang],
    minutes: stage.minutes,
    tab: stage.tab,
  }));
}

/** Server only, inside the transaction that seeds the session document. */
export function seedFacilitation(doc: Y.Doc, template: SessionTemplate, lang: Language): void {
  const stages = agendaOf(template, lang);
  writeAgendaStages(doc, stages);
  setCurrentStage(doc, stages[0]?.id ?? null);
  writeTimer(doc, IDLE_TIMER);
  setProjectorFocus(doc, DEFAULT_FOCUS);
  writeLocks(doc, { all: false, teams: {} });
}
