import { REACTIONS, type NoteSnapshot, type Reaction } from '@horizon/shared/board';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { NoteThreadBadge } from '../../mentoring/NoteThreadBadge';
import type { BoardController } from '../model/BoardController';
import type { NoteMark } from '../model/boardPresence';
import { NoteTextEditor } from './NoteTextEditor';

// Symbols every system font has: colour emoji are missing on many Linux machines and projectors' PCs.
export const REACTION_ICONS: Record<Reaction, string> = { like: '♥', idea: '✦', important: '★', question: '?' };

interface NoteCardProps {
  note: NoteSnapshot;
  controller: BoardController;
  selected: boolean;
  editing: boolean;
  mark: NoteMark | undefined;
}

// One formatter per language: building an Intl formatter per note would dominate mounting a screenful of notes.
const timeFormats = new Map<string, Intl.DateTimeFormat>();

function timeOf(ms: number, language: string): string {
  if (!ms) return '';
  let format = timeFormats.get(language);
  if (!format)
    timeFormats.set(language, (format = new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' })));
  return format.format(ms);
}

/** One sticky note. Memoised: it re-renders only when its own snapshot, selection or marks change. */
export const NoteCard = memo(function NoteCard({ note, controller, selected, editing, mark }: NoteCardProps) {
  const { t, i18n } = useTranslation();
  const { canWrite, me } = controller;
  const classes = ['note', `note--${note.color}`];
  if (selected) classes.push('note--selected');
  if (mark) classes.push('note--marked');
  const summary = note.text.trim().slice(0, 60) || t('board.emptyNote');
  return (
    <article
      className={classes.join(' ')}
      data-note-id={note.id}
      tabIndex={0}
      aria-label={t('board.noteLabel', { text: summary, author: note.authorName })}
      aria-selected={selected}
      style={{
        transform: `translate(${note.x}px, ${note.y}px)`,
        width: note.w,
        height: note.h,
        ...(mark ? { '--mark-color': mark.color } : {}),
      }}
      onFocus={(event) => {
        if (event.target === event.currentTarget && !selected) controller.selectNotes([note.id]);
      }}
    >
      <NoteThreadBadge noteId={note.id} noteText={note.text} />
      {mark && <span className="note__mark">{mark.editing ? t('board.typing', { name: mark.name }) : mark.name}</span>}
      {editing ? (
        <NoteTextEditor controller={controller} id={note.id} />
      ) : (
        <p className={note.text ? 'note__text' : 'note__text note__text--empty'}>{note.text || t('board.emptyNote')}</p>
      )}
      <footer className="note__meta">
        <span className="note__author">
          {note.authorName}
          {note.createdAt ? ` · ${timeOf(note.createdAt, i18n.language)}` : ''}
        </span>
        <span className="note__reactions">
          {REACTIONS.filter((reaction) => note.reactions[reaction]?.length).map((reaction) => {
            const people = note.reactions[reaction]!;
            const mine = people.includes(me.participantId);
            return (
              <button
                key={reaction}
                type="button"
                className={mine ? 'note__reaction note__reaction--mine' : 'note__reaction'}
                aria-pressed={mine}
                disabled={!canWrite}
                aria-label={t('board.reactionCount', {
                  reaction: t(`board.reactions.${reaction}`),
                  count: people.length,
                })}
                onClick={() => controller.react(note.id, reaction)}
              >
                {REACTION_ICONS[reaction]} {people.length}
              </button>
            );
          })}
        </span>
      </footer>
      {selected && canWrite && !editing && (
        <span className="note__resize" data-resize-note={note.id} aria-hidden="true" />
      )}
    </article>
  );
});
