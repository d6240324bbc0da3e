import { QRCodeSVG } from 'qrcode.react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';

/** The code, link and QR for participants, sized to be read from the back of a room on a projector. */
export function JoinCodePanel({ code, link }: { code: string; link: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  // The Clipboard API exists only in secure contexts; on plain http inside a LAN the link is still selectable.
  const canCopy = typeof navigator.clipboard?.writeText === 'function';
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      setCopied(false);
    }
  };
  return (
    <Card title={t('lobby.codeTitle')} className="lobby__code-card">
      <div className="lobby__code-body">
        <div className="lobby__code-text">
          <p className="lobby__code" data-testid="join-code" aria-label={spaced(code)}>
            {code}
          </p>
          <p className="muted">{t('lobby.codeHint')}</p>
          <p className="lobby__join-link">
            <span className="visually-hidden">{t('lobby.joinLink')}: </span>
            <a href={link} target="_blank" rel="noreferrer" data-testid="join-link">
              {link}
            </a>
          </p>
          {canCopy && (
            <div>
              <Button variant="secondary" onClick={() => void copy()} aria-live="polite">
                {copied ? t('lobby.copied') : t('lobby.copy')}
              </Button>
            </div>
          )}
        </div>
        <div className="lobby__qr">
          <QRCodeSVG
            value={link}
            size={320}
            level="M"
            marginSize={2}
            title={t('lobby.qr')}
            role="img"
            aria-label={t('lobby.qr')}
          />
        </div>
      </div>
    </Card>
  );
}

/** Screen readers spell the code letter by letter instead of reading it as a word. */
function spaced(code: string): string {
  return code.split('').join(' ');
}
