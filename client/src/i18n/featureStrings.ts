/**
 * Each feature keeps its interface text beside its code (`features/<area>/strings.ts`); this merges them into the
 * resources under the feature's name, so `t('board.addNote')` reads `boardStrings.ru.addNote`.
 */
import { boardStrings } from '../features/board/strings';
import { exportStrings } from '../features/export/strings';
import { facilitationStrings } from '../features/facilitation/strings';
import { initiativesStrings } from '../features/initiatives/strings';
import { mentoringStrings } from '../features/mentoring/strings';
import { projectorStrings } from '../features/projector/strings';
import { timemapStrings } from '../features/timemap/strings';
import { visionStrings } from '../features/vision/strings';
import { workspaceStrings } from '../features/workspace/strings';
import type { Language, TranslationTree } from './types';

const features = {
  board: boardStrings,
  vision: visionStrings,
  timemap: timemapStrings,
  initiatives: initiativesStrings,
  workspace: workspaceStrings,
  facilitation: facilitationStrings,
  projector: projectorStrings,
  export: exportStrings,
  mentoring: mentoringStrings,
} as const;

export function featureStrings(language: Language): TranslationTree {
  return Object.fromEntries(
    Object.entries(features).map(([name, strings]) => [name, strings[language] as TranslationTree]),
  );
}
