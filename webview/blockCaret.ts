// Caret and selection across the blocks: each block is its own field, so the caret is put back
// after a splice, moved on by the arrow keys at a paragraph's edge, and placed in a block.

import { fieldOf, isTextField } from './blocks';
import { caretX, offsetOf, onEdgeLine, readText, setSelectionIn, snapshot, type FieldSnapshot } from './caret';
import type { Arrow } from './keys';
import { mapOffset } from './text';
import type { BlockList } from './virtual';

/** Where the caret was before a splice: its field, block, offset and the text shown then. */
export interface Caret {
  readonly field: HTMLElement;
  readonly index: number;
  readonly offset: number;
  readonly display: string;
}

export class BlockCaret {
  constructor(
    private readonly list: BlockList,
    private readonly blocksEl: HTMLElement,
    private readonly titleEl: HTMLElement,
    /** The page's title text. */
    private readonly title: () => string,
    /** The bottom of the sticky header (client coordinates). */
    private readonly headerBottom: () => number,
  ) {}

  /** The caret in a block, if the focus is in one: to be put back after a splice. */
  capture(): Caret | null {
    const active = document.activeElement;
    if (!(active instanceof HTMLElement) || !active.parentElement || !this.blocksEl.contains(active)) return null;
    const index = this.list.indexOf(active.parentElement);
    if (index < 0) return null;
    if (!isTextField(active)) return { field: active, index, offset: 0, display: '' };
    const snap = snapshot(active);
    return { field: active, index, offset: snap.selection?.caret ?? 0, display: snap.text };
  }

  /** After a splice: the caret stays where it was, in the same block (wherever that went now). */
  restore(caret: Caret, from: number, deleteCount: number, count: number): void {
    let index: number;
    if (caret.index < from) index = caret.index;
    else if (caret.index >= from + deleteCount) index = caret.index + count - deleteCount;
    else if (count === 0) index = Math.min(from, this.list.length - 1);
    else index = from + Math.min(caret.index - from, count - 1);
    const blockEl = index >= 0 ? this.list.element(index) : undefined;
    if (!blockEl) return;
    const field = fieldOf(blockEl);
    // The echo of the user's own typing: the DOM was not touched, the caret is still right.
    if (field === caret.field && document.activeElement === field && (!isTextField(field) || readText(field) === caret.display)) return;
    if (isTextField(field)) setSelectionIn(field, mapOffset(caret.display, readText(field), caret.offset));
    else field.focus({ preventScroll: true });
  }

  /** Puts the caret at `offset` (of the shown text) in block `index` and scrolls it into view. */
  place(index: number, offset: number): void {
    const blockEl = this.list.element(index);
    if (!blockEl) return;
    const field = fieldOf(blockEl);
    if (isTextField(field)) setSelectionIn(field, Math.min(offset, readText(field).length));
    else field.focus({ preventScroll: true });
    this.scrollIntoViewIfNeeded(blockEl);
  }

  private scrollIntoViewIfNeeded(target: HTMLElement): void {
    const rect = target.getBoundingClientRect();
    if (rect.top < this.headerBottom() || rect.bottom > window.innerHeight) target.scrollIntoView({ block: 'nearest' });
  }

  /**
   * Arrow keys at the edge of a paragraph go on to the next block (each block is its own field).
   * `field` is the paragraph's snapshot, `null` on a block that is no paragraph (an image).
   */
  navigate(key: Arrow, field: FieldSnapshot | null, index: number): boolean {
    const selection = field?.selection ?? null;
    const collapsed = !field || (!!selection && selection.start === selection.end);
    if (!collapsed) return false;
    const length = field ? field.text.length : 0;
    switch (key) {
      case 'ArrowLeft':
        if (field && selection?.start !== 0) return false;
        return this.goTo(index - 1, 'end');
      case 'ArrowRight':
        if (field && selection?.start !== length) return false;
        return this.goTo(index + 1, 'start');
      case 'ArrowUp':
        if (field && !onEdgeLine(field, 'first')) return false;
        return this.goTo(index - 1, 'up', caretX(document));
      case 'ArrowDown':
        if (field && !onEdgeLine(field, 'last')) return false;
        return this.goTo(index + 1, 'down', caretX(document));
    }
  }

  private goTo(index: number, where: 'start' | 'end' | 'up' | 'down', x?: number): boolean {
    if (index < 0) {
      if (where === 'end' || where === 'up') {
        setSelectionIn(this.titleEl, this.title().length);
        this.titleEl.scrollIntoView({ block: 'nearest' });
        return true;
      }
      return false;
    }
    const blockEl = this.list.element(index);
    if (!blockEl) return false;
    const field = fieldOf(blockEl);
    this.scrollIntoViewIfNeeded(blockEl);
    if (!isTextField(field)) {
      field.focus({ preventScroll: true });
      return true;
    }
    const length = readText(field).length;
    let offset = where === 'end' || where === 'up' ? length : 0;
    if (x !== undefined && (where === 'up' || where === 'down')) {
      const box = field.getBoundingClientRect();
      const line = parseFloat(getComputedStyle(field).lineHeight) || 20;
      const y = where === 'up' ? box.bottom - line / 2 : box.top + line / 2;
      const hit = document.caretRangeFromPoint?.(Math.max(box.left + 1, Math.min(x, box.right - 1)), y);
      if (hit && field.contains(hit.startContainer)) offset = offsetOf(field, hit.startContainer, hit.startOffset);
    }
    setSelectionIn(field, offset);
    return true;
  }

  /** The index of the block the focus is in, or -1. */
  activeIndex(): number {
    const active = document.activeElement;
    if (!(active instanceof HTMLElement) || !active.parentElement || !this.blocksEl.contains(active)) return -1;
    return this.list.indexOf(active.parentElement);
  }

  /** Puts the caret at the start of the block's paragraph, or focuses a block that is no paragraph (or read-only). */
  focusStart(blockEl: HTMLElement, readonly: boolean): void {
    const field = fieldOf(blockEl);
    if (isTextField(field) && !readonly) setSelectionIn(field, 0);
    else field.focus({ preventScroll: true });
  }
}
