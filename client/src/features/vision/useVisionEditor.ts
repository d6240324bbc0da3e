import { Collaboration } from '@tiptap/extension-collaboration';
import { CollaborationCaret } from '@tiptap/extension-collaboration-caret';
import { Placeholder } from '@tiptap/extensions';
import { useEditor, type Editor } from '@tiptap/react';
import { VISION_FIELD, visionExtensions } from '@horizon/shared/vision';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import type { PresenceUser } from '../../collab/presence';
import { renderCaret } from './caret';

interface Options {
  doc: Y.Doc;
  provider: WebsocketProvider;
  me: PresenceUser;
  canWrite: boolean;
  placeholder: string;
  label: string;
}

/**
 * The team's vision document in a Tiptap editor: the shared headless extensions, bound to the team room's
 * `vision` fragment, with others' carets. Collaboration's own undo tracks only this editor's changes.
 */
export function useVisionEditor({ doc, provider, me, canWrite, placeholder, label }: Options): Editor | null {
  return useEditor(
    {
      editable: canWrite,
      extensions: [
        ...visionExtensions(),
        Collaboration.configure({ document: doc, field: VISION_FIELD }),
        // The caret publishes `user` in awareness; passing the shell's full presence keeps that field intact.
        CollaborationCaret.configure({ provider, user: { ...me }, render: renderCaret }),
        Placeholder.configure({ placeholder }),
      ],
      editorProps: {
        attributes: {
          class: 'vision__content',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': label,
        },
      },
    },
    [doc, provider, me, canWrite, placeholder, label],
  );
}
