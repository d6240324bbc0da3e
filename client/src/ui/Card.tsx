import { useId, type ReactNode } from 'react';

interface CardProps {
  title?: ReactNode;
  /** Heading level of the title; the page decides where the card sits in its outline. */
  level?: 2 | 3;
  lead?: ReactNode;
  className?: string;
  children: ReactNode;
}

/** A titled section; with a title it is a named region, so assistive tech can jump to it. */
export function Card({ title, level = 2, lead, className, children }: CardProps) {
  const headingId = useId();
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section className={['card', className].filter(Boolean).join(' ')} aria-labelledby={title ? headingId : undefined}>
      {title && (
        <Heading id={headingId} className="card__title">
          {title}
        </Heading>
      )}
      {lead && <p className="card__lead">{lead}</p>}
      {children}
    </section>
  );
}
