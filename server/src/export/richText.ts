/**
 * ProseMirror JSON (the vision text, initiative descriptions) → report blocks. Walks the JSON by hand rather than
 * through a renderer library, so every format gets the same structure and a node type the walker does not know
 * degrades to its text instead of vanishing or passing through raw.
 *
 * Headings are shifted under the report's own: the vision's level-2 heading sits below the team's "Видение".
 */
import { isSafeHref } from '@horizon/shared/vision';
import type { RichTextJson } from './model.js';
import type { Block, HeadingLevel, Run } from './report.js';

/** Deeper nesting than any editor produces is flattened, so a hostile document cannot overflow the stack. */
const MAX_DEPTH = 24;

export function richTextBlocks(doc: RichTextJson | null, baseLevel: HeadingLevel): Block[] {
  if (!doc || !Array.isArray(doc.content)) return [];
  return blocksOf(doc.content, baseLevel, 0);
}

/** True when the document holds no text at all (an empty editor still has one empty paragraph). */
export function isRichTextEmpty(doc: RichTextJson | null): boolean {
  if (!doc) return true;
  const stack: RichTextJson[] = [doc];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (typeof node.text === 'string' && node.text.trim().length > 0) return false;
    if (node.type === 'noteMention' || node.type === 'horizontalRule') return false;
    if (Array.isArray(node.content)) stack.push(...node.content);
  }
  return true;
}

function blocksOf(nodes: readonly RichTextJson[], baseLevel: HeadingLevel, depth: number): Block[] {
  const out: Block[] = [];
  for (const node of nodes) out.push(...blockOf(node, baseLevel, depth));
  return out;
}

function blockOf(node: RichTextJson, baseLevel: HeadingLevel, depth: number): Block[] {
  if (!node || typeof node !== 'object') return [];
  const children = Array.isArray(node.content) ? node.content : [];
  if (depth > MAX_DEPTH) return [{ kind: 'paragraph', runs: [{ text: textOf(node) }] }];
  switch (node.type) {
    case 'paragraph':
      return [{ kind: 'paragraph', runs: runsOf(children) }];
    case 'heading': {
      const level = Number(node.attrs?.level);
      // Vision headings are levels 2–3 (descriptions may use 1–6): keep their relative order under the base level.
      const shifted = Math.min(4, baseLevel + Math.max(0, (Number.isFinite(level) ? level : 2) - 2));
      return [
        {
          kind: 'heading',
          level: shifted as HeadingLevel,
          text: runsOf(children)
            .map((r) => r.text)
            .join(''),
        },
      ];
    }
    case 'bulletList':
    case 'orderedList': {
      const items = children.map((item) =>
        blocksOf(Array.isArray(item.content) ? item.content : [], baseLevel, depth + 1),
      );
      const start = Number(node.attrs?.start);
      return [
        {
          kind: 'list',
          ordered: node.type === 'orderedList',
          start: Number.isInteger(start) && start > 0 && start < 1_000_000 ? start : 1,
          items,
        },
      ];
    }
    case 'blockquote':
      return [{ kind: 'quote', blocks: blocksOf(children, baseLevel, depth + 1) }];
    case 'horizontalRule':
      return [{ kind: 'rule' }];
    case 'codeBlock':
      return [{ kind: 'code', text: textOf(node) }];
    case 'listItem':
      return blocksOf(children, baseLevel, depth + 1);
    default: {
      // Unknown blocks keep their text; unknown inline content at block level becomes a paragraph.
      const text = textOf(node);
      return text ? [{ kind: 'paragraph', runs: [{ text }] }] : [];
    }
  }
}

function runsOf(nodes: readonly RichTextJson[]): Run[] {
  const runs: Run[] = [];
  for (const node of nodes) {
    if (!node || typeof node !== 'object') continue;
    if (node.type === 'text' && typeof node.text === 'string') {
      runs.push(styledRun(node.text, node.marks));
    } else if (node.type === 'hardBreak') {
      runs.push({ text: '\n' });
    } else if (node.type === 'noteMention') {
      const label = typeof node.attrs?.label === 'string' ? node.attrs.label.replace(/\s+/g, ' ').trim() : '';
      runs.push({ text: `@${label}`, italic: true });
    } else {
      const text = textOf(node);
      if (text) runs.push({ text });
    }
  }
  return mergeRuns(runs);
}

function styledRun(text: string, marks: RichTextJson['marks']): Run {
  const run: Run = { text };
  for (const mark of Array.isArray(marks) ? marks : []) {
    switch (mark?.type) {
      case 'bold':
        run.bold = true;
        break;
      case 'italic':
        run.italic = true;
        break;
      case 'underline':
        run.underline = true;
        break;
      case 'strike':
        run.strike = true;
        break;
      case 'code':
        run.code = true;
        break;
      case 'link': {
        const href = mark.attrs?.href;
        // The editor refuses unsafe links, but a peer can write any attribute: only a safe target survives.
        if (isSafeHref(href)) run.href = new URL(href).href;
        break;
      }
    }
  }
  return run;
}

/** Joins neighbouring runs of the same style (the Yjs binding splits text at every edit boundary). */
function mergeRuns(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const run of runs) {
    const last = out.at(-1);
    if (last && sameStyle(last, run)) last.text += run.text;
    else out.push({ ...run });
  }
  return out;
}

function sameStyle(a: Run, b: Run): boolean {
  return (
    !!a.bold === !!b.bold &&
    !!a.italic === !!b.italic &&
    !!a.underline === !!b.underline &&
    !!a.strike === !!b.strike &&
    !!a.code === !!b.code &&
    !!a.muted === !!b.muted &&
    a.href === b.href
  );
}

/** All text under a node, iteratively (no recursion on hostile depth). */
function textOf(node: RichTextJson): string {
  const parts: string[] = [];
  const stack: RichTextJson[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (!current || typeof current !== 'object') continue;
    if (typeof current.text === 'string') parts.push(current.text);
    if (current.type === 'noteMention' && typeof current.attrs?.label === 'string')
      parts.push(`@${current.attrs.label}`);
    if (Array.isArray(current.content))
      for (let i = current.content.length - 1; i >= 0; i--) stack.push(current.content[i]!);
  }
  return parts.join('');
}
