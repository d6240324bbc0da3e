import type { i18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { CollabProvider, pageWsBase } from '../collab/CollabProvider';
import { ControlRoomPage } from '../features/facilitation/ControlRoomPage';
import { AllTeamsInitiativesPage } from '../features/initiatives/AllTeamsInitiativesPage';
import { HomePage } from '../features/home/HomePage';
import { JoinPage } from '../features/join/JoinPage';
import { LobbyPage } from '../features/lobby/LobbyPage';
import { MentorPage } from '../features/mentoring/MentorPage';
import { ProjectorPage } from '../features/projector/ProjectorPage';
import { TeamPage } from '../features/team/TeamPage';
import { NotFoundPage } from './NotFoundPage';
import { usePathname } from './router';
import { matchRoute, type Route } from './routes';
import { Shell } from './Shell';
import { renewToken } from './tokenRenewal';
import { useDocumentLanguage } from './useDocumentLanguage';

function Page({ route }: { route: Route }) {
  switch (route.name) {
    case 'home':
      return <HomePage />;
    case 'join':
      // Keyed, so a new code starts from a clean form.
      return <JoinPage key={route.code} code={route.code} />;
    case 'lobby':
      return <LobbyPage key={route.sessionId} sessionId={route.sessionId} />;
    case 'team':
      return (
        <TeamPage
          key={`${route.sessionId}/${route.teamId}`}
          sessionId={route.sessionId}
          teamId={route.teamId}
          tab={route.tab}
        />
      );
    case 'allInitiatives':
      return <AllTeamsInitiativesPage key={route.sessionId} sessionId={route.sessionId} />;
    case 'control':
      return <ControlRoomPage key={route.sessionId} sessionId={route.sessionId} />;
    case 'projector':
      return <ProjectorPage key={route.sessionId} sessionId={route.sessionId} />;
    case 'mentor':
      return <MentorPage key={route.sessionId} sessionId={route.sessionId} />;
    case 'notFound':
      return <NotFoundPage />;
  }
}

/** Workspaces take the whole screen; the lobby is wide for its QR code; forms stay readable. */
function layoutOf(route: Route): 'full' | 'wide' | 'normal' {
  if (route.name === 'team' || route.name === 'allInitiatives' || route.name === 'control' || route.name === 'mentor') {
    return 'full';
  }
  return route.name === 'lobby' ? 'wide' : 'normal';
}

function Routed() {
  const route = matchRoute(usePathname());
  useDocumentLanguage();
  // The projector is the whole screen: no header, nothing to click, seen from the back of a hall.
  if (route.name === 'projector') return <Page route={route} />;
  return (
    <Shell layout={layoutOf(route)}>
      <Page route={route} />
    </Shell>
  );
}

export function App({ i18n }: { i18n: i18n }) {
  return (
    <I18nextProvider i18n={i18n}>
      <CollabProvider wsBase={pageWsBase(window.location)} renewToken={renewToken}>
        <Routed />
      </CollabProvider>
    </I18nextProvider>
  );
}
