// Key commands: which key press asks for what. Pure decisions on the event's keys and one snapshot
// of the field; ArticleEditor carries them out.

import { atEnd, type FieldSnapshot } from './caret';

/** The keys of a KeyboardEvent these decisions look at. */
export type Keys = Pick<KeyboardEvent, 'key' | 'code' | 'shiftKey' | 'altKey' | 'ctrlKey' | 'metaKey'>;

export type Arrow = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown';

/** What a key press in a block asks for. */
export type BlockCommand =
  /** A structural change of the block: the key is consumed, and the change is made unless one is on its way. */
  | { readonly kind: 'insert' }
  | { readonly kind: 'delete' }
  | { readonly kind: 'move'; readonly direction: -1 | 1 }
  /** Enter in a paragraph. */
  | { readonly kind: 'split' }
  /** Backspace at the start of a paragraph: into the block before. */
  | { readonly kind: 'joinBefore' }
  /** Delete at the end of a paragraph (a caret, no selection): the block after comes in. */
  | { readonly kind: 'joinAfter' }
  /** Ctrl+B / Ctrl+I (⌘ on a Mac): bold or italic on the selection, or off. */
  | { readonly kind: 'format'; readonly mark: 'bold' | 'italic' }
  /** A plain arrow key: on to the next block where the caret is at the paragraph's edge. */
  | { readonly kind: 'arrow'; readonly key: Arrow };

/** What a key press in the title asks for. */
export type TitleCommand = { readonly kind: 'enter' } | { readonly kind: 'toBody'; readonly key: 'ArrowDown' | 'ArrowRight' };

function isArrow(key: string): key is Arrow {
  return key === 'ArrowLeft' || key === 'ArrowRight' || key === 'ArrowUp' || key === 'ArrowDown';
}

function plain(e: Keys): boolean {
  return !e.shiftKey && !e.altKey && !e.ctrlKey && !e.metaKey;
}

/** Undo or redo for a key press (Ctrl or ⌘ with Z, Shift+Z, Y), else null. */
export function undoAction(e: Keys, mac: boolean): 'undo' | 'redo' | null {
  if (!(mac ? e.metaKey : e.ctrlKey) || e.altKey) return null;
  const key = e.key.toLowerCase();
  if (key === 'z' || e.code === 'KeyZ') return e.shiftKey ? 'redo' : 'undo';
  if (!mac && !e.shiftKey && (key === 'y' || e.code === 'KeyY')) return 'redo';
  return null;
}

/** Whether deciding on this key in a paragraph needs the field's text and selection. */
export function readsField(key: string): boolean {
  return key === 'Backspace' || key === 'Delete' || isArrow(key);
}

/**
 * The command of a key press in a block. `field` is the snapshot of the paragraph's field (taken
 * where `readsField(e.key)`), `text` whether the target is a paragraph's field at all.
 */
export function blockCommand(e: Keys, opts: { mac: boolean; readonly: boolean; text: boolean; field: FieldSnapshot | null }): BlockCommand | null {
  const { text, field } = opts;
  if (!opts.readonly) {
    const mod = opts.mac ? e.metaKey : e.ctrlKey;
    if (e.key === 'Enter' && mod && !e.altKey && !e.shiftKey) return { kind: 'insert' };
    if (mod && e.shiftKey && !e.altKey && (e.code === 'KeyK' || e.key.toLowerCase() === 'k')) return { kind: 'delete' };
    if (e.altKey && !mod && !e.shiftKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) return { kind: 'move', direction: e.key === 'ArrowUp' ? -1 : 1 };
    if (!text && !mod && !e.altKey && (e.key === 'Backspace' || e.key === 'Delete')) return { kind: 'delete' };
    if (text && mod && !e.altKey && !e.shiftKey && (e.code === 'KeyB' || e.key.toLowerCase() === 'b')) return { kind: 'format', mark: 'bold' };
    if (text && mod && !e.altKey && !e.shiftKey && (e.code === 'KeyI' || e.key.toLowerCase() === 'i')) return { kind: 'format', mark: 'italic' };
    if (!text && e.key === 'Enter' && !mod && !e.altKey) return { kind: 'insert' };
    if (text && e.key === 'Enter' && !mod && !e.altKey) return { kind: 'split' };
    if (text && !mod && !e.altKey && !e.shiftKey && (e.key === 'Backspace' || e.key === 'Delete')) {
      const selection = field?.selection;
      if (e.key === 'Backspace' && selection && selection.end === 0) return { kind: 'joinBefore' };
      if (e.key === 'Delete' && field && selection && selection.start === field.text.length && selection.end === selection.start) return { kind: 'joinAfter' };
    }
  }
  if (plain(e) && isArrow(e.key)) return { kind: 'arrow', key: e.key };
  return null;
}

/** The command of a key press in the title; `field` is the title's snapshot (taken where `readsField(e.key)`). */
export function titleCommand(e: Keys, field: FieldSnapshot | null): TitleCommand | null {
  if (e.key === 'Enter') return { kind: 'enter' };
  if (plain(e) && e.key === 'ArrowDown') return { kind: 'toBody', key: 'ArrowDown' };
  if (plain(e) && e.key === 'ArrowRight' && field && atEnd(field)) return { kind: 'toBody', key: 'ArrowRight' };
  return null;
}
