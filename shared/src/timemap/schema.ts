/**
 * The time map of a team document: lanes (rows) across the years from the session's start to its horizon (columns),
 * cards placed in a lane at a year (optionally a quarter), and directed links between cards
 * (a trend → an opportunity → an initiative).
 *
 * Layout (root keys of the team doc `team:<sessionId>:<teamId>`):
 *   timeMapLanes: Y.Map<laneId, Y.Map>
 *     title:     string
 *     position:  number   — display order, ascending; ties broken by id. Fractional, so a move writes one field.
 *     key:       string   — the template lane it came from ('' for lanes a team added)
 *   timeMapCards: Y.Map<cardId, Y.Map>
 *     laneId:    string
 *     year:      number
 *     quarter:   number   — 0 for the whole year, 1–4 for a quarter
 *     text:      string
 *     createdBy: string   — participantId
 *   timeMapLinks: Y.Map<linkId, Y.Map>
 *     from:      string   — cardId
 *     to:        string   — cardId
 *
 * Root maps rather than one `timeMap` map holding three: two peers creating the same nested map at once would keep
 * only one of them, while root types always merge. Each entry is a Y.Map, so concurrent edits of different fields of
 * one card (one person moves it while another edits its text) both survive.
 */
import type * as Y from 'yjs';

export const TIME_MAP_KEYS = { lanes: 'timeMapLanes', cards: 'timeMapCards', links: 'timeMapLinks' } as const;

export const QUARTERS = [0, 1, 2, 3, 4] as const;
export type Quarter = (typeof QUARTERS)[number];

export interface Lane {
  id: string;
  title: string;
  position: number;
  key: string;
}

export interface TimeMapCard {
  id: string;
  laneId: string;
  year: number;
  quarter: Quarter;
  text: string;
  createdBy: string;
}

export interface TimeMapLink {
  id: string;
  from: string;
  to: string;
}

export interface TimeMap {
  lanes: Lane[];
  cards: TimeMapCard[];
  links: TimeMapLink[];
}

export function lanesMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap(TIME_MAP_KEYS.lanes);
}

export function cardsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap(TIME_MAP_KEYS.cards);
}

export function linksMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap(TIME_MAP_KEYS.links);
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function quarterOf(value: unknown): Quarter {
  return (QUARTERS as readonly unknown[]).includes(value) ? (value as Quarter) : 0;
}

export function byPosition<T extends { position: number; id: string }>(a: T, b: T): number {
  return a.position - b.position || a.id.localeCompare(b.id);
}

export function readLanes(doc: Y.Doc): Lane[] {
  const lanes: Lane[] = [];
  lanesMap(doc).forEach((lane, id) => {
    lanes.push({
      id,
      title: text(lane.get('title')),
      position: Number(lane.get('position') ?? 0),
      key: text(lane.get('key')),
    });
  });
  return lanes.sort(byPosition);
}

/**
 * The whole map as plain values. A card whose lane was removed while someone else added it shows in the first lane
 * instead of vanishing; links to removed cards are dropped.
 */
export function readTimeMap(doc: Y.Doc): TimeMap {
  const lanes = readLanes(doc);
  const laneIds = new Set(lanes.map((lane) => lane.id));
  const cards: TimeMapCard[] = [];
  cardsMap(doc).forEach((card, id) => {
    const laneId = text(card.get('laneId'));
    cards.push({
      id,
      laneId: laneIds.has(laneId) ? laneId : (lanes[0]?.id ?? laneId),
      year: Number(card.get('year') ?? 0),
      quarter: quarterOf(card.get('quarter')),
      text: text(card.get('text')),
      createdBy: text(card.get('createdBy')),
    });
  });
  cards.sort((a, b) => a.year - b.year || a.quarter - b.quarter || a.id.localeCompare(b.id));
  const cardIds = new Set(cards.map((card) => card.id));
  const links: TimeMapLink[] = [];
  linksMap(doc).forEach((link, id) => {
    const from = text(link.get('from'));
    const to = text(link.get('to'));
    if (cardIds.has(from) && cardIds.has(to)) links.push({ id, from, to });
  });
  return { lanes, cards, links };
}
