/**
 * Pointer and wheel input on the board, one listener set on the viewport for every note (thousands of notes, no
 * per-note handlers). Mouse: drag empty space or space+drag to pan, shift+drag to box-select, wheel to pan,
 * ctrl+wheel (and trackpad pinch) to zoom. Touch: one finger pans or drags a note, two fingers pinch-zoom, a double
 * tap adds a note or edits one. Drags write through the shared mutators at most once per frame, so peers see them
 * live and the undo manager folds one drag into one step.
 */
import {
  intersects,
  moveNotes,
  moveSection,
  notesInSection,
  resizeNote,
  resizeSection,
  type Rect,
} from '@horizon/shared/board';
import { useEffect, useRef, type RefObject } from 'react';
import type { BoardController } from '../model/BoardController';
import { DOUBLE_TAP, DRAG_THRESHOLD, isTypingTarget, pressTarget, rectFromCorners } from './gestures';

type Point = { x: number; y: number };

type Gesture =
  | { kind: 'pan'; start: Point; camera: Point; moved: boolean; clearOnClick: boolean }
  | { kind: 'pinch'; distance: number; zoom: number; mid: Point; camera: Point }
  | { kind: 'notes'; start: Point; origins: Map<string, Point>; moved: boolean }
  | { kind: 'section'; id: string; start: Point; origin: Point; carried: string[]; moved: boolean }
  | { kind: 'noteResize' | 'sectionResize'; id: string; start: Point; size: { w: number; h: number } }
  | { kind: 'box'; start: Point; current: Point; base: ReadonlySet<string> };

export interface GestureCallbacks {
  /** Screen-space rubber band while box-selecting, null otherwise. */
  onBox(rect: Rect | null): void;
}

function local(element: HTMLElement, event: { clientX: number; clientY: number }): Point {
  const bounds = element.getBoundingClientRect();
  return { x: event.clientX - bounds.left, y: event.clientY - bounds.top };
}

function distance(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

export function useBoardGestures(
  viewportRef: RefObject<HTMLElement | null>,
  controller: BoardController,
  callbacks: GestureCallbacks,
): void {
  const callbacksRef = useRef(callbacks);
  useEffect(() => {
    callbacksRef.current = callbacks;
  });

  useEffect(() => {
    const viewport = viewportRef.current;
    if (!viewport) return;
    const { camera, store, doc, origin, undo } = controller;
    const pointers = new Map<number, Point>();
    let gesture: Gesture | null = null;
    let spaceHeld = false;
    let lastTap: { at: number; point: Point } | null = null;
    let pendingWrite: (() => void) | null = null;
    let frame = 0;
    let lastCursorAt = 0;

    /** Coalesces writes to one per animation frame: a drag then costs peers one update per frame, not per event. */
    const schedule = (write: () => void) => {
      pendingWrite = write;
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        const run = pendingWrite;
        pendingWrite = null;
        run?.();
      });
    };
    const flush = () => {
      if (frame) cancelAnimationFrame(frame);
      frame = 0;
      const run = pendingWrite;
      pendingWrite = null;
      run?.();
    };

    const beginPinch = () => {
      const [a, b] = [...pointers.values()];
      if (!a || !b) return;
      const { x, y, zoom } = camera.get();
      gesture = { kind: 'pinch', distance: distance(a, b), zoom, mid: midpoint(a, b), camera: { x, y } };
    };

    const onPointerDown = (event: PointerEvent) => {
      const target = pressTarget(event.target);
      if (target.kind === 'interactive') return;
      const point = local(viewport, event);
      pointers.set(event.pointerId, point);
      viewport.focus({ preventScroll: true });
      if (pointers.size === 2) {
        flush();
        beginPinch();
        return;
      }
      if (pointers.size > 2) return;
      viewport.setPointerCapture(event.pointerId);
      const world = camera.toWorld(point.x, point.y);
      const { x, y } = camera.get();
      const panning = spaceHeld || event.button === 1;
      if (controller.getUi().editing && target.kind !== 'note') controller.stopEditing();

      if (!panning && controller.canWrite && target.kind === 'note') {
        const ui = controller.getUi();
        if (event.shiftKey) controller.toggleNote(target.id);
        else if (!ui.selectedNotes.has(target.id)) controller.selectNotes([target.id]);
        const selected = controller.getUi().selectedNotes;
        if (!selected.has(target.id)) return;
        const origins = new Map<string, Point>();
        for (const id of selected) {
          const note = store.notes.get(id);
          if (note) origins.set(id, { x: note.x, y: note.y });
        }
        gesture = { kind: 'notes', start: world, origins, moved: false };
        return;
      }
      if (!panning && target.kind === 'note') {
        controller.selectNotes([target.id]);
      } else if (!panning && controller.canWrite && (target.kind === 'noteResize' || target.kind === 'sectionResize')) {
        const item =
          target.kind === 'noteResize'
            ? store.notes.get(target.id)
            : store.sections.find((section) => section.id === target.id);
        if (item) gesture = { kind: target.kind, id: target.id, start: world, size: { w: item.w, h: item.h } };
        return;
      } else if (!panning && target.kind === 'sectionTitle') {
        controller.selectSection(target.id);
        const section = store.sections.find((candidate) => candidate.id === target.id);
        if (!section || !controller.canWrite) return;
        const carried = notesInSection(section, store.notes.values()).map((note) => note.id);
        gesture = { kind: 'section', id: target.id, start: world, origin: section, carried, moved: false };
        return;
      } else if (!panning && target.kind === 'link') {
        controller.selectLink(target.id);
        return;
      } else if (!panning && event.shiftKey && event.pointerType === 'mouse') {
        gesture = { kind: 'box', start: point, current: point, base: controller.getUi().selectedNotes };
        return;
      }
      gesture = { kind: 'pan', start: point, camera: { x, y }, moved: false, clearOnClick: target.kind === 'empty' };
    };

    const onPointerMove = (event: PointerEvent) => {
      const point = local(viewport, event);
      if (event.pointerType === 'mouse' && event.timeStamp - lastCursorAt > 40) {
        lastCursorAt = event.timeStamp;
        controller.peers.publish({ cursor: camera.toWorld(point.x, point.y) });
      }
      if (!pointers.has(event.pointerId)) return;
      pointers.set(event.pointerId, point);
      if (!gesture) return;
      const world = camera.toWorld(point.x, point.y);
      switch (gesture.kind) {
        case 'pan': {
          const g = gesture;
          if (!g.moved && distance(point, g.start) < DRAG_THRESHOLD) return;
          g.moved = true;
          camera.set({ ...camera.get(), x: g.camera.x + point.x - g.start.x, y: g.camera.y + point.y - g.start.y });
          return;
        }
        case 'pinch': {
          const [a, b] = [...pointers.values()];
          if (!a || !b) return;
          const g = gesture;
          const mid = midpoint(a, b);
          const zoom = g.zoom * (distance(a, b) / Math.max(g.distance, 1));
          camera.set({ ...g.camera, zoom: g.zoom });
          camera.zoomAt(zoom / g.zoom, g.mid.x, g.mid.y);
          camera.panBy(mid.x - g.mid.x, mid.y - g.mid.y);
          return;
        }
        case 'notes': {
          const g = gesture;
          const dx = world.x - g.start.x;
          const dy = world.y - g.start.y;
          if (!g.moved && Math.hypot(dx, dy) * camera.get().zoom < DRAG_THRESHOLD) return;
          if (!g.moved) undo.captureTimeout = Number.POSITIVE_INFINITY;
          g.moved = true;
          const moves = [...g.origins].map(([id, at]) => ({ id, x: at.x + dx, y: at.y + dy }));
          schedule(() => moveNotes(doc, moves, origin));
          return;
        }
        case 'section': {
          const g = gesture;
          const dx = world.x - g.start.x;
          const dy = world.y - g.start.y;
          if (!g.moved) undo.captureTimeout = Number.POSITIVE_INFINITY;
          g.moved = true;
          schedule(() => moveSection(doc, g.id, { x: g.origin.x + dx, y: g.origin.y + dy }, g.carried, origin));
          return;
        }
        case 'noteResize':
        case 'sectionResize': {
          const g = gesture;
          const w = g.size.w + world.x - g.start.x;
          const h = g.size.h + world.y - g.start.y;
          const resize = g.kind === 'noteResize' ? resizeNote : resizeSection;
          schedule(() => resize(doc, g.id, w, h, origin));
          return;
        }
        case 'box': {
          gesture.current = point;
          const box = rectFromCorners(gesture.start, point);
          callbacksRef.current.onBox(box);
          const a = camera.toWorld(box.x, box.y);
          const b = camera.toWorld(box.x + box.w, box.y + box.h);
          const hits = store.grid.query(rectFromCorners(a, b));
          const area = rectFromCorners(a, b);
          const selected = new Set(gesture.base);
          for (const id of hits) if (intersects(store.notes.get(id)!, area)) selected.add(id);
          controller.selectNotes(selected);
          return;
        }
      }
    };

    const onPointerUp = (event: PointerEvent) => {
      if (!pointers.has(event.pointerId)) return;
      const point = local(viewport, event);
      pointers.delete(event.pointerId);
      flush();
      const ended = gesture;
      if (pointers.size === 1 && ended?.kind === 'pinch') {
        // One finger stays down after a pinch: it pans from here, no jump.
        const [rest] = [...pointers.values()];
        const { x, y } = camera.get();
        gesture = { kind: 'pan', start: rest!, camera: { x, y }, moved: true, clearOnClick: false };
        return;
      }
      if (pointers.size > 0) return;
      gesture = null;
      if (ended?.kind === 'box') callbacksRef.current.onBox(null);
      if (ended && (ended.kind === 'notes' || ended.kind === 'section') && ended.moved) {
        undo.captureTimeout = 600;
        undo.stopCapturing();
      }
      const tapped = !ended || (ended.kind === 'pan' && !ended.moved) || (ended.kind === 'notes' && !ended.moved);
      if (ended?.kind === 'pan' && !ended.moved && ended.clearOnClick) controller.clearSelection();
      if (event.pointerType !== 'mouse' && tapped) {
        const now = event.timeStamp;
        if (lastTap && now - lastTap.at < DOUBLE_TAP.ms && distance(point, lastTap.point) < DOUBLE_TAP.px) {
          lastTap = null;
          onDoubleActivate(event, point);
        } else {
          lastTap = { at: now, point };
        }
      }
    };

    /**
     * Double-click or double tap: edit the note under it, or add a note there. The element is looked up by position:
     * with the pointer captured by the viewport, the browser reports the viewport itself as the click's target.
     */
    const onDoubleActivate = (event: { clientX: number; clientY: number }, point: Point) => {
      const hit = pressTarget(document.elementFromPoint(event.clientX, event.clientY));
      if (hit.kind === 'note') controller.startEditing(hit.id);
      else if (hit.kind === 'empty') controller.createNote(camera.toWorld(point.x, point.y));
    };

    const onDoubleClick = (event: MouseEvent) => onDoubleActivate(event, local(viewport, event));

    const onWheel = (event: WheelEvent) => {
      if (isTypingTarget(event.target) && !event.ctrlKey) return;
      event.preventDefault();
      const point = local(viewport, event);
      // Lines or pages from a mouse wheel become pixels, so one notch pans or zooms a sensible amount.
      const scale = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? viewport.clientHeight : 1;
      if (event.ctrlKey || event.metaKey) {
        const delta = Math.max(-60, Math.min(60, event.deltaY * scale));
        camera.zoomAt(Math.exp(-delta * 0.01), point.x, point.y);
      } else if (event.shiftKey && event.deltaX === 0) {
        camera.panBy(-event.deltaY * scale, 0);
      } else {
        camera.panBy(-event.deltaX * scale, -event.deltaY * scale);
      }
    };

    const onKey = (event: KeyboardEvent) => {
      if (event.code !== 'Space' || isTypingTarget(event.target)) return;
      spaceHeld = event.type === 'keydown';
      viewport.classList.toggle('board__viewport--grab', spaceHeld);
      if (spaceHeld && event.target === viewport) event.preventDefault();
    };

    const onLeave = () => controller.peers.publish({ cursor: null });

    viewport.addEventListener('pointerdown', onPointerDown);
    viewport.addEventListener('pointermove', onPointerMove);
    viewport.addEventListener('pointerup', onPointerUp);
    viewport.addEventListener('pointercancel', onPointerUp);
    viewport.addEventListener('pointerleave', onLeave);
    viewport.addEventListener('dblclick', onDoubleClick);
    viewport.addEventListener('wheel', onWheel, { passive: false });
    window.addEventListener('keydown', onKey);
    window.addEventListener('keyup', onKey);
    return () => {
      if (frame) cancelAnimationFrame(frame);
      viewport.removeEventListener('pointerdown', onPointerDown);
      viewport.removeEventListener('pointermove', onPointerMove);
      viewport.removeEventListener('pointerup', onPointerUp);
      viewport.removeEventListener('pointercancel', onPointerUp);
      viewport.removeEventListener('pointerleave', onLeave);
      viewport.removeEventListener('dblclick', onDoubleClick);
      viewport.removeEventListener('wheel', onWheel);
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('keyup', onKey);
    };
  }, [viewportRef, controller]);
}

function midpoint(a: Point, b: Point): Point {
  return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
}
