import { WorkspaceTabs, type WorkspaceTab } from '@horizon/shared/templates';
import { useTranslation } from 'react-i18next';
import { Link } from '../../app/router';
import { paths } from '../../app/routes';
import './workspace.css';

/** The workspace's tabs as links: each tab has its own URL, so a link opens the same place. */
export function WorkspaceTabsNav({
  sessionId,
  teamId,
  active,
}: {
  sessionId: string;
  teamId: string;
  active: WorkspaceTab;
}) {
  const { t } = useTranslation();
  return (
    <nav className="workspace__tabs" aria-label={t('workspace.tabsLabel')}>
      {WorkspaceTabs.map((tab) => (
        <Link
          key={tab}
          to={paths.team(sessionId, teamId, tab)}
          className={tab === active ? 'workspace__tab workspace__tab--active' : 'workspace__tab'}
          aria-current={tab === active ? 'page' : undefined}
        >
          {t(`workspace.tabs.${tab}`)}
        </Link>
      ))}
    </nav>
  );
}
