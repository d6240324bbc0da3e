/**
 * The report's words and number/date formats. Reports are in Russian (the programme's language); the interface
 * language of whoever clicked "export" does not change an official document.
 */
import type { Role } from '@horizon/shared';
import type { Reaction } from '@horizon/shared/board';
import type { ReviewVerdict } from '@horizon/shared/feedback';
import type { InitiativeStatus, StepStatus } from '@horizon/shared/initiatives';

/** Session dates print in the region's time: the sessions take place in Samara (UTC+4). */
export const REPORT_TIME_ZONE = 'Europe/Samara';

export const L = {
  reportKind: 'Итоги стратегической сессии',
  teamReportKind: 'Итоги команды в стратегической сессии',
  session: 'Сессия',
  date: 'Дата',
  horizon: 'Горизонт',
  period: 'Период планирования',
  teams: 'Команды',
  team: 'Команда',
  exported: 'Документ сформирован',
  generator: 'Horizon — рабочее пространство стратегических сессий',
  agenda: 'Программа сессии',
  agendaTime: 'Время',
  agendaStage: 'Этап',
  agendaMinutes: 'Мин.',
  agendaTab: 'Раздел',
  teamsAndPeople: 'Команды и участники',
  participants: 'Участники',
  mentors: 'Наставники',
  nobody: '—',
  motto: 'Девиз',
  board: 'Образ будущего',
  unsorted: 'Вне разделов',
  boardEmpty: 'На доске пока нет заметок.',
  links: 'Связи между заметками',
  vision: 'Видение',
  visionEmpty: 'Текст видения пока не написан.',
  timeMap: 'Карта времени',
  timeMapEmpty: 'На карте времени пока нет карточек.',
  year: 'Год',
  initiatives: 'Проектные инициативы',
  initiativesEmpty: 'Инициатив пока нет.',
  number: '№',
  initiative: 'Инициатива',
  owner: 'Руководитель',
  status: 'Статус',
  dates: 'Сроки',
  budget: 'Бюджет, ₽',
  passport: 'Паспорт инициативы',
  problem: 'Проблема',
  goal: 'Цель',
  mentor: 'Наставник',
  curator: 'Куратор',
  projectTeam: 'Команда проекта',
  resources: 'Ресурсы',
  risks: 'Риски',
  budgetField: 'Бюджет',
  linkedTo: 'Связь с образом будущего',
  indicators: 'Целевые показатели',
  indicator: 'Показатель',
  unit: 'Ед. изм.',
  baseline: 'Базовое значение',
  target: 'Целевое значение',
  steps: 'Шаги реализации',
  step: 'Шаг',
  start: 'Начало',
  end: 'Окончание',
  responsible: 'Ответственный',
  description: 'Описание',
  voting: 'Итоги голосования',
  votes: 'Голоса',
  option: 'Вариант',
  voters: 'Кто голосовал',
  page: 'Страница',
  of: 'из',
  author: 'автор',
  review: 'Оценка наставника',
  reviewShort: 'Оценка',
  earlierReviews: 'ранее оценок',
  comments: 'Комментарии',
  noteComments: 'Комментарии к заметкам',
  resolved: 'обсуждение закрыто',
} as const;

export const REVIEW_VERDICT: Record<ReviewVerdict, string> = {
  approved: 'Одобрено',
  changesRequested: 'Нужны правки',
};

export const ROLE_LABEL: Record<Role, string> = {
  facilitator: 'фасилитатор',
  participant: 'участник',
  mentor: 'наставник',
  projector: 'проектор',
};

export const INITIATIVE_STATUS: Record<InitiativeStatus, string> = {
  idea: 'Идея',
  design: 'Проектирование',
  active: 'Реализация',
  done: 'Завершена',
};

export const STEP_STATUS: Record<StepStatus, string> = {
  planned: 'Запланирован',
  active: 'Выполняется',
  done: 'Выполнен',
};

export const REACTION_LABEL: Record<Reaction, string> = {
  like: 'нравится',
  idea: 'идея',
  important: 'важно',
  question: 'вопрос',
};

const longDate = new Intl.DateTimeFormat('ru-RU', { dateStyle: 'long', timeZone: REPORT_TIME_ZONE });
const dateTime = new Intl.DateTimeFormat('ru-RU', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: REPORT_TIME_ZONE,
});
const shortDateTime = new Intl.DateTimeFormat('ru-RU', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: REPORT_TIME_ZONE,
});
const roubles = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 2 });

/** «27 ноября 2026 г.»; '' for a missing or broken date. */
export function formatLongDate(iso: string): string {
  const time = Date.parse(iso);
  return Number.isFinite(time) ? longDate.format(time) : '';
}

/** «27.11.2026, 14:05» (comments and reviews: many per page, so short); '' for a missing date. */
export function formatShortDateTime(iso: string): string {
  const time = Date.parse(iso);
  return Number.isFinite(time) ? shortDateTime.format(time) : '';
}

export function formatDateTime(date: Date): string {
  return dateTime.format(date);
}

/** An ISO calendar date (`2026-03-01`) as «01.03.2026»; anything else as it is. */
export function formatDay(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${match[3]}.${match[2]}.${match[1]}` : iso;
}

/** «12 000 000 ₽» (with no-break spaces, so the amount never wraps). */
export function formatRoubles(amount: number | null): string {
  return amount === null ? '' : `${roubles.format(amount)}\u00a0₽`;
}

export function formatNumber(value: number | null): string {
  return value === null ? '' : roubles.format(value);
}

/** «1 ч 30 мин» style durations for agenda offsets: `h:mm`. */
export function formatClock(totalMinutes: number): string {
  const minutes = ((Math.round(totalMinutes) % 1440) + 1440) % 1440;
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}
