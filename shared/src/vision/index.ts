// The vision text feature's public API (Tiptap extension list, fragment name). Owned by the vision feature.
export {};
