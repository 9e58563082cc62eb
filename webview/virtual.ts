// The article's blocks as groups of about GROUP_SIZE blocks. A group far from the viewport is an
// empty placeholder with the group's (measured or estimated) height; groups near it hold their
// blocks' elements. Splices touch only the groups they hit: block elements outside the spliced
// range are left alone, and inside it they are patched in place where possible.

import { createBlock, patchBlock, relabel, type BlockData, type RenderContext } from './blocks';

export const GROUP_SIZE = 50;
/** A group that grows past this by edits is cut up again. */
const MAX_GROUP = 2 * GROUP_SIZE;
/** Groups this near the viewport get their blocks … */
const NEAR_MARGIN = '1500px 0px';
/** … and lose them again only when this far away. */
const FAR_MARGIN = '6000px 0px';

interface Group {
  start: number;
  count: number;
  readonly el: HTMLDivElement;
  /** The blocks' elements while materialized. */
  items: HTMLElement[] | null;
  /** Pixel height of the placeholder: measured when its elements were dropped, estimated until then. */
  height: number;
}

/** Lengths for height estimates, from the page's font and column width. */
interface Metrics {
  charsPerLine: number;
  lineHeight: number;
  gap: number;
  image: number;
}

export class BlockList {
  private blocks: BlockData[] = [];
  private groups: Group[] = [];
  private readonly groupOf = new WeakMap<Element, Group>();
  private readonly live = new Set<Group>();
  private metrics: Metrics = { charsPerLine: 40, lineHeight: 30, gap: 10, image: 60 };
  private near: IntersectionObserver | null = null;
  private far: IntersectionObserver | null = null;
  private readonly widthWatch: ResizeObserver;
  private lastWidth = 0;
  private widthTimer: number | undefined;

  constructor(
    readonly container: HTMLElement,
    private readonly ctx: () => RenderContext,
  ) {
    this.widthWatch = new ResizeObserver(() => {
      const width = this.container.clientWidth;
      if (width === this.lastWidth) return;
      this.lastWidth = width;
      window.clearTimeout(this.widthTimer);
      this.widthTimer = window.setTimeout(() => this.reestimate(), 150);
    });
    this.widthWatch.observe(container);
  }

  get length(): number {
    return this.blocks.length;
  }

  /** The page's copy of block `index`. */
  at(index: number): BlockData | undefined {
    return this.blocks[index];
  }

  /** Replaces the page's copy of block `index` without touching the DOM (the user's own typing). */
  setData(index: number, data: BlockData): void {
    this.blocks[index] = data;
  }

  /** Drops everything and shows `blocks` as placeholders; groups near the viewport fill in. */
  reset(blocks: BlockData[]): void {
    this.near?.disconnect();
    this.far?.disconnect();
    this.live.clear();
    this.container.textContent = '';
    this.blocks = blocks;
    this.measure();
    this.lastWidth = this.container.clientWidth;
    this.groups = this.chunk(0, blocks.length);
    const fragment = document.createDocumentFragment();
    for (const group of this.groups) fragment.append(group.el);
    this.container.append(fragment);
    this.near = new IntersectionObserver((entries) => this.onNear(entries), { root: document, rootMargin: NEAR_MARGIN });
    this.far = new IntersectionObserver((entries) => this.onFar(entries), { root: document, rootMargin: FAR_MARGIN });
    for (const group of this.groups) this.observe(group);
  }

  /** The index of the block that `el` (a block element) is, or -1. */
  indexOf(el: Element): number {
    const group = el.parentElement ? this.groupOf.get(el.parentElement) : undefined;
    if (!group?.items) return -1;
    const k = group.items.indexOf(el as HTMLElement);
    return k < 0 ? -1 : group.start + k;
  }

  /** The element of block `index`, creating its group's elements when `materialize` is set. */
  element(index: number, materialize = true): HTMLElement | undefined {
    if (index < 0 || index >= this.blocks.length) return undefined;
    const group = this.groups[this.groupAt(index)];
    if (!group) return undefined;
    if (!group.items && materialize) this.materialize(group);
    return group.items?.[index - group.start];
  }

  /** The block index nearest the top of the viewport at `y` (client coordinates) and how far above `y` it starts. */
  blockAtY(y: number): { index: number; offset: number } | undefined {
    if (this.blocks.length === 0) return undefined;
    // Groups are in document order: binary search their rectangles.
    let lo = 0;
    let hi = this.groups.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      // lo < mid ≤ hi, all inside `groups`.
      if (this.groups[mid]!.el.getBoundingClientRect().top <= y) lo = mid;
      else hi = mid - 1;
    }
    const group = this.groups[lo];
    if (!group) return undefined;
    const rect = group.el.getBoundingClientRect();
    if (!group.items) {
      const k = rect.height > 0 ? Math.min(group.count - 1, Math.max(0, Math.floor(((y - rect.top) / rect.height) * group.count))) : 0;
      return { index: group.start + k, offset: 0 };
    }
    for (let k = group.items.length - 1; k >= 0; k--) {
      const top = group.items[k]!.getBoundingClientRect().top; // 0 ≤ k < items.length
      if (top <= y || k === 0) return { index: group.start + k, offset: Math.max(0, y - top) };
    }
    return undefined;
  }

  /**
   * Replaces blocks `[from, from + deleteCount)` with `data`. Elements of the replaced blocks are
   * reused in order (patched: text rewritten only where it differs), the rest are created.
   */
  splice(from: number, deleteCount: number, data: BlockData[]): void {
    const delta = data.length - deleteCount;
    const oneGroup = this.groups.length > 0 ? this.affected(from, deleteCount) : null;
    const single = oneGroup && oneGroup[0] === oneGroup[1] ? this.groups[oneGroup[0]] : undefined;
    if (oneGroup && single && single.count + delta <= MAX_GROUP) {
      this.spliceInGroup(oneGroup[0], from, deleteCount, data);
    } else {
      this.spliceRegion(from, deleteCount, data);
    }
    if (delta !== 0) this.relabelFrom(from + data.length);
  }

  // ---- groups ------------------------------------------------------------------------------------

  /** Index of the group holding block `index` (the last group for `index === length`). */
  private groupAt(index: number): number {
    let lo = 0;
    let hi = this.groups.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      // lo < mid ≤ hi, all inside `groups`.
      if (this.groups[mid]!.start <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** First and last group a splice at `[from, from + deleteCount)` touches. */
  private affected(from: number, deleteCount: number): [number, number] {
    if (deleteCount === 0) {
      // An insertion goes at the end of the group before `from` where `from` starts a group.
      const g = this.groupAt(from);
      return from === this.groups[g]?.start && g > 0 ? [g - 1, g - 1] : [g, g];
    }
    return [this.groupAt(from), this.groupAt(from + deleteCount - 1)];
  }

  private makeGroup(start: number, count: number): Group {
    const el = document.createElement('div');
    el.className = 'group placeholder';
    const group: Group = { start, count, el, items: null, height: this.estimateRange(start, start + count) };
    el.style.height = `${group.height}px`;
    this.groupOf.set(el, group);
    return group;
  }

  /** Groups of about GROUP_SIZE blocks covering `[start, end)`; one empty group for an empty article. */
  private chunk(start: number, end: number, keepEmpty = true): Group[] {
    const total = end - start;
    if (total === 0) return keepEmpty ? [this.makeGroup(start, 0)] : [];
    const n = Math.max(1, Math.round(total / GROUP_SIZE));
    const out: Group[] = [];
    for (let k = 0, at = start; k < n; k++) {
      const next = start + Math.round(((k + 1) * total) / n);
      out.push(this.makeGroup(at, next - at));
      at = next;
    }
    return out;
  }

  private observe(group: Group): void {
    this.near?.observe(group.el);
    this.far?.observe(group.el);
  }

  private unobserve(group: Group): void {
    this.near?.unobserve(group.el);
    this.far?.unobserve(group.el);
    this.live.delete(group);
  }

  private materialize(group: Group): void {
    if (group.items) return;
    const ctx = this.ctx();
    const fragment = document.createDocumentFragment();
    const items: HTMLElement[] = [];
    for (const [k, data] of this.blocks.slice(group.start, group.start + group.count).entries()) {
      const el = createBlock(data, group.start + k, ctx);
      items.push(el);
      fragment.append(el);
    }
    group.el.textContent = '';
    group.el.append(fragment);
    group.el.style.height = '';
    group.el.classList.remove('placeholder');
    group.items = items;
    this.live.add(group);
  }

  private dematerialize(group: Group): void {
    if (!group.items) return;
    const active = document.activeElement;
    if (active && group.el.contains(active)) return;
    const height = group.el.offsetHeight;
    if (height > 0) group.height = height;
    group.items = null;
    group.el.textContent = '';
    group.el.style.height = `${group.height}px`;
    group.el.classList.add('placeholder');
    this.live.delete(group);
  }

  private onNear(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      const group = this.groupOf.get(entry.target);
      if (group && entry.isIntersecting && !group.items && group.el.isConnected) this.materialize(group);
    }
  }

  private onFar(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      const group = this.groupOf.get(entry.target);
      if (group && !entry.isIntersecting && group.items) this.dematerialize(group);
    }
  }

  private spliceInGroup(g: number, from: number, deleteCount: number, data: BlockData[]): void {
    const group = this.groups[g];
    if (!group) return;
    const delta = data.length - deleteCount;
    const removedEstimate = group.items ? 0 : this.estimateRange(from, from + deleteCount);
    spliceArray(this.blocks, from, deleteCount, data);
    group.count += delta;
    for (const later of this.groups.slice(g + 1)) later.start += delta;
    if (group.items) {
      const ctx = this.ctx();
      const rel = from - group.start;
      const old = group.items.slice(rel, rel + deleteCount);
      const after = group.items[rel + deleteCount] ?? null;
      const next: HTMLElement[] = [];
      for (const [k, block] of data.entries()) {
        const reused = old[k];
        if (reused) {
          next.push(patchBlock(reused, block, from + k, ctx));
        } else {
          const el = createBlock(block, from + k, ctx);
          group.el.insertBefore(el, after);
          next.push(el);
        }
      }
      for (const gone of old.slice(data.length)) gone.remove();
      group.items.splice(rel, deleteCount, ...next);
    } else {
      group.height = Math.max(0, group.height - removedEstimate + this.estimateRange(from, from + data.length));
      group.el.style.height = `${group.height}px`;
    }
    if (group.count === 0 && this.groups.length > 1) {
      this.unobserve(group);
      group.el.remove();
      group.items = null;
      this.groups.splice(g, 1);
    }
  }

  /** A splice over several groups (or one that grew too big): the groups it hits are cut up again. */
  private spliceRegion(from: number, deleteCount: number, data: BlockData[]): void {
    const delta = data.length - deleteCount;
    if (this.groups.length === 0) {
      spliceArray(this.blocks, from, deleteCount, data);
      this.groups = this.chunk(0, this.blocks.length);
      for (const group of this.groups) {
        this.container.append(group.el);
        this.observe(group);
      }
      return;
    }
    const [gA, gB] = this.affected(from, deleteCount);
    const first = this.groups[gA];
    const last = this.groups[gB];
    if (!first || !last) return;
    const start = first.start;
    const end = last.start + last.count + delta;
    // Where the old groups had elements, the new ones get them at once (no blank flash, no jump).
    const map = (i: number): number => (i < from ? i : i >= from + deleteCount ? i + delta : from + Math.min(i - from, Math.max(data.length - 1, 0)));
    let lo = Infinity;
    let hi = -Infinity;
    const hit = this.groups.slice(gA, gB + 1);
    for (const group of hit) {
      if (group.items && group.count > 0) {
        lo = Math.min(lo, map(group.start));
        hi = Math.max(hi, map(group.start + group.count - 1) + 1);
      }
    }
    spliceArray(this.blocks, from, deleteCount, data);
    const anchor = this.groups[gB + 1]?.el ?? null;
    for (const group of hit) {
      this.unobserve(group);
      group.el.remove();
      group.items = null;
    }
    const fresh = this.chunk(start, end, this.groups.length === gB - gA + 1);
    const fragment = document.createDocumentFragment();
    for (const group of fresh) {
      if (group.start < hi && group.start + group.count > lo) this.materialize(group);
      fragment.append(group.el);
    }
    this.container.insertBefore(fragment, anchor);
    this.groups.splice(gA, gB - gA + 1, ...fresh);
    for (const later of this.groups.slice(gA + fresh.length)) later.start += delta;
    for (const group of fresh) this.observe(group);
  }

  /** New accessible names for the materialized blocks from `from` on (their positions moved). */
  private relabelFrom(from: number): void {
    const ctx = this.ctx();
    for (const group of this.live) {
      if (!group.items || group.start + group.count <= from) continue;
      for (let k = Math.max(0, from - group.start); k < group.items.length; k++) {
        const el = group.items[k];
        const data = this.blocks[group.start + k];
        if (el && data) relabel(el, data, group.start + k, ctx);
      }
    }
  }

  // ---- height estimates -------------------------------------------------------------------------

  private measure(): void {
    const style = getComputedStyle(this.container);
    const fontSize = parseFloat(style.fontSize) || 16;
    const lineHeight = parseFloat(style.lineHeight) || fontSize * 1.8;
    const width = this.container.clientWidth || 700;
    this.metrics = { charsPerLine: Math.max(8, Math.floor(width / fontSize)), lineHeight, gap: fontSize * 0.6, image: fontSize * 3.6 };
  }

  private estimate(block: BlockData): number {
    const m = this.metrics;
    if (block.kind === 'image') return m.image + m.gap;
    const text = block.text;
    let breaks = 0;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) breaks++;
    const lines = Math.max(1, Math.ceil((text.length + 2) / m.charsPerLine)) + breaks;
    return lines * m.lineHeight * (block.heading ? 1.2 : 1) + m.gap;
  }

  private estimateRange(start: number, end: number): number {
    let sum = 0;
    for (const block of this.blocks.slice(start, end)) sum += this.estimate(block);
    return Math.round(sum);
  }

  /** The column width changed: placeholders get new estimates. */
  private reestimate(): void {
    this.measure();
    for (const group of this.groups) {
      if (group.items) continue;
      group.height = this.estimateRange(group.start, group.start + group.count);
      group.el.style.height = `${group.height}px`;
    }
  }
}

/** `array.splice(from, deleteCount, ...items)` without spreading huge arrays onto the stack. */
function spliceArray<T>(array: T[], from: number, deleteCount: number, items: T[]): void {
  if (items.length < 10000) {
    array.splice(from, deleteCount, ...items);
    return;
  }
  const tail = array.slice(from + deleteCount);
  array.length = from;
  for (const item of items) array.push(item);
  for (const item of tail) array.push(item);
}
