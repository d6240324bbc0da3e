/**
 * Keyboard on the focused board: N or Enter adds / edits, Delete removes, Ctrl+D duplicates, arrows nudge
 * (Shift: further), Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y undo and redo this person's own changes, +/- zoom, Shift+1 fits,
 * Escape drops the selection. Typing in a note or a title is left alone.
 */
import type { KeyboardEvent } from 'react';
import { ZOOM } from '../model/camera';
import type { BoardController } from '../model/BoardController';
import { isTypingTarget } from './gestures';

const NUDGE = { small: 10, large: 50 } as const;

export function handleBoardKey(event: KeyboardEvent<HTMLElement>, controller: BoardController): void {
  if (isTypingTarget(event.target)) return;
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key;
  const ui = controller.getUi();
  let handled = true;
  if (mod && (key === 'z' || key === 'Z' || key === 'я' || key === 'Я')) {
    if (event.shiftKey) controller.undo.redo();
    else controller.undo.undo();
  } else if (mod && (key === 'y' || key === 'н')) {
    controller.undo.redo();
  } else if (mod && (key === 'd' || key === 'в')) {
    controller.duplicateSelection();
  } else if (mod && (key === 'a' || key === 'ф')) {
    controller.selectNotes(controller.store.notes.keys());
  } else if (mod) {
    handled = false;
  } else if (key === 'Delete' || key === 'Backspace') {
    controller.deleteSelection();
  } else if (key === 'Escape') {
    controller.clearSelection();
  } else if (key === 'Enter' && ui.selectedNotes.size === 1) {
    controller.startEditing([...ui.selectedNotes][0]!);
  } else if (key === 'n' || key === 'N' || key === 'т' || key === 'Т' || key === 'Enter') {
    controller.createNote();
  } else if (key === '+' || key === '=') {
    controller.camera.zoomCentered(ZOOM.step);
  } else if (key === '-') {
    controller.camera.zoomCentered(1 / ZOOM.step);
  } else if (key === '!' || (event.shiftKey && key === '1')) {
    controller.fitToContent();
  } else if (key.startsWith('Arrow') && ui.selectedNotes.size > 0) {
    const step = event.shiftKey ? NUDGE.large : NUDGE.small;
    const dx = key === 'ArrowLeft' ? -step : key === 'ArrowRight' ? step : 0;
    const dy = key === 'ArrowUp' ? -step : key === 'ArrowDown' ? step : 0;
    controller.nudgeSelection(dx, dy);
  } else if (key.startsWith('Arrow')) {
    const step = event.shiftKey ? 200 : 60;
    const dx = key === 'ArrowLeft' ? step : key === 'ArrowRight' ? -step : 0;
    const dy = key === 'ArrowUp' ? step : key === 'ArrowDown' ? -step : 0;
    controller.camera.panBy(dx, dy);
  } else {
    handled = false;
  }
  if (handled) event.preventDefault();
}
