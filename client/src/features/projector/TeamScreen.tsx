import type { SessionView } from '@horizon/shared';
import type { ProjectorFocus } from '@horizon/shared/facilitation';
import { readInitiatives } from '@horizon/shared/initiatives';
import { yearRangeOf } from '@horizon/shared/timemap';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useConnectionState, useRoom } from '../../collab/hooks';
import { colorFor, type PresenceUser } from '../../collab/presence';
import type { RoomConnection } from '../../collab/RoomConnection';
import { Spinner } from '../../ui/Spinner';
import { RoadmapGantt } from '../initiatives/RoadmapGantt';
import { useDocSnapshot } from '../timemap/useDocSnapshot';
import { WorkspaceTabView } from '../workspace/WorkspaceTabView';
import { TimeMapScreen } from './TimeMapScreen';
import '../timemap/controls.css';
import '../initiatives/initiatives.css';

/**
 * A team's board, vision, time map or roadmap, read-only. The board and the vision are the workspace's own tabs with
 * writing off, so the hall sees exactly what the team sees; the time map and the roadmap are laid out for a big
 * screen (see TimeMapScreen). The projector never announces itself in the team's presence.
 */
export function TeamScreen({ view, token, focus }: { view: SessionView; token: string; focus: ProjectorFocus }) {
  const { t } = useTranslation();
  const room = focus.teamId ? (view.rooms.teams[focus.teamId] ?? null) : null;
  const connection = useRoom(room, token);
  const state = useConnectionState(connection);
  const { you } = view;
  const me = useMemo<PresenceUser>(
    () => ({ name: you.name, color: colorFor(you.participantId), participantId: you.participantId, role: you.role }),
    [you.name, you.participantId, you.role],
  );
  if (!focus.teamId || !room) {
    return (
      <div className="projector__center">
        <p className="projector__lead">{t('projector.noTeam')}</p>
      </div>
    );
  }
  if (!connection || !(state.kind === 'connected' && state.synced)) return <Spinner label={t('app.loading')} />;
  if (focus.kind === 'roadmap') return <TeamRoadmap view={view} connection={connection} />;
  if (focus.kind === 'timemap') return <TimeMapScreen doc={connection.doc} horizonYear={view.horizonYear} />;
  const tab = focus.kind === 'vision' ? focus.kind : 'board';
  return (
    <div className={`projector__team projector__team--${tab}`}>
      <WorkspaceTabView tab={tab} connection={connection} view={view} teamId={focus.teamId} me={me} canWrite={false} />
    </div>
  );
}

function TeamRoadmap({ view, connection }: { view: SessionView; connection: RoomConnection }) {
  const { t } = useTranslation();
  const { createdAt, horizonYear } = view;
  const range = useMemo(() => yearRangeOf({ createdAt, horizonYear }), [createdAt, horizonYear]);
  const initiatives = useDocSnapshot(connection.doc, readInitiatives);
  if (initiatives.length === 0) {
    return (
      <div className="projector__center">
        <p className="projector__lead">{t('projector.noInitiatives')}</p>
      </div>
    );
  }
  return (
    <div className="projector__roadmap">
      <RoadmapGantt doc={connection.doc} initiatives={initiatives} range={range} canWrite={false} />
    </div>
  );
}
