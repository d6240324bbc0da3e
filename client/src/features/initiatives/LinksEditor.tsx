import { linkInitiative, unlinkInitiative, type Initiative } from '@horizon/shared/initiatives';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { useDocSnapshot } from '../timemap/useDocSnapshot';
import { readBoardTargets } from './boardTargets';
import type { InitiativeEnv } from './initiativeEnv';

const NOTE_PREVIEW = 60;

function preview(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > NOTE_PREVIEW ? `${line.slice(0, NOTE_PREVIEW - 1)}…` : line;
}

/** Which sections and notes of the image of the future the initiative serves (they feed the coverage view). */
export function LinksEditor({ env, initiative }: { env: InitiativeEnv; initiative: Initiative }) {
  const { t } = useTranslation();
  const headingId = useId();
  const board = useDocSnapshot(env.doc, readBoardTargets);
  const [noteId, setNoteId] = useState('');
  const linked = (kind: 'section' | 'note', id: string) =>
    initiative.links.some((link) => link.kind === kind && link.id === id);
  const noteLinks = initiative.links.filter((link) => link.kind === 'note');

  return (
    <section className="ini-form__section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('initiatives.links')}</h3>
      {board.sections.length === 0 && <p className="muted">{t('initiatives.noBoard')}</p>}
      <div className="ini-links">
        {board.sections.map((section) => (
          <label key={section.id} className="ini-check">
            <input
              type="checkbox"
              checked={linked('section', section.id)}
              disabled={!env.canWrite}
              onChange={(event) =>
                (event.target.checked ? linkInitiative : unlinkInitiative)(env.doc, initiative.id, {
                  kind: 'section',
                  id: section.id,
                })
              }
            />
            {t('initiatives.linkSection', { title: section.title })}
          </label>
        ))}
      </div>
      {noteLinks.length > 0 && (
        <ul className="ini-members__list">
          {noteLinks.map((link) => {
            const text = preview(board.notes.find((note) => note.id === link.id)?.text ?? t('initiatives.unknownNote'));
            return (
              <li key={link.id} className="ini-member">
                {text}
                {env.canWrite && (
                  <button
                    type="button"
                    className="hz-icon-btn"
                    aria-label={t('initiatives.removeNoteLink', { text })}
                    onClick={() => unlinkInitiative(env.doc, initiative.id, link)}
                  >
                    ×
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {env.canWrite && board.notes.length > 0 && (
        <div className="ini-inline-form">
          <select
            className="field__input hz-input-sm"
            aria-label={t('initiatives.linkNote')}
            value={noteId}
            onChange={(event) => setNoteId(event.target.value)}
          >
            <option value="">{t('initiatives.chooseNote')}</option>
            {board.notes
              .filter((note) => !linked('note', note.id))
              .map((note) => (
                <option key={note.id} value={note.id}>
                  {preview(note.text) || '…'}
                </option>
              ))}
          </select>
          <Button
            variant="secondary"
            size="sm"
            disabled={!noteId}
            onClick={() => {
              linkInitiative(env.doc, initiative.id, { kind: 'note', id: noteId });
              setNoteId('');
            }}
          >
            {t('initiatives.addLink')}
          </Button>
        </div>
      )}
    </section>
  );
}
