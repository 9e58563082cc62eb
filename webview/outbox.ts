// Messaging: what the page sends the host and what it is still waiting for. The page's typing runs
// ahead of the host (the texts sent and not yet echoed are kept to recognise the echoes); a
// structural change waits for the host's answer, and typing meanwhile is queued.

import type { ViewMessage } from '../src/editor/protocol';
import type { BlockData } from './blocks';

/** What the page needs from `acquireVsCodeApi()`. */
export interface Host {
  postMessage(message: ViewMessage): void;
  getState(): unknown;
  setState(state: unknown): void;
}

/** A structural change posted and not yet answered by an `update`. */
export type Op =
  | { readonly kind: 'split'; readonly block: number }
  /** Block `block` joined to the one before it, whose text was `joinAt` long. */
  | { readonly kind: 'merge'; readonly block: number; readonly joinAt: number }
  | { readonly kind: 'move'; readonly block: number; readonly direction: -1 | 1; readonly offset: number }
  | { readonly kind: 'delete'; readonly block: number }
  /** A new paragraph after block `block`; `offset`: where the caret goes in it (after the text it was sent with). */
  | { readonly kind: 'insert'; readonly block: number; readonly offset?: number };

/**
 * Typing (and moves: a held Alt+↑ repeats) that arrived while a structural change was on its way:
 * replayed once it is answered.
 */
export type Queued = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'split' } | { readonly kind: 'move'; readonly direction: -1 | 1 };

type Structural = Extract<ViewMessage, { type: 'split' | 'merge' | 'move' | 'delete' | 'insert' }>;

/** How long a structural change may stay unanswered before typing goes on without it. */
const PENDING_TIMEOUT = 2000;
const FOCUS_DEBOUNCE = 100;
/** Texts kept per block (and for the title) to recognise the host's echoes. */
const INFLIGHT_LIMIT = 500;

export class Outbox {
  /** The document version the page's edits are based on. */
  version = 0;
  /** Texts the page has sent for a block (oldest first) and the host has not echoed yet. */
  private inflight = new Map<number, string[]>();
  private titleInflight: string[] = [];
  private pendingOp: { op: Op; timer: number } | null = null;
  private queue: Queued[] = [];
  private lastUndo = 0;
  private postedFocus = -1;
  private focusTimer: number | undefined;

  /** `onTimeout` runs when a structural change stayed unanswered for too long. */
  constructor(
    private readonly host: Host,
    private readonly onTimeout: () => void,
  ) {}

  post(message: ViewMessage): void {
    this.host.postMessage(message);
  }

  /** The host sent the whole document (at `version`): nothing sent before is waited for any more. */
  reset(version: number): void {
    this.version = version;
    this.inflight.clear();
    this.titleInflight = [];
    this.clearPending();
    this.queue = [];
  }

  // ---- edits -------------------------------------------------------------------------------------

  /** Sends a paragraph edit; `text` is the paragraph's whole text after it. */
  sendEdit(block: number, from: number, to: number, inserted: string, text: string): void {
    this.post({ type: 'edit', version: this.version, block, from, to, text: inserted });
    const sent = this.inflight.get(block) ?? [];
    sent.push(text);
    if (sent.length > INFLIGHT_LIMIT) sent.splice(0, sent.length - INFLIGHT_LIMIT);
    this.inflight.set(block, sent);
  }

  /** Sends a title edit; `title` is the whole title after it. */
  sendTitleEdit(from: number, to: number, inserted: string, title: string): void {
    this.post({ type: 'editTitle', version: this.version, from, to, text: inserted });
    this.titleInflight.push(title);
    if (this.titleInflight.length > INFLIGHT_LIMIT) this.titleInflight.splice(0, this.titleInflight.length - INFLIGHT_LIMIT);
  }

  /** The host's block `index` (`incoming`) against the page's (`local`): the page's text stays where it is newer. */
  reconcile(index: number, local: BlockData, incoming: BlockData): { data: BlockData; echo: boolean } {
    const sent = this.inflight.get(index);
    if (incoming.text === local.text) {
      this.inflight.delete(index);
      return { data: incoming, echo: true };
    }
    if (sent) {
      const at = sent.lastIndexOf(incoming.text);
      if (at >= 0) {
        // An edit the page sent earlier: the page's text already has it and what came after.
        sent.splice(0, at + 1);
        // Its marks are for the host's (older) text: the field keeps showing what it shows.
        return { data: { ...incoming, text: local.text, chars: local.chars, marks: undefined }, echo: true };
      }
      this.inflight.delete(index);
    }
    return { data: incoming, echo: false };
  }

  /** Blocks `[from, from + deleteCount)` were replaced by `count` blocks: what is in flight moves along. */
  shiftInflight(from: number, deleteCount: number, count: number): void {
    if (this.inflight.size === 0) return;
    const next = new Map<number, string[]>();
    for (const [index, texts] of this.inflight) {
      if (index < from) next.set(index, texts);
      else if (index >= from + deleteCount) next.set(index + count - deleteCount, texts);
    }
    this.inflight = next;
  }

  /**
   * Whether the host's `title` needs no change of the page's `current` one: it is the same, or an
   * echo of the page's own edit (the page's title is newer).
   */
  titleIsEcho(current: string, title: string): boolean {
    if (title === current) {
      this.titleInflight = [];
      return true;
    }
    const at = this.titleInflight.lastIndexOf(title);
    if (at >= 0) {
      this.titleInflight.splice(0, at + 1);
      return true;
    }
    this.titleInflight = [];
    return false;
  }

  // ---- structural changes ------------------------------------------------------------------------

  /** The structural change on its way, if any. */
  get pending(): Op | null {
    return this.pendingOp?.op ?? null;
  }

  /** Sends a structural change and waits for its answer. */
  sendStructural(message: Structural, op: Op): void {
    this.post(message);
    this.clearPending();
    const timer = window.setTimeout(() => {
      this.pendingOp = null;
      this.onTimeout();
    }, PENDING_TIMEOUT);
    this.pendingOp = { op, timer };
  }

  clearPending(): void {
    if (this.pendingOp) window.clearTimeout(this.pendingOp.timer);
    this.pendingOp = null;
  }

  /** Holds typing back until the structural change on its way is answered. */
  enqueue(action: Queued): void {
    this.queue.push(action);
  }

  /** The next held-back action, while nothing structural is on its way. */
  nextQueued(): Queued | undefined {
    return this.pendingOp ? undefined : this.queue.shift();
  }

  dropQueue(): void {
    this.queue = [];
  }

  // ---- undo and focus ----------------------------------------------------------------------------

  /** A key press of its own: its undo is sent even right after another one (holding Ctrl+Z repeats). */
  forgetLastUndo(): void {
    this.lastUndo = 0;
  }

  /** Posts undo or redo, once for one user action (a key press may also reach the browser's undo). */
  sendUndo(action: 'undo' | 'redo'): void {
    const now = Date.now();
    if (now - this.lastUndo < 300) return;
    this.lastUndo = now;
    this.post({ type: action });
  }

  /** The caret went to block `index` (-1: none): tell the host after a short while if `current()` still says so. */
  sendFocusSoon(index: number, current: () => number): void {
    window.clearTimeout(this.focusTimer);
    if (index < 0) return;
    this.focusTimer = window.setTimeout(() => {
      if (current() === index && index !== this.postedFocus) {
        this.postedFocus = index;
        this.post({ type: 'focus', block: index });
      }
    }, FOCUS_DEBOUNCE);
  }
}
