import {
  InitiativeStatuses,
  updateInitiative,
  type Initiative,
  type InitiativeStatus,
} from '@horizon/shared/initiatives';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { InitiativeReviewChip } from '../mentoring/InitiativeReviewChip';
import { tryWrite } from '../timemap/issueMessages';
import { CommitField } from './CommitField';
import { deadlineOf } from './deadline';
import { formatDate } from './format';
import type { InitiativeEnv } from './initiativeEnv';

const COLUMNS = ['title', 'status', 'owner', 'mentor', 'steps', 'deadline', 'indicators'] as const;
type Column = (typeof COLUMNS)[number];

function sortValue(initiative: Initiative, column: Column): string | number {
  switch (column) {
    case 'status':
      return InitiativeStatuses.indexOf(initiative.status);
    case 'steps':
      return initiative.steps.length;
    case 'indicators':
      return initiative.indicators.length;
    case 'deadline':
      return deadlineOf(initiative) || '9999';
    default:
      return initiative[column].toLocaleLowerCase();
  }
}

/** The initiatives as a table: sortable columns, a search and a status filter, title, people and status edited in place. */
export function InitiativeTable({
  env,
  initiatives,
  onOpen,
}: {
  env: InitiativeEnv;
  initiatives: Initiative[];
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<{ column: Column; descending: boolean } | null>(null);
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<InitiativeStatus | ''>('');

  const needle = query.trim().toLocaleLowerCase();
  const rows = initiatives.filter(
    (initiative) =>
      (!status || initiative.status === status) &&
      (!needle ||
        [initiative.title, initiative.owner, initiative.mentor, initiative.goal].some((text) =>
          text.toLocaleLowerCase().includes(needle),
        )),
  );
  if (sort) {
    rows.sort((a, b) => {
      const x = sortValue(a, sort.column);
      const y = sortValue(b, sort.column);
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      return sort.descending ? -order : order;
    });
  }
  const header = (column: Column) =>
    column === 'steps' || column === 'deadline' || column === 'indicators'
      ? t(`initiatives.table.${column}`)
      : t(`initiatives.fields.${column}`);

  const write = (id: string, field: 'title' | 'owner' | 'mentor', draft: string) =>
    tryWrite(() => updateInitiative(env.doc, id, { [field]: draft }));

  const editable = (initiative: Initiative, field: 'title' | 'owner' | 'mentor') => (
    <CommitField
      label={t('initiatives.cellField', { field: header(field), title: initiative.title })}
      hideLabel
      value={initiative[field]}
      readOnly={!env.canWrite}
      suggestions={field === 'title' ? undefined : env.peopleListId}
      message={env.message}
      onCommit={(draft) => write(initiative.id, field, draft)}
      className="ini-table__input"
    />
  );

  return (
    <div className="ini-table-view">
      <div className="ini-table__filters">
        <input
          className="field__input hz-input-sm"
          type="search"
          aria-label={t('initiatives.table.search')}
          placeholder={t('initiatives.table.search')}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <select
          className="field__input hz-input-sm"
          aria-label={t('initiatives.table.statusFilter')}
          value={status}
          onChange={(event) => setStatus(event.target.value as InitiativeStatus | '')}
        >
          <option value="">{t('initiatives.table.allStatuses')}</option>
          {InitiativeStatuses.map((value) => (
            <option key={value} value={value}>
              {t(`initiatives.status.${value}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="ini-table__scroller">
        <table className="ini-table" aria-label={t('initiatives.table.label')}>
          <thead>
            <tr>
              {COLUMNS.map((column) => (
                <th
                  key={column}
                  scope="col"
                  aria-sort={sort?.column === column ? (sort.descending ? 'descending' : 'ascending') : undefined}
                >
                  <button
                    type="button"
                    className="ini-table__sort"
                    aria-label={t('initiatives.table.sortBy', { column: header(column) })}
                    onClick={() =>
                      setSort((previous) => ({
                        column,
                        descending: previous?.column === column ? !previous.descending : false,
                      }))
                    }
                  >
                    {header(column)}
                    <span aria-hidden="true">{sort?.column === column ? (sort.descending ? ' ↓' : ' ↑') : ''}</span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((initiative) => (
              <tr key={initiative.id}>
                <td>
                  <div className="ini-table__title">
                    {editable(initiative, 'title')}
                    <button
                      type="button"
                      className="hz-icon-btn"
                      aria-label={t('initiatives.open', { title: initiative.title })}
                      title={t('initiatives.open', { title: initiative.title })}
                      onClick={() => onOpen(initiative.id)}
                    >
                      ↗
                    </button>
                  </div>
                  <InitiativeReviewChip initiativeId={initiative.id} />
                </td>
                <td>
                  <select
                    className="field__input hz-input-sm"
                    aria-label={t('initiatives.cellField', { field: header('status'), title: initiative.title })}
                    value={initiative.status}
                    disabled={!env.canWrite}
                    onChange={(event) =>
                      updateInitiative(env.doc, initiative.id, { status: event.target.value as InitiativeStatus })
                    }
                  >
                    {InitiativeStatuses.map((value) => (
                      <option key={value} value={value}>
                        {t(`initiatives.status.${value}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>{editable(initiative, 'owner')}</td>
                <td>{editable(initiative, 'mentor')}</td>
                <td className="ini-table__number">{initiative.steps.length}</td>
                <td className="ini-table__date">{formatDate(deadlineOf(initiative), env.language)}</td>
                <td className="ini-table__number">{initiative.indicators.length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length === 0 && <p className="muted">{t('initiatives.table.noMatches')}</p>}
    </div>
  );
}
