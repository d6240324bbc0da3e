import type { Rect } from '@horizon/shared/board';
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardController } from '../model/BoardController';
import { FAR_ZOOM } from '../model/camera';
import { handleBoardKey } from './boardKeys';
import { FarLayer } from './FarLayer';
import { LinksLayer } from './LinksLayer';
import { NoteCard } from './NoteCard';
import { RemoteCursors } from './RemoteCursors';
import { SectionFrame } from './SectionFrame';
import { useBoardGestures } from './useBoardGestures';
import { useRenderedNotes } from './useRenderedNotes';

/**
 * The infinite canvas: a viewport that takes the input and a world layer moved by one CSS transform. Sections and
 * links are few and always mounted; notes are mounted only inside the render window, and not at all when zoomed far
 * out (`FarLayer` paints them then).
 */
export function BoardCanvas({ controller }: { controller: BoardController }) {
  const { t } = useTranslation();
  const viewportRef = useRef<HTMLDivElement>(null);
  const worldRef = useRef<HTMLDivElement>(null);
  const [box, setBox] = useState<Rect | null>(null);
  const { camera, store, peers } = controller;
  const ui = useSyncExternalStore(controller.subscribe, controller.getUi);
  const version = useSyncExternalStore(store.subscribe, store.getVersion);
  const marks = useSyncExternalStore(peers.subscribeMarks, peers.getMarks);
  const notes = useRenderedNotes(controller);
  const mounted = useMemo(() => new Set(notes.map((note) => note.id)), [notes]);

  useBoardGestures(viewportRef, controller, { onBox: setBox });

  // Someone else deleted what this person had selected or was editing.
  useEffect(() => controller.pruneSelection(), [controller, version]);

  // Pan and zoom touch the DOM directly: no React render per frame.
  useEffect(() => {
    const viewport = viewportRef.current;
    const world = worldRef.current;
    if (!viewport || !world) return;
    const apply = () => {
      const { x, y, zoom } = camera.get();
      world.style.transform = `translate(${x}px, ${y}px) scale(${zoom})`;
      world.style.setProperty('--inv-zoom', String(1 / zoom));
      const grid = 24 * zoom;
      viewport.style.backgroundSize = `${grid}px ${grid}px`;
      viewport.style.backgroundPosition = `${x}px ${y}px`;
      viewport.classList.toggle('board--far', zoom < FAR_ZOOM);
    };
    const resize = () => {
      camera.setViewport(viewport.clientWidth, viewport.clientHeight);
    };
    resize();
    apply();
    const observer = new ResizeObserver(resize);
    observer.observe(viewport);
    const unsubscribe = camera.subscribe(apply);
    return () => {
      observer.disconnect();
      unsubscribe();
    };
  }, [camera]);

  return (
    <div
      ref={viewportRef}
      className="board__viewport"
      tabIndex={0}
      role="application"
      aria-roledescription={t('board.roleDescription')}
      aria-label={t('board.canvasLabel')}
      aria-describedby="board-help"
      data-testid="board-viewport"
      onKeyDown={(event) => handleBoardKey(event, controller)}
    >
      <p id="board-help" className="visually-hidden">
        {t('board.help')}
      </p>
      <div ref={worldRef} className="board__world">
        {store.sections.map((section) => (
          <SectionFrame
            key={section.id}
            section={section}
            controller={controller}
            selected={ui.selectedSection === section.id}
          />
        ))}
        <LinksLayer links={store.links} notes={store.notes} selectedLink={ui.selectedLink} mounted={mounted} />
        {notes.map((note) => (
          <NoteCard
            key={note.id}
            note={note}
            controller={controller}
            selected={ui.selectedNotes.has(note.id)}
            editing={ui.editing === note.id}
            mark={marks.get(note.id)}
          />
        ))}
        <RemoteCursors peers={peers} />
      </div>
      {/* Above the sections, as mounted notes would be. */}
      <FarLayer controller={controller} />
      {box && (
        <div
          className="board__box"
          style={{ transform: `translate(${box.x}px, ${box.y}px)`, width: box.w, height: box.h }}
        />
      )}
      {store.notes.size === 0 && controller.canWrite && <p className="board__empty">{t('board.emptyHint')}</p>}
    </div>
  );
}
