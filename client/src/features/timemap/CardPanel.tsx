import {
  addLink,
  removeCard,
  removeLink,
  updateCard,
  yearsOf,
  type CardPatch,
  type TimeMap,
  type TimeMapCard,
  type YearRange,
} from '@horizon/shared/timemap';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { Button } from '../../ui/Button';
import { issueMessage, tryWrite } from './issueMessages';

interface CardPanelProps {
  doc: Y.Doc;
  map: TimeMap;
  card: TimeMapCard;
  range: YearRange;
  canWrite: boolean;
  onClose: () => void;
}

/** The selected card: its text, where it sits (the keyboard alternative to dragging) and its links. */
export function CardPanel({ doc, map, card, range, canWrite, onClose }: CardPanelProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const [text, setText] = useState<string | null>(null);
  const [linkTarget, setLinkTarget] = useState('');
  const [error, setError] = useState<string | null>(null);
  const laneTitle = (laneId: string) => map.lanes.find((lane) => lane.id === laneId)?.title ?? '';
  const cardText = (id: string) => map.cards.find((candidate) => candidate.id === id)?.text ?? '';

  const write = (fn: () => void) => {
    const issues = tryWrite(fn);
    setError(issues[0] ? issueMessage(t, issues[0], range) : null);
    return issues.length === 0;
  };
  const update = (patch: CardPatch) => write(() => updateCard(doc, card.id, patch, { range }));
  const outgoing = map.links.filter((link) => link.from === card.id);
  const incoming = map.links.filter((link) => link.to === card.id);

  return (
    <aside className="tm-panel" aria-labelledby={headingId}>
      <div className="tm-panel__head">
        <h3 id={headingId}>{t('timemap.panelTitle')}</h3>
        <button type="button" className="hz-icon-btn" aria-label={t('timemap.close')} onClick={onClose}>
          ×
        </button>
      </div>
      <label className="field">
        <span className="field__label">{t('timemap.cardText')}</span>
        <textarea
          className="field__input tm-panel__text"
          value={text ?? card.text}
          readOnly={!canWrite}
          rows={3}
          onChange={(event) => setText(event.target.value)}
          onBlur={() => {
            if (text !== null && text !== card.text && update({ text })) setText(null);
          }}
        />
      </label>
      <div className="tm-panel__row">
        <label className="field">
          <span className="field__label">{t('timemap.lane')}</span>
          <select
            className="field__input"
            value={card.laneId}
            disabled={!canWrite}
            onChange={(event) => update({ laneId: event.target.value })}
          >
            {map.lanes.map((lane) => (
              <option key={lane.id} value={lane.id}>
                {lane.title}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{t('timemap.year')}</span>
          <select
            className="field__input"
            value={card.year}
            disabled={!canWrite}
            onChange={(event) => update({ year: Number(event.target.value) })}
          >
            {yearsOf(range).map((year) => (
              <option key={year} value={year}>
                {year}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{t('timemap.quarter')}</span>
          <select
            className="field__input"
            value={card.quarter}
            disabled={!canWrite}
            onChange={(event) => update({ quarter: Number(event.target.value) as CardPatch['quarter'] })}
          >
            <option value={0}>{t('timemap.wholeYear')}</option>
            {[1, 2, 3, 4].map((quarter) => (
              <option key={quarter} value={quarter}>
                {t('timemap.quarterN', { quarter })}
              </option>
            ))}
          </select>
        </label>
      </div>
      <section className="tm-panel__links" aria-label={t('timemap.links')}>
        <h4>{t('timemap.links')}</h4>
        <ul className="tm-panel__link-list">
          {outgoing.map((link) => (
            <li key={link.id}>
              <span>{t('timemap.linkedTo', { text: cardText(link.to) })}</span>
              {canWrite && (
                <button
                  type="button"
                  className="hz-icon-btn"
                  aria-label={t('timemap.removeLink', { text: cardText(link.to) })}
                  onClick={() => removeLink(doc, link.id)}
                >
                  ×
                </button>
              )}
            </li>
          ))}
          {incoming.map((link) => (
            <li key={link.id} className="muted">
              {t('timemap.linkedFrom', { text: cardText(link.from) })}
            </li>
          ))}
        </ul>
        {canWrite && (
          <div className="tm-panel__row">
            <select
              className="field__input"
              aria-label={t('timemap.linkTo')}
              value={linkTarget}
              onChange={(event) => setLinkTarget(event.target.value)}
            >
              <option value="">{t('timemap.chooseCard')}</option>
              {map.cards
                .filter((other) => other.id !== card.id)
                .map((other) => (
                  <option key={other.id} value={other.id}>
                    {other.text} — {laneTitle(other.laneId)}, {other.year}
                  </option>
                ))}
            </select>
            <Button
              variant="secondary"
              size="sm"
              disabled={!linkTarget}
              onClick={() => write(() => addLink(doc, card.id, linkTarget)) && setLinkTarget('')}
            >
              {t('timemap.addLink')}
            </Button>
          </div>
        )}
      </section>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      {canWrite && (
        <Button
          variant="danger"
          size="sm"
          onClick={() => {
            removeCard(doc, card.id);
            onClose();
          }}
        >
          {t('timemap.deleteCard')}
        </Button>
      )}
    </aside>
  );
}
