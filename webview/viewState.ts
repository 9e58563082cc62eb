// The view's state across a reload of the page: where it was scrolled and which block had the
// caret, saved with the webview's `setState` (debounced) and restored from `getState`.

import type { Host } from './outbox';
import type { BlockList } from './virtual';

/** Saved with `setState`, restored when the page is reloaded. */
interface ViewState {
  readonly scrollTop: number;
  readonly focusedBlock?: number;
  /** The block at the top of the view and how far it is scrolled past: survives estimated heights. */
  readonly topBlock?: number;
  readonly topOffset?: number;
}

export class ViewStateKeeper {
  private timer: number | undefined;

  constructor(
    private readonly host: Host,
    private readonly list: BlockList,
    /** The bottom of the sticky header (client coordinates). */
    private readonly headerBottom: () => number,
    /** The block with the caret, or -1. */
    private readonly focusIndex: () => number,
  ) {}

  /** Saves the state a little later (once for a burst of scrolling or caret moves). */
  saveSoon(): void {
    if (this.timer !== undefined) return;
    this.timer = window.setTimeout(() => {
      this.timer = undefined;
      this.save();
    }, 200);
  }

  private save(): void {
    const found = this.list.blockAtY(this.headerBottom() + 1);
    // At the very top (the title in view), the pixel offset is the state: block 0 at offset 0 would
    // scroll the title away when restored.
    const top = found && (found.index > 0 || found.offset > 0) ? found : undefined;
    const focusIndex = this.focusIndex();
    const state: ViewState = {
      scrollTop: Math.round(document.scrollingElement?.scrollTop ?? window.scrollY),
      ...(focusIndex >= 0 ? { focusedBlock: focusIndex } : {}),
      ...(top ? { topBlock: top.index, topOffset: Math.round(top.offset) } : {}),
    };
    this.host.setState(state);
  }

  /** Scrolls back to the saved view; the saved block with the caret, where there is one in range. */
  restore(): number | undefined {
    const state = this.host.getState() as Partial<ViewState> | undefined | null;
    if (!state || typeof state !== 'object') return undefined;
    const n = this.list.length;
    if (typeof state.topBlock === 'number' && state.topBlock >= 0 && state.topBlock < n) {
      this.scrollToBlock(state.topBlock, typeof state.topOffset === 'number' ? state.topOffset : 0);
    } else if (typeof state.scrollTop === 'number') {
      window.scrollTo(0, state.scrollTop);
    }
    if (typeof state.focusedBlock === 'number' && state.focusedBlock >= 0 && state.focusedBlock < n) return state.focusedBlock;
    return undefined;
  }

  /** Scrolls so that block `index` starts `offset` pixels above the top of the view. */
  scrollToBlock(index: number, offset: number): void {
    const blockEl = this.list.element(index);
    if (!blockEl) return;
    window.scrollBy(0, blockEl.getBoundingClientRect().top - this.headerBottom() + offset);
  }
}
