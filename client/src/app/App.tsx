import type { i18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { CollabProvider, pageWsBase } from '../collab/CollabProvider';
import { HomePage } from '../features/home/HomePage';
import { JoinPage } from '../features/join/JoinPage';
import { LobbyPage } from '../features/lobby/LobbyPage';
import { TeamPage } from '../features/team/TeamPage';
import { NotFoundPage } from './NotFoundPage';
import { usePathname } from './router';
import { matchRoute, type Route } from './routes';
import { Shell } from './Shell';
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
    case 'notFound':
      return <NotFoundPage />;
  }
}

function Routed() {
  const route = matchRoute(usePathname());
  useDocumentLanguage();
  return (
    <Shell wide={route.name === 'lobby'}>
      <Page route={route} />
    </Shell>
  );
}

export function App({ i18n }: { i18n: i18n }) {
  return (
    <I18nextProvider i18n={i18n}>
      <CollabProvider wsBase={pageWsBase(window.location)}>
        <Routed />
      </CollabProvider>
    </I18nextProvider>
  );
}
