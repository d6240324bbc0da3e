/**
 * The session template «Образ будущего и проектные инициативы»: the board sections of the image of the future, the
 * lanes of the time map and the agenda of a strategic session. Titles are data written into the documents when a
 * session is created, in the session's language; people can rename them afterwards.
 */
import type { SessionTemplate } from './types.js';

export const imageOfFutureTemplate: SessionTemplate = {
  id: 'image-of-future',
  name: { ru: 'Образ будущего и проектные инициативы', en: 'Image of the future and project initiatives' },
  boardSections: [
    { key: 'people', title: { ru: 'Люди', en: 'People' }, color: '#e8f0fe' },
    { key: 'economy', title: { ru: 'Экономика и работа', en: 'Economy and work' }, color: '#e6f4ea' },
    { key: 'city', title: { ru: 'Городская среда', en: 'Urban environment' }, color: '#fef7e0' },
    { key: 'education', title: { ru: 'Образование', en: 'Education' }, color: '#f3e8fd' },
    { key: 'brand', title: { ru: 'Бренд региона', en: 'Regional brand' }, color: '#fce8e6' },
  ],
  timeMapLanes: [
    { key: 'trends', title: { ru: 'Тренды', en: 'Trends' } },
    { key: 'technologies', title: { ru: 'Технологии', en: 'Technologies' } },
    { key: 'threats', title: { ru: 'Угрозы', en: 'Threats' } },
    { key: 'opportunities', title: { ru: 'Возможности', en: 'Opportunities' } },
    { key: 'initiatives', title: { ru: 'Инициативы', en: 'Initiatives' } },
  ],
  agenda: [
    { key: 'intro', title: { ru: 'Знакомство', en: 'Introductions' }, minutes: 15, tab: 'board' },
    { key: 'trends', title: { ru: 'Тренды', en: 'Trends' }, minutes: 30, tab: 'timemap' },
    { key: 'image', title: { ru: 'Образ будущего', en: 'Image of the future' }, minutes: 60, tab: 'board' },
    { key: 'vision', title: { ru: 'Видение', en: 'Vision' }, minutes: 30, tab: 'vision' },
    { key: 'initiatives', title: { ru: 'Инициативы', en: 'Initiatives' }, minutes: 60, tab: 'initiatives' },
    { key: 'defense', title: { ru: 'Защита', en: 'Presentations' }, minutes: 40, tab: 'initiatives' },
    { key: 'voting', title: { ru: 'Голосование', en: 'Voting' }, minutes: 15, tab: 'initiatives' },
    { key: 'summary', title: { ru: 'Итоги', en: 'Summary' }, minutes: 15, tab: 'board' },
  ],
};
