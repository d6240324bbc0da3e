import { initiativeDescription } from '@horizon/shared/initiatives';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { PresenceUser } from '../../collab/presence';
import type { RoomConnection } from '../../collab/RoomConnection';

interface DescriptionEditorProps {
  doc: Y.Doc;
  initiativeId: string;
  connection: RoomConnection;
  me: PresenceUser;
  editable: boolean;
  labelledBy: string;
}

/**
 * The initiative's rich-text description, co-edited through the Y.XmlFragment stored in the initiative itself.
 * StarterKit's own undo history is off: with Collaboration it would undo other people's typing too.
 */
export function DescriptionEditor(props: DescriptionEditorProps) {
  const fragment = initiativeDescription(props.doc, props.initiativeId);
  // An initiative created by an older client, or deleted under us, has no fragment: show nothing to type into.
  if (!fragment) return null;
  return <CollaborativeEditor {...props} fragment={fragment} />;
}

function CollaborativeEditor({
  fragment,
  connection,
  me,
  editable,
  labelledBy,
}: DescriptionEditorProps & { fragment: Y.XmlFragment }) {
  const { t } = useTranslation();
  const editor = useEditor(
    {
      editable,
      extensions: [
        StarterKit.configure({ undoRedo: false }),
        Collaboration.configure({ fragment }),
        // The caret publishes `user` in awareness: pass the whole presence user so the people list keeps working.
        CollaborationCaret.configure({ provider: connection.provider, user: { ...me } }),
      ],
      editorProps: {
        attributes: {
          class: 'ini-editor__content',
          'aria-labelledby': labelledBy,
          'aria-multiline': 'true',
          role: 'textbox',
        },
      },
    },
    [fragment, editable],
  );
  const active = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      bold: current?.isActive('bold') ?? false,
      italic: current?.isActive('italic') ?? false,
      heading: current?.isActive('heading', { level: 3 }) ?? false,
      bullet: current?.isActive('bulletList') ?? false,
      ordered: current?.isActive('orderedList') ?? false,
    }),
  });

  const tool = (name: keyof NonNullable<typeof active>, symbol: string, run: () => void) => (
    <button
      type="button"
      className="hz-icon-btn"
      aria-label={t(`initiatives.editor.${name}`)}
      title={t(`initiatives.editor.${name}`)}
      aria-pressed={active?.[name] ?? false}
      onMouseDown={(event) => event.preventDefault()}
      onClick={run}
    >
      {symbol}
    </button>
  );

  return (
    <div className="ini-editor">
      {editable && editor && (
        <div className="ini-editor__toolbar" role="toolbar" aria-label={t('initiatives.editor.toolbar')}>
          {tool('bold', 'B', () => editor.chain().focus().toggleBold().run())}
          {tool('italic', 'I', () => editor.chain().focus().toggleItalic().run())}
          {tool('heading', 'H', () => editor.chain().focus().toggleHeading({ level: 3 }).run())}
          {tool('bullet', '•', () => editor.chain().focus().toggleBulletList().run())}
          {tool('ordered', '1.', () => editor.chain().focus().toggleOrderedList().run())}
        </div>
      )}
      <EditorContent editor={editor} />
    </div>
  );
}
