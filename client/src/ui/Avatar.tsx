interface AvatarProps {
  initials: string;
  color: string;
  size?: 'sm' | 'md' | 'lg';
  /** Draws a ring, e.g. to mark yourself. */
  highlighted?: boolean;
}

/** Decorative: the person's name is always written next to it. */
export function Avatar({ initials, color, size = 'md', highlighted }: AvatarProps) {
  const classes = ['avatar', `avatar--${size}`, highlighted ? 'avatar--highlighted' : ''].filter(Boolean).join(' ');
  return (
    <span className={classes} style={{ backgroundColor: color }} aria-hidden="true">
      {initials}
    </span>
  );
}
