/**
 * Awareness state: `{ user: { name, color, participantId, role }, view?: { tab } }`. Remote states are whatever another client
 * sent, so they are parsed, never trusted: a bad colour must not inject CSS and a huge name must not break layout.
 */
import { ApiLimits, Roles, type Role } from '@horizon/shared';
import { WorkspaceTabs, type WorkspaceTab } from '@horizon/shared/templates';

export interface PresenceUser {
  name: string;
  color: string;
  participantId: string;
  role: Role;
}

/** Where a person is looking. */
export interface PresenceView {
  tab: WorkspaceTab;
}

export interface Peer {
  clientId: number;
  user: PresenceUser;
  isLocal: boolean;
  /** Absent for clients that do not say (older clients, the lobby). */
  view?: PresenceView;
}

export const PERSON_COLORS = [
  '#2563eb',
  '#c2410c',
  '#15803d',
  '#7c3aed',
  '#b45309',
  '#be185d',
  '#0e7490',
  '#4d7c0f',
  '#9f1239',
  '#1d4ed8',
] as const;

const COLOR_PATTERN = /^#[0-9a-f]{6}$/i;

/** A stable colour for a person: the same participant gets the same colour on every device. */
export function colorFor(id: string): string {
  let hash = 0;
  for (let i = 0; i < id.length; i++) hash = (hash * 31 + id.charCodeAt(i)) >>> 0;
  return PERSON_COLORS[hash % PERSON_COLORS.length]!;
}

export function parsePresenceUser(state: unknown): PresenceUser | null {
  if (typeof state !== 'object' || state === null) return null;
  const user = (state as { user?: unknown }).user;
  if (typeof user !== 'object' || user === null) return null;
  const { name, color, participantId, role } = user as Record<string, unknown>;
  if (typeof participantId !== 'string' || participantId.length === 0 || participantId.length > 64) return null;
  if (typeof name !== 'string' || name.trim().length === 0) return null;
  return {
    name: name.trim().slice(0, ApiLimits.nameMax),
    color: typeof color === 'string' && COLOR_PATTERN.test(color) ? color : colorFor(participantId),
    participantId,
    role: typeof role === 'string' && (Roles as readonly string[]).includes(role) ? (role as Role) : 'participant',
  };
}

export function parsePresenceView(state: unknown): PresenceView | undefined {
  if (typeof state !== 'object' || state === null) return undefined;
  const view = (state as { view?: unknown }).view;
  if (typeof view !== 'object' || view === null) return undefined;
  const tab = (view as { tab?: unknown }).tab;
  return typeof tab === 'string' && (WorkspaceTabs as readonly string[]).includes(tab)
    ? { tab: tab as WorkspaceTab }
    : undefined;
}

/**
 * One entry per person, yourself first: a person with two tabs open is one person. The rest keep the order in
 * which their clients were first seen.
 */
export function peersFrom(states: Map<number, unknown>, localClientId: number): Peer[] {
  const byPerson = new Map<string, Peer>();
  for (const [clientId, state] of states) {
    const user = parsePresenceUser(state);
    if (!user) continue;
    const isLocal = clientId === localClientId;
    const existing = byPerson.get(user.participantId);
    const view = parsePresenceView(state);
    if (!existing || (isLocal && !existing.isLocal)) {
      byPerson.set(user.participantId, { clientId, user, isLocal, ...(view ? { view } : {}) });
    }
  }
  const peers = [...byPerson.values()];
  const localParticipant = peers.find((peer) => peer.isLocal)?.user.participantId;
  return peers
    .map((peer) => ({ ...peer, isLocal: peer.user.participantId === localParticipant }))
    .sort((a, b) => Number(b.isLocal) - Number(a.isLocal));
}

export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0]![0], words[1]![0]] : [...(words[0] ?? '?')].slice(0, 2);
  return letters.join('').toUpperCase();
}
