// Rendering of the page's frame: the toolbar, the message bar, the title field, the blocks'
// container and the "add a paragraph" button of an empty article. The blocks themselves are
// rendered by blocks.ts and virtual.ts.

import type { ViewMessage } from '../src/editor/protocol';
import type { Strings, StringKey } from './strings';

type CommandMessage = ViewMessage & { type: 'command' };

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, parent?: HTMLElement): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  parent?.append(node);
  return node;
}

export class Chrome {
  readonly header: HTMLElement;
  readonly titleEl: HTMLElement;
  readonly blocksEl: HTMLElement;
  private readonly buttons: Record<'exportCleanText' | 'normalize' | 'previewNormalization', HTMLButtonElement>;
  private readonly formatButtons: Record<'bold' | 'italic', HTMLButtonElement>;
  private readonly badge: HTMLElement;
  private readonly totalEl: HTMLElement;
  private readonly messages: HTMLElement;
  private readonly page: HTMLElement;
  private readonly emptyEl: HTMLButtonElement;
  private readonly numbers = new Intl.NumberFormat();
  private readonly mac = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

  /** Builds the frame in `root`; `onCommand` runs a toolbar button's command, `onAddFirst` the empty article's button. */
  constructor(
    private readonly root: HTMLElement,
    private readonly strings: Strings,
    onCommand: (command: CommandMessage) => void,
    onAddFirst: () => void,
    onFormat: (mark: 'bold' | 'italic') => void,
  ) {
    root.textContent = '';
    this.header = el('header', 'header', root);
    const toolbar = el('div', 'toolbar', this.header);
    toolbar.setAttribute('role', 'toolbar');
    const button = (command: CommandMessage, primary: boolean): HTMLButtonElement => {
      const b = el('button', primary ? 'button primary' : 'button', toolbar);
      b.type = 'button';
      b.addEventListener('click', () => onCommand(command));
      return b;
    };
    this.buttons = {
      exportCleanText: button({ type: 'command', command: 'article.exportCleanText' }, true),
      normalize: button({ type: 'command', command: 'article.normalize' }, false),
      previewNormalization: button({ type: 'command', command: 'article.previewNormalization' }, false),
    };
    const format = (mark: 'bold' | 'italic'): HTMLButtonElement => {
      const b = el('button', `button format format-${mark}`, toolbar);
      b.type = 'button';
      b.dataset.mark = mark;
      el(mark === 'bold' ? 'b' : 'i', '', b).textContent = mark === 'bold' ? 'B' : 'I';
      // The selection in the paragraph stays where it is.
      b.addEventListener('mousedown', (e) => e.preventDefault());
      b.addEventListener('click', () => onFormat(mark));
      return b;
    };
    this.formatButtons = { bold: format('bold'), italic: format('italic') };
    el('span', 'spacer', toolbar);
    this.badge = el('span', 'badge', toolbar);
    this.badge.hidden = true;
    this.totalEl = el('span', 'total', toolbar);
    this.totalEl.setAttribute('aria-live', 'polite');
    this.messages = el('div', 'messages', this.header);

    this.page = el('main', 'page', root);
    this.titleEl = el('div', 'title', this.page);
    this.titleEl.setAttribute('role', 'textbox');
    this.titleEl.setAttribute('aria-multiline', 'false');
    this.titleEl.spellcheck = false;
    this.blocksEl = el('div', 'blocks', this.page);
    this.emptyEl = el('button', 'button add-first', this.page);
    this.emptyEl.type = 'button';
    this.emptyEl.hidden = true;
    this.emptyEl.addEventListener('click', onAddFirst);
  }

  /** Labels, titles and the read-only state of everything but the blocks. */
  render(readonly: boolean): void {
    const label = (b: HTMLButtonElement, key: StringKey, title: StringKey): void => {
      b.textContent = this.strings.get(key);
      b.title = this.strings.get(title);
    };
    label(this.buttons.exportCleanText, 'exportCleanText', 'exportCleanTextTitle');
    label(this.buttons.normalize, 'normalize', 'normalizeTitle');
    label(this.buttons.previewNormalization, 'previewNormalization', 'previewNormalizationTitle');
    this.buttons.normalize.disabled = readonly;
    for (const [mark, b] of Object.entries(this.formatButtons)) {
      const label = this.strings.withShortcut(mark as 'bold' | 'italic', this.mac ? (mark === 'bold' ? '⌘B' : '⌘I') : mark === 'bold' ? 'Ctrl+B' : 'Ctrl+I');
      b.title = label;
      b.setAttribute('aria-label', label);
      b.hidden = readonly;
    }
    this.header.querySelector('.toolbar')?.setAttribute('aria-label', this.strings.get('toolbar'));
    this.page.setAttribute('aria-label', this.strings.get('article'));
    this.badge.textContent = this.strings.get('readonly');
    this.badge.hidden = !readonly;
    this.totalEl.title = this.strings.get('totalCharsTitle');
    this.titleEl.setAttribute('aria-label', this.strings.get('title'));
    this.titleEl.dataset.placeholder = this.strings.get('untitled');
    this.emptyEl.textContent = `+ ${this.strings.get('addParagraph')}`;
    this.root.classList.toggle('readonly', readonly);
  }

  renderTotal(total: number): void {
    this.totalEl.textContent = this.strings.get('totalChars', this.numbers.format(total));
  }

  renderEmpty(readonly: boolean, blockCount: number): void {
    this.emptyEl.hidden = readonly || blockCount > 0;
  }

  /** Shows `message` in the message bar (one at a time), with a button that dismisses it. */
  showError(message: string): void {
    this.messages.textContent = '';
    const bar = el('div', 'message-bar', this.messages);
    bar.setAttribute('role', 'alert');
    el('span', 'message-text', bar).textContent = message;
    const close = el('button', 'dismiss', bar);
    close.type = 'button';
    close.textContent = '×';
    close.title = this.strings.get('dismiss');
    close.setAttribute('aria-label', this.strings.get('dismiss'));
    close.addEventListener('click', () => bar.remove());
  }

  headerBottom(): number {
    return this.header.getBoundingClientRect().bottom;
  }
}
