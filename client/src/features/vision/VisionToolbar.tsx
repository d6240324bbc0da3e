import { useEditorState, type Editor } from '@tiptap/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LinkForm } from './LinkForm';
import { NotePicker } from './NotePicker';
import type * as Y from 'yjs';

interface ToolbarProps {
  editor: Editor;
  doc: Y.Doc;
}

/** Formatting for the vision text: the few structures a vision needs, each a labelled toggle. */
export function VisionToolbar({ editor, doc }: ToolbarProps) {
  const { t } = useTranslation();
  const [panel, setPanel] = useState<'link' | 'note' | null>(null);
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      bullet: e.isActive('bulletList'),
      ordered: e.isActive('orderedList'),
      quote: e.isActive('blockquote'),
      link: e.isActive('link'),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });

  const toggles = [
    {
      key: 'h2',
      label: t('vision.heading'),
      text: 'H2',
      run: () => editor.chain().focus().toggleHeading({ level: 2 }).run(),
    },
    {
      key: 'h3',
      label: t('vision.subheading'),
      text: 'H3',
      run: () => editor.chain().focus().toggleHeading({ level: 3 }).run(),
    },
    { key: 'bold', label: t('vision.bold'), text: 'B', run: () => editor.chain().focus().toggleBold().run() },
    { key: 'italic', label: t('vision.italic'), text: 'I', run: () => editor.chain().focus().toggleItalic().run() },
    {
      key: 'bullet',
      label: t('vision.bulletList'),
      text: '•',
      run: () => editor.chain().focus().toggleBulletList().run(),
    },
    {
      key: 'ordered',
      label: t('vision.orderedList'),
      text: '1.',
      run: () => editor.chain().focus().toggleOrderedList().run(),
    },
    { key: 'quote', label: t('vision.quote'), text: '❝', run: () => editor.chain().focus().toggleBlockquote().run() },
  ] as const;

  return (
    <div className="vision__toolbar-wrap">
      <div className="vision__toolbar" role="toolbar" aria-label={t('vision.toolbar')}>
        {toggles.map(({ key, label, text, run }) => (
          <button
            key={key}
            type="button"
            className={`vision__tool vision__tool--${key}`}
            aria-label={label}
            title={label}
            aria-pressed={state[key]}
            onMouseDown={(event) => event.preventDefault()}
            onClick={run}
          >
            {text}
          </button>
        ))}
        <span className="vision__sep" aria-hidden="true" />
        <button
          type="button"
          className="vision__tool vision__tool--wide"
          aria-pressed={state.link}
          aria-expanded={panel === 'link'}
          onClick={() => setPanel(panel === 'link' ? null : 'link')}
        >
          {t('vision.link')}
        </button>
        <button
          type="button"
          className="vision__tool vision__tool--wide"
          aria-expanded={panel === 'note'}
          onClick={() => setPanel(panel === 'note' ? null : 'note')}
        >
          {t('vision.mentionNote')}
        </button>
        <span className="vision__sep" aria-hidden="true" />
        <button
          type="button"
          className="vision__tool"
          aria-label={t('vision.undo')}
          title={t('vision.undo')}
          disabled={!state.canUndo}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => editor.chain().focus().undo().run()}
        >
          ↶
        </button>
        <button
          type="button"
          className="vision__tool"
          aria-label={t('vision.redo')}
          title={t('vision.redo')}
          disabled={!state.canRedo}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => editor.chain().focus().redo().run()}
        >
          ↷
        </button>
      </div>
      {panel === 'link' && <LinkForm editor={editor} onDone={() => setPanel(null)} />}
      {panel === 'note' && <NotePicker editor={editor} doc={doc} onDone={() => setPanel(null)} />}
    </div>
  );
}
