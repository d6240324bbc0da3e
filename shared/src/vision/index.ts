// The vision text feature's public API: the fragment name, the headless extension list and link safety.
export { VISION_FIELD, VISION_HEADING_LEVELS, visionExtensions } from './extensions.js';
export { MENTION_LABEL_MAX, NOTE_MENTION, NoteMention, mentionLabel } from './noteMention.js';
export { SAFE_LINK_SCHEMES, isSafeHref } from './safeHref.js';
