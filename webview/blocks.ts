// One block of the article as DOM: a paragraph (an editable plain-text field) or an image.
// Document text only ever goes in through `textContent` (writeText), never as markup.

import type { ViewBlock, ViewMark } from '../src/editor/protocol';
import { getSelectionIn, readText, setSelectionIn } from './caret';
import { renderMarked, showsMarks } from './marks';
import type { Strings } from './strings';
import { hiddenIndent, INDENT } from './text';

/** The page's copy of a block; `text` runs ahead of the host's while edits are in flight. */
export interface BlockData {
  readonly kind: ViewBlock['kind'];
  readonly text: string;
  readonly chars: number;
  readonly heading?: number;
  readonly simple: boolean;
  /** Bold, italic and links; `undefined` where the page's text ran ahead of the host's (the field shows what it shows). */
  readonly marks?: readonly ViewMark[];
  /** An edit across this paragraph's markup would write it as plain text. */
  readonly lossy?: boolean;
}

/** The page's copy of a block the host sent (checked against the protocol on arrival). */
export function toData(block: ViewBlock): BlockData {
  const { kind, text, chars, heading, simple, marks, lossy } = block;
  const data: BlockData = heading === undefined ? { kind, text, chars, simple } : { kind, text, chars, heading, simple };
  return { ...data, marks: marks ?? [], ...(lossy ? { lossy } : {}) };
}

export interface RenderContext {
  readonly strings: Strings;
  readonly readonly: boolean;
  readonly mac: boolean;
}

const TOOLS: readonly { action: string; glyph: string; key: 'moveUp' | 'insertBlock' | 'moveDown' | 'deleteBlock'; shortcut: (mac: boolean) => string }[] = [
  { action: 'up', glyph: '↑', key: 'moveUp', shortcut: (mac) => (mac ? '⌥↑' : 'Alt+↑') },
  { action: 'insert', glyph: '+', key: 'insertBlock', shortcut: (mac) => (mac ? '⌘↩' : 'Ctrl+Enter') },
  { action: 'down', glyph: '↓', key: 'moveDown', shortcut: (mac) => (mac ? '⌥↓' : 'Alt+↓') },
  { action: 'delete', glyph: '×', key: 'deleteBlock', shortcut: (mac) => (mac ? '⇧⌘K' : 'Ctrl+Shift+K') },
];

function tools(ctx: RenderContext): HTMLElement {
  const box = document.createElement('div');
  box.className = 'tools';
  for (const tool of TOOLS) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = `tool tool-${tool.action}`;
    button.dataset.action = tool.action;
    button.tabIndex = -1;
    const label = ctx.strings.withShortcut(tool.key, tool.shortcut(ctx.mac));
    button.title = label;
    button.setAttribute('aria-label', label);
    button.textContent = tool.glyph;
    box.append(button);
  }
  return box;
}

/** The block's focusable part: the paragraph's text field or the image's figure. */
export function fieldOf(blockEl: Element): HTMLElement {
  return blockEl.firstElementChild as HTMLElement;
}

/**
 * How many characters at the start of the block's text the field hides (shown as `text-indent`).
 * Fixed when the field is filled, so that what the user types never changes what is hidden.
 */
export function indentOf(field: HTMLElement): number {
  return field.dataset.indent === '2' ? 2 : 0;
}

/** Fills the field with `text`, its `　　` indent hidden, its bold, italic and links drawn (`ctx` for the links' tooltips). */
export function showText(field: HTMLElement, text: string, marks?: readonly ViewMark[], ctx?: RenderContext): void {
  const indent = hiddenIndent(text);
  field.dataset.indent = String(indent);
  renderMarked(field, text, marks, indent, (href) => ctx?.strings.get('link', href) ?? href);
}

/** A paragraph's text field (a type of its own: an element that is not one is still an HTMLElement). */
export type TextField = HTMLElement & { readonly __textField: never };

/** Whether `el` is a paragraph's text field. */
export function isTextField(el: Element | null): el is TextField {
  return el instanceof HTMLElement && el.classList.contains('text');
}

function kindOf(blockEl: Element): BlockData['kind'] {
  return blockEl.classList.contains('image') ? 'image' : 'paragraph';
}

function label(data: BlockData, index: number, ctx: RenderContext): string {
  if (data.kind === 'image') return ctx.strings.numbered('imageBlock', index + 1);
  return ctx.strings.numbered(data.heading ? 'heading' : 'paragraph', index + 1);
}

/** Sets the accessible name for the block's position (after blocks before it were added or removed). */
export function relabel(blockEl: Element, data: BlockData, index: number, ctx: RenderContext): void {
  fieldOf(blockEl).setAttribute('aria-label', label(data, index, ctx));
}

function applyMeta(blockEl: HTMLElement, data: BlockData, index: number, ctx: RenderContext): void {
  const field = fieldOf(blockEl);
  field.setAttribute('aria-label', label(data, index, ctx));
  if (data.kind === 'image') return;
  field.className = `text${indentOf(field) > 0 ? ' indent' : ''}${data.heading ? ` heading h${data.heading}` : ''}`;
  blockEl.classList.toggle('is-heading', !!data.heading);
  updateCount(blockEl, data, ctx);
}

/** Refreshes the paragraph's character count (and the empty placeholder) from `data`. */
export function updateCount(blockEl: Element, data: BlockData, ctx: RenderContext): void {
  const count = blockEl.querySelector('.count');
  if (!count) return;
  count.textContent = String(data.chars);
  const title = ctx.strings.get('chars', data.chars);
  // Markup is shown; the hint is left for markup an edit cannot keep.
  count.setAttribute('title', data.lossy ? `${title} · ${ctx.strings.get('richParagraph')}` : title);
  count.classList.toggle('rich', !!data.lossy);
  const field = fieldOf(blockEl);
  field.classList.toggle('empty', data.text.length === indentOf(field));
}

export function createBlock(data: BlockData, index: number, ctx: RenderContext): HTMLElement {
  const block = document.createElement('div');
  if (data.kind === 'image') {
    block.className = 'block image';
    const figure = document.createElement('div');
    figure.className = 'figure';
    figure.tabIndex = 0;
    figure.setAttribute('role', 'img');
    const icon = document.createElement('span');
    icon.className = 'icon';
    icon.setAttribute('aria-hidden', 'true');
    icon.textContent = '▣';
    const caption = document.createElement('span');
    caption.className = 'caption';
    caption.textContent = ctx.strings.get('image');
    figure.append(icon, caption);
    block.append(figure);
  } else {
    block.className = 'block paragraph';
    const field = document.createElement('div');
    field.setAttribute('role', 'textbox');
    field.setAttribute('aria-multiline', 'true');
    field.spellcheck = false;
    field.dataset.placeholder = ctx.strings.get('emptyParagraph');
    if (ctx.readonly) {
      field.setAttribute('aria-readonly', 'true');
      field.tabIndex = 0;
    } else {
      field.contentEditable = 'plaintext-only';
    }
    showText(field, data.text, data.marks, ctx);
    const count = document.createElement('span');
    count.className = 'count';
    count.setAttribute('aria-hidden', 'true');
    block.append(field, count);
  }
  if (!ctx.readonly) block.append(tools(ctx));
  applyMeta(block, data, index, ctx);
  return block;
}

/**
 * Brings `blockEl` up to `data`. The text is rewritten only where it differs from what the field
 * shows, so the field being typed in keeps its caret on the echo of its own edits. Returns the
 * element now in the block's place (a new one where the kind changed).
 */
export function patchBlock(blockEl: HTMLElement, data: BlockData, index: number, ctx: RenderContext): HTMLElement {
  if (kindOf(blockEl) !== data.kind) {
    const fresh = createBlock(data, index, ctx);
    blockEl.replaceWith(fresh);
    return fresh;
  }
  if (data.kind === 'paragraph') {
    // Keep what the field shows where it is still right for the text, hidden indent included
    // (the user may have typed `　　` into a paragraph that had none).
    const field = fieldOf(blockEl);
    const indent = indentOf(field);
    const sameText = data.text.startsWith(INDENT.slice(0, indent)) && readText(field) === data.text.slice(indent);
    if (!sameText) showText(field, data.text, data.marks, ctx);
    else if (data.marks && !showsMarks(field, data.text, data.marks, indent)) {
      // The same text with other markup (a bold toggle, or the browser put typed text into an
      // element the host did not): drawn again, the selection kept.
      const selection = field.ownerDocument.activeElement === field ? getSelectionIn(field) : null;
      showText(field, data.text, data.marks, ctx);
      if (selection) setSelectionIn(field, selection.caret === selection.start ? selection.end : selection.start, selection.caret);
    }
  }
  applyMeta(blockEl, data, index, ctx);
  return blockEl;
}
