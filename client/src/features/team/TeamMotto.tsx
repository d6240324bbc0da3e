import { readTeamMotto, setTeamMotto, TEAM_MOTTO_MAX } from '@horizon/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { useDocValue } from '../../collab/hooks';

/**
 * The team's motto or goal, one line under its name. Writers edit it in place: every keystroke goes into the team
 * doc (and so into this device's copy at once, online or not). While the field has focus it shows what the person
 * is typing, not a concurrent remote edit, so the text never jumps under the cursor.
 */
export function TeamMotto({ doc, canWrite }: { doc: Y.Doc | null; canWrite: boolean }) {
  const { t } = useTranslation();
  const motto = useDocValue(doc, readTeamMotto, '');
  const [draft, setDraft] = useState<string | null>(null);

  if (!canWrite || !doc) {
    return motto ? <p className="team__motto-text">{motto}</p> : null;
  }
  return (
    <input
      className="team__motto"
      aria-label={t('team.motto')}
      placeholder={t('team.mottoPlaceholder')}
      maxLength={TEAM_MOTTO_MAX}
      value={draft ?? motto}
      onFocus={() => setDraft(motto)}
      onBlur={() => setDraft(null)}
      onChange={(event) => {
        setDraft(event.target.value);
        setTeamMotto(doc, event.target.value);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === 'Escape') event.currentTarget.blur();
      }}
    />
  );
}
