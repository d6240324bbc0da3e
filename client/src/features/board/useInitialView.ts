import { useEffect } from 'react';
import type { BoardController } from './model/BoardController';

/** Opening on a big board starts no further out than this: an overview where notes can still be read. */
const INITIAL_MIN_ZOOM = 0.45;

/** `#note-<id>` in the URL (a mention in the vision text links here) opens the board on that note. */
export function noteIdFromHash(hash: string): string | null {
  const match = /^#note-([a-z0-9]{4,32})$/.exec(hash);
  return match ? match[1]! : null;
}

/**
 * Where the board opens: on the note named in the URL, else with everything in view. The team document may still
 * be syncing when the tab mounts, so this waits for content (or the note) to arrive, once.
 */
export function useInitialView(controller: BoardController): void {
  useEffect(() => {
    const { store } = controller;
    let placed = false;
    let frame = 0;
    let unsubscribe = () => {};
    const place = () => {
      frame = 0;
      if (placed) return;
      const wanted = noteIdFromHash(window.location.hash);
      if (wanted && controller.focusNote(wanted)) {
        placed = true;
      } else if (store.notes.size > 0 || store.sections.length > 0) {
        // A mentioned note missing from the synced board was deleted: show the board instead.
        controller.fitToContent(INITIAL_MIN_ZOOM);
        placed = true;
      }
      if (placed) unsubscribe();
    };
    // Placing waits a frame: the canvas measures itself first, and one sync fires the notes, sections and links
    // observers in turn, so the whole board is known by then.
    const schedule = () => {
      if (!frame && !placed) frame = requestAnimationFrame(place);
    };
    unsubscribe = store.subscribe(schedule);
    schedule();
    const onNavigate = () => {
      const wanted = noteIdFromHash(window.location.hash);
      if (wanted) controller.focusNote(wanted);
    };
    window.addEventListener('popstate', onNavigate);
    window.addEventListener('hashchange', onNavigate);
    return () => {
      if (frame) cancelAnimationFrame(frame);
      unsubscribe();
      window.removeEventListener('popstate', onNavigate);
      window.removeEventListener('hashchange', onNavigate);
    };
  }, [controller]);
}
