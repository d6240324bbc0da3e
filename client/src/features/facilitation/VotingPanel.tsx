import type { SessionView } from '@horizon/shared';
import { byCreation, listNotes } from '@horizon/shared/board';
import type { MyVotes, VotingRound } from '@horizon/shared/facilitation';
import { readInitiatives } from '@horizon/shared/initiatives';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { useDocValue, useRoom } from '../../collab/hooks';
import { facilitationErrorKey } from './errorText';
import { castVote, getMyVotes } from './facilitationApi';

interface VotingPanelProps {
  view: SessionView;
  token: string;
  round: VotingRound;
  /** The voter's own team: the one voted on when the round is about each team's own items. */
  teamId: string;
  teamNames: Record<string, string>;
}

interface VoteItem {
  id: string;
  label: string;
}

const LABEL_MAX = 120;
const NO_ITEMS: VoteItem[] = [];

function noteItems(doc: Y.Doc): VoteItem[] {
  return listNotes(doc)
    .sort(byCreation)
    .map((note) => ({ id: note.id, label: note.text.trim().replace(/\s+/g, ' ').slice(0, LABEL_MAX) }));
}

function initiativeItems(doc: Y.Doc): VoteItem[] {
  return readInitiatives(doc).map((initiative) => ({
    id: initiative.id,
    label: initiative.title.trim().slice(0, LABEL_MAX),
  }));
}

/**
 * The open round: the items to vote on with + and −, and how many votes are left. The server keeps the count and
 * the budget; this shows its answers, so two devices of one person never disagree for long.
 */
export function VotingPanel({ view, token, round, teamId, teamNames }: VotingPanelProps) {
  const { t } = useTranslation();
  const [mine, setMine] = useState<MyVotes | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);

  useEffect(() => {
    const controller = new AbortController();
    const load = () =>
      getMyVotes(view.sessionId, token, round.id, controller.signal).then(setMine, (failure: unknown) => {
        if (!controller.signal.aborted) setError(failure);
      });
    void load();
    // The same person may vote from a phone and a laptop: a screen coming back into view reads the count again.
    const onVisible = () => {
      if (document.visibilityState === 'visible') void load();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      controller.abort();
    };
  }, [view.sessionId, token, round.id]);

  const vote = async (voteTeamId: string, itemId: string, action: 'cast' | 'retract') => {
    setBusy(true);
    setError(undefined);
    try {
      setMine(await castVote(view.sessionId, token, round.id, { teamId: voteTeamId, itemId, action }));
    } catch (failure) {
      setError(failure);
      // A refusal means this screen was behind (votes spent on another device, the round closed): show what the
      // server holds now, or the + buttons keep offering votes that do not exist.
      await getMyVotes(view.sessionId, token, round.id).then(setMine, () => undefined);
    } finally {
      setBusy(false);
    }
  };

  const teams = round.scope === 'own' ? view.teams.filter((team) => team.teamId === teamId) : view.teams;
  const remaining = mine?.remaining ?? null;
  const countOf = (voteTeamId: string, itemId: string) =>
    mine?.votes.filter((entry) => entry.teamId === voteTeamId && entry.itemId === itemId).length ?? 0;

  return (
    <section className="voting" aria-labelledby={`voting-${round.id}`}>
      <div className="voting__head">
        <h2 id={`voting-${round.id}`} className="voting__title">
          {t('facilitation.voting.panelTitle', { title: round.title })}
        </h2>
        <p className="voting__remaining" data-testid="votes-remaining" aria-live="polite">
          {remaining === null ? '' : t('facilitation.voting.remaining', { count: remaining })}
        </p>
      </div>
      {error !== undefined && (
        <p className="voting__error" role="alert">
          {t(facilitationErrorKey(error))}
        </p>
      )}
      <div className="voting__teams">
        {teams.map((team) => (
          <TeamItems
            key={team.teamId}
            room={view.rooms.teams[team.teamId] ?? null}
            token={token}
            target={round.target}
            heading={teams.length > 1 ? (teamNames[team.teamId] ?? team.name) : null}
            render={(item) => {
              const count = countOf(team.teamId, item.id);
              const label = item.label || t('facilitation.voting.untitled');
              return (
                <li key={item.id} className={count > 0 ? 'voting__item voting__item--voted' : 'voting__item'}>
                  <span className="voting__label">{label}</span>
                  <span className="voting__controls">
                    <button
                      type="button"
                      className="voting__button"
                      aria-label={t('facilitation.voting.retract', { item: label })}
                      disabled={busy || count === 0 || mine === null}
                      onClick={() => void vote(team.teamId, item.id, 'retract')}
                    >
                      −
                    </button>
                    <span className="voting__count" aria-label={t('facilitation.voting.yourVotes', { count })}>
                      {count}
                    </span>
                    <button
                      type="button"
                      className="voting__button voting__button--add"
                      aria-label={t('facilitation.voting.cast', { item: label })}
                      disabled={busy || mine === null || (remaining ?? 0) <= 0}
                      onClick={() => void vote(team.teamId, item.id, 'cast')}
                    >
                      +
                    </button>
                  </span>
                </li>
              );
            }}
          />
        ))}
      </div>
    </section>
  );
}

interface TeamItemsProps {
  room: string | null;
  token: string;
  target: VotingRound['target'];
  heading: string | null;
  render: (item: VoteItem) => ReactNode;
}

/** One team's notes or initiatives, read from its room (participants may read every team). */
function TeamItems({ room, token, target, heading, render }: TeamItemsProps) {
  const { t } = useTranslation();
  const connection = useRoom(room, token);
  const items = useDocValue(connection?.doc, target === 'notes' ? noteItems : initiativeItems, NO_ITEMS);
  return (
    <div className="voting__team">
      {heading && <h3 className="voting__team-name">{heading}</h3>}
      {items.length === 0 ? (
        <p className="muted">{t(`facilitation.voting.nothing.${target}`)}</p>
      ) : (
        <ul className="voting__items">{items.map(render)}</ul>
      )}
    </div>
  );
}
