import { useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';

interface DocStore<T> {
  subscribe: (onChange: () => void) => () => void;
  getSnapshot: () => T;
}

/** A cached read of a doc, invalidated by its updates: `useSyncExternalStore` needs the same value until a change. */
function createDocStore<T>(doc: Y.Doc, read: (doc: Y.Doc) => T): DocStore<T> {
  let value = read(doc);
  let stale = false;
  return {
    subscribe(onChange) {
      const onUpdate = () => {
        stale = true;
        onChange();
      };
      doc.on('update', onUpdate);
      return () => doc.off('update', onUpdate);
    },
    getSnapshot() {
      if (stale) {
        value = read(doc);
        stale = false;
      }
      return value;
    },
  };
}

/**
 * A plain-value view of a Y.Doc, re-read after each update. `read` must be stable (a module function or memoised):
 * a new function would rebuild the store on every render.
 */
export function useDocSnapshot<T>(doc: Y.Doc, read: (doc: Y.Doc) => T): T {
  const store = useMemo(() => createDocStore(doc, read), [doc, read]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
