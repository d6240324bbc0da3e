import type { ReactNode } from 'react';

interface NoticeProps {
  tone?: 'info' | 'error' | 'success';
  title?: ReactNode;
  children?: ReactNode;
}

/** A message block. Errors are announced at once (`role="alert"`), the rest politely. */
export function Notice({ tone = 'info', title, children }: NoticeProps) {
  return (
    <div className={`notice notice--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {title && <p className="notice__title">{title}</p>}
      {children && <div className="notice__body">{children}</div>}
    </div>
  );
}
