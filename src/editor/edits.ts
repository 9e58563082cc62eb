/**
 * What the Article Editor's page shows of an article (its view blocks) and what changed between
 * two versions of it. The paragraph operations themselves are the core's (src/core/edits.ts).
 */
import { isSimple, shareViewIndex, shownText, viewIndex } from '../core/edits';
import { inlineView } from '../core/inline';
import type { Article } from '../core/model';
import type { ViewBlock } from './protocol';

// The operations the benchmarks take from here.
export { editText, viewIndex } from '../core/edits';

/** The blocks the editor shows: paragraphs (empty ones too) and images, with their article indexes. */
export interface EditorView {
  readonly blocks: ViewBlock[];
  /** `index[i]` is the article block shown as view block i. */
  readonly index: number[];
}

export function editorView(article: Article): EditorView {
  const index = viewIndex(article);
  return { blocks: index.map((i) => viewBlock(article, i)), index };
}

/** What changed between two views: the page splices `[from, from + deleteCount)` with `blocks`. */
export interface ViewChange {
  readonly view: EditorView;
  readonly from: number;
  readonly deleteCount: number;
  readonly blocks: ViewBlock[];
}

function viewBlock(article: Article, i: number): ViewBlock {
  const block = article.blocks[i]!;
  if (block.kind === 'image') return { kind: 'image', text: '', chars: 0, simple: true };
  const simple = isSimple(article, block);
  let view: ViewBlock = { kind: 'paragraph', text: shownText(article, block), chars: block.chars, simple };
  if (!simple) {
    const { marks, lossy } = inlineView(article, block);
    if (marks.length > 0) view = { ...view, marks };
    if (lossy) view = { ...view, lossy: true };
  }
  return block.heading ? { ...view, heading: block.heading.level } : view;
}

function sameView(a: ViewBlock, b: ViewBlock): boolean {
  return a.kind === b.kind && a.text === b.text && a.heading === b.heading && a.simple === b.simple && a.chars === b.chars && a.lossy === b.lossy && sameMarks(a.marks, b.marks);
}

function sameMarks(a: ViewBlock['marks'], b: ViewBlock['marks']): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  return a.every((m, k) => m.kind === b[k]!.kind && m.from === b[k]!.from && m.to === b[k]!.to && m.href === b[k]!.href);
}

/**
 * The view of `next` as a change from `view` (the view of `previous`). When the two articles have
 * the same blocks in the same places (typing), only the blocks whose text differs are built again;
 * otherwise the whole view is, and the change is narrowed by common prefix and suffix.
 */
export function diffView(previous: Article, view: EditorView, next: Article): ViewChange {
  const sameShape = previous.blocks.length === next.blocks.length && previous.blocks.every((b, i) => b.kind === next.blocks[i]!.kind);
  if (sameShape) {
    shareViewIndex(next, view.index);
    let from = -1;
    let to = -1;
    const blocks = view.blocks.slice();
    for (let v = 0; v < view.index.length; v++) {
      const i = view.index[v]!;
      const before = previous.blocks[i]!;
      const after = next.blocks[i]!;
      // Same text, same markup (a bold toggle changes the source's length, not the text); an empty
      // paragraph shows its indent.
      if (before.text === after.text && (before.text !== '' || shownText(previous, before) === shownText(next, after)) && before.heading?.level === after.heading?.level && before.chars === after.chars && before.textEnd - before.textStart === after.textEnd - after.textStart) continue;
      blocks[v] = viewBlock(next, i);
      if (from < 0) from = v;
      to = v + 1;
    }
    if (from < 0) return { view: { blocks, index: view.index }, from: 0, deleteCount: 0, blocks: [] };
    return { view: { blocks, index: view.index }, from, deleteCount: to - from, blocks: blocks.slice(from, to) };
  }
  const fresh = editorView(next);
  const old = view.blocks;
  const now = fresh.blocks;
  let from = 0;
  while (from < old.length && from < now.length && sameView(old[from]!, now[from]!)) from++;
  let tail = 0;
  while (tail < old.length - from && tail < now.length - from && sameView(old[old.length - 1 - tail]!, now[now.length - 1 - tail]!)) tail++;
  return { view: fresh, from, deleteCount: old.length - from - tail, blocks: now.slice(from, now.length - tail) };
}
