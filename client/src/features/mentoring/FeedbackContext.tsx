/**
 * What the comment badges, the comments panel and the review controls of one team's workspace share: the session
 * document, who is looking, and the panel's state. Parts rendered outside a workspace (the projector's board) find no
 * scope and render nothing.
 */
import type { SessionView } from '@horizon/shared';
import { openThreadCounts, type CommentTarget } from '@horizon/shared/feedback';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type * as Y from 'yjs';
import { CommentsDrawer } from './CommentsDrawer';
import { ThreadCounts } from './ThreadCounts';
import { useTeamThreads } from './useFeedbackState';

export interface PanelTarget extends CommentTarget {
  /** What the panel's heading shows, e.g. the note's text. */
  label: string;
}

export interface FeedbackScope {
  sessionId: string;
  token: string;
  teamId: string;
  you: SessionView['you'];
  sessionDoc: Y.Doc | null;
  counts: ThreadCounts;
  openPanel: (target: PanelTarget) => void;
}

const FeedbackContext = createContext<FeedbackScope | null>(null);

export function useFeedbackScope(): FeedbackScope | null {
  return useContext(FeedbackContext);
}

interface FeedbackProviderProps {
  view: SessionView;
  token: string;
  teamId: string;
  sessionDoc: Y.Doc | null | undefined;
  children: ReactNode;
}

export function FeedbackProvider({ view, token, teamId, sessionDoc, children }: FeedbackProviderProps) {
  const [panel, setPanel] = useState<PanelTarget | null>(null);
  const [counts] = useState(() => new ThreadCounts());
  const threads = useTeamThreads(sessionDoc, teamId);
  useEffect(() => counts.set(openThreadCounts(threads)), [counts, threads]);
  const closePanel = useCallback(() => setPanel(null), []);

  const scope = useMemo<FeedbackScope>(
    () => ({
      sessionId: view.sessionId,
      token,
      teamId,
      you: view.you,
      sessionDoc: sessionDoc ?? null,
      counts,
      openPanel: setPanel,
    }),
    [view.sessionId, view.you, token, teamId, sessionDoc, counts],
  );
  return (
    <FeedbackContext.Provider value={scope}>
      {children}
      {panel && <CommentsDrawer scope={scope} target={panel} onClose={closePanel} />}
    </FeedbackContext.Provider>
  );
}
