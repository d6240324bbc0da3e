import type { SessionView } from '@horizon/shared';
import { QRCodeSVG } from 'qrcode.react';
import { useTranslation } from 'react-i18next';
import { paths } from '../../app/routes';
import { useJoinOrigin } from '../lobby/useJoinOrigin';

/**
 * How to join, for the whole hall: the QR code as large as the screen allows, the code in letters, the link.
 * Only the facilitator's view carries the participants' code; a projector device without it says where to look.
 */
export function JoinScreen({ view }: { view: SessionView }) {
  const { t } = useTranslation();
  const { origin } = useJoinOrigin();
  const code = view.joinCode ?? view.codes?.participant;
  if (!code) {
    return (
      <div className="projector__center">
        <p className="projector__headline">{view.title}</p>
        <p className="projector__lead">{t('projector.join.noCode')}</p>
      </div>
    );
  }
  const link = origin + paths.join(code);
  return (
    <div className="projector__join">
      <div className="projector__qr">
        <QRCodeSVG
          value={link}
          size={1024}
          level="M"
          marginSize={2}
          title={t('projector.join.qr')}
          role="img"
          aria-label={t('projector.join.qr')}
        />
      </div>
      <div className="projector__join-text">
        <p className="projector__lead">{t('projector.join.lead')}</p>
        <p className="projector__code" data-testid="projector-join-code" aria-label={code.split('').join(' ')}>
          {code}
        </p>
        <p className="projector__link">{link}</p>
      </div>
    </div>
  );
}
