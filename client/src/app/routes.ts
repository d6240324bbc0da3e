/** The app's URLs: one place that parses them and one that builds them. */
import { WorkspaceTabs, type WorkspaceTab } from '@horizon/shared/templates';

export type Route =
  | { readonly name: 'home' }
  | { readonly name: 'join'; readonly code: string }
  | { readonly name: 'lobby'; readonly sessionId: string }
  | { readonly name: 'team'; readonly sessionId: string; readonly teamId: string; readonly tab: WorkspaceTab }
  | { readonly name: 'allInitiatives'; readonly sessionId: string }
  | { readonly name: 'control'; readonly sessionId: string }
  | { readonly name: 'projector'; readonly sessionId: string }
  | { readonly name: 'mentor'; readonly sessionId: string }
  | { readonly name: 'notFound' };

const SEGMENT = /^[A-Za-z0-9_-]{1,64}$/;

function decode(segment: string | undefined): string | null {
  if (segment === undefined) return null;
  try {
    const value = decodeURIComponent(segment);
    return SEGMENT.test(value) ? value : null;
  } catch {
    return null;
  }
}

export function matchRoute(pathname: string): Route {
  const parts = pathname.split('/').filter((part) => part.length > 0);
  if (parts.length === 0) return { name: 'home' };
  if (parts[0] === 'join' && parts.length === 2) {
    const code = decode(parts[1]);
    if (code) return { name: 'join', code };
  }
  if (parts[0] === 's' && parts.length >= 3) {
    const sessionId = decode(parts[1]);
    if (sessionId && parts[2] === 'lobby' && parts.length === 3) return { name: 'lobby', sessionId };
    if (sessionId && parts[2] === 'initiatives' && parts.length === 3) return { name: 'allInitiatives', sessionId };
    if (sessionId && parts[2] === 'control' && parts.length === 3) return { name: 'control', sessionId };
    if (sessionId && parts[2] === 'projector' && parts.length === 3) return { name: 'projector', sessionId };
    if (sessionId && parts[2] === 'mentor' && parts.length === 3) return { name: 'mentor', sessionId };
    const teamId = decode(parts[3]);
    if (sessionId && teamId && parts[2] === 'team' && parts.length === 4) {
      return { name: 'team', sessionId, teamId, tab: 'board' };
    }
    const tab = parts[4] as WorkspaceTab | undefined;
    if (sessionId && teamId && parts[2] === 'team' && parts.length === 5 && tab && WorkspaceTabs.includes(tab)) {
      return { name: 'team', sessionId, teamId, tab };
    }
  }
  return { name: 'notFound' };
}

export const paths = {
  home: (): string => '/',
  join: (code: string): string => `/join/${encodeURIComponent(code)}`,
  lobby: (sessionId: string): string => `/s/${encodeURIComponent(sessionId)}/lobby`,
  allInitiatives: (sessionId: string): string => `/s/${encodeURIComponent(sessionId)}/initiatives`,
  control: (sessionId: string): string => `/s/${encodeURIComponent(sessionId)}/control`,
  projector: (sessionId: string): string => `/s/${encodeURIComponent(sessionId)}/projector`,
  mentor: (sessionId: string): string => `/s/${encodeURIComponent(sessionId)}/mentor`,
  team: (sessionId: string, teamId: string, tab?: WorkspaceTab): string =>
    `/s/${encodeURIComponent(sessionId)}/team/${encodeURIComponent(teamId)}${tab ? `/${tab}` : ''}`,
} as const;
