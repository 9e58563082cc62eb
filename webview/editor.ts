// The Article Editor's page: shows the article as a document and turns what the user does into the
// protocol's small edits. The host's TextDocument is the only model: the page keeps a copy that runs
// ahead only by the user's own typing (optimistic), and every structural change (split, merge, move,
// delete, insert) waits for the host's `update`.

import { readHostMessage, type HostMessage, type ViewMessage } from '../src/editor/protocol';
import { fieldOf, indentOf, isTextField, showText, toData, updateCount, type BlockData, type RenderContext } from './blocks';
import { getSelectionIn, onEdgeLine, readText, setSelectionIn, snapshot, writeText } from './caret';
import { BlockCaret } from './blockCaret';
import { Chrome } from './chrome';
import { blockCommand, readsField, titleCommand, undoAction, type BlockCommand } from './keys';
import { droppedBy } from './marks';
import { Outbox, type Host } from './outbox';
import { Strings } from './strings';
import { countChars, diff, mapOffset } from './text';
import { ViewStateKeeper } from './viewState';
import { BlockList } from './virtual';

type InitMessage = Extract<HostMessage, { type: 'init' }>;
type UpdateMessage = Extract<HostMessage, { type: 'update' }>;

export class ArticleEditor {
  private readonly strings = new Strings();
  private readonly mac = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
  private readonly chrome: Chrome;
  private readonly list: BlockList;
  private readonly carets: BlockCaret;
  private readonly view: ViewStateKeeper;
  private readonly titleEl: HTMLElement;
  private readonly blocksEl: HTMLElement;

  private initialized = false;
  private readonly outbox: Outbox;
  private readonly = false;
  private title = '';
  private total = 0;
  private composing = false;
  private deferred: HostMessage[] = [];
  private focusIndex = -1;
  /** A plain-text article (variant D): it holds no empty paragraph, so a new one is a draft here first. */
  private plain = false;
  /**
   * The new paragraph of a plain-text article that only the page has (view index), until something
   * is typed into it (then it is sent as `insert` with that text) or the caret leaves it (then it goes).
   */
  private draft: { index: number; sent: boolean } | undefined;

  constructor(
    root: HTMLElement,
    host: Host,
  ) {
    this.outbox = new Outbox(host, () => this.flushQueue());
    this.chrome = new Chrome(
      root,
      this.strings,
      (command) => this.post(command),
      () => this.insert(-1),
      (mark) => this.formatSelection(mark),
    );
    this.titleEl = this.chrome.titleEl;
    this.blocksEl = this.chrome.blocksEl;
    this.list = new BlockList(this.blocksEl, () => this.ctx());
    this.carets = new BlockCaret(this.list, this.blocksEl, this.titleEl, () => this.title, () => this.headerBottom());
    this.view = new ViewStateKeeper(host, this.list, () => this.headerBottom(), () => this.focusIndex);
    this.wire();
  }

  /** Tells the host the page is listening. */
  start(): void {
    this.post({ type: 'ready' });
  }

  /** A message from the host, checked against the protocol: one that does not fit is dropped. */
  receive(message: unknown): void {
    const msg = readHostMessage(message);
    if (!msg) return;
    if (this.composing) {
      // Never touch the DOM under an IME composition: replay after it ends.
      this.deferred.push(msg);
      return;
    }
    switch (msg.type) {
      case 'init':
        this.init(msg);
        break;
      case 'update':
        if (this.initialized) this.update(msg);
        break;
      case 'reveal':
        if (this.initialized) this.reveal(msg.block);
        break;
      case 'error':
        this.showError(msg.message);
        break;
    }
  }

  // ---- host messages ---------------------------------------------------------------------------

  private init(msg: InitMessage): void {
    const again = this.initialized;
    const keep = again ? this.list.blockAtY(this.headerBottom() + 1) : undefined;
    const caret = again ? this.carets.capture() : null;
    this.readonly = msg.readonly;
    this.plain = msg.plain ?? false;
    this.draft = undefined;
    this.strings.set(msg.strings);
    this.outbox.reset(msg.version);
    this.chrome.render(this.readonly);

    this.title = msg.title;
    writeText(this.titleEl, this.title);
    this.titleEl.classList.toggle('empty', this.title === '');
    this.titleEl.title = msg.titleLine ? this.strings.get('titleLine', msg.titleLine) : '';
    if (this.readonly) {
      this.titleEl.removeAttribute('contenteditable');
      this.titleEl.tabIndex = 0;
    } else {
      this.titleEl.contentEditable = 'plaintext-only';
      this.titleEl.removeAttribute('tabindex');
    }

    const blocks = msg.blocks.map(toData);
    this.total = 0;
    for (const block of blocks) this.total += block.chars;
    this.list.reset(blocks);
    this.renderTotal();
    this.renderEmpty();
    this.initialized = true;

    if (again) {
      // The host showed the document again (after refusing an edit): the view and the caret stay.
      if (keep) this.view.scrollToBlock(keep.index, keep.offset);
      if (caret) this.carets.restore(caret, 0, 0, 0);
    } else {
      this.restoreState();
    }
  }

  private update(msg: UpdateMessage): void {
    this.outbox.version = msg.version;
    this.applyTitle(msg.title);
    // The host's splice is in its own blocks: the page's draft paragraph is taken out first.
    const draft = this.draft;
    const draftFocused = draft !== undefined && this.carets.activeIndex() === draft.index;
    const draftData = draft ? this.list.at(draft.index) : undefined;
    if (draft) this.removeDraft();
    const n = this.list.length;
    const from = Math.min(msg.from, n);
    const deleteCount = Math.min(msg.deleteCount, n - from);
    const incoming = msg.blocks;
    const caret = this.carets.capture();
    const oneToOne = deleteCount === incoming.length;

    // The echo of the user's own typing keeps the page's (newer) text; anything else is news.
    let echo = oneToOne;
    const data: BlockData[] = [];
    for (const [k, item] of incoming.entries()) {
      const block = toData(item);
      const local = oneToOne ? this.list.at(from + k) : undefined;
      if (local) {
        const reconciled = this.outbox.reconcile(from + k, local, block);
        if (!reconciled.echo) echo = false;
        data.push(reconciled.data);
      } else {
        data.push(block);
      }
    }
    if (!oneToOne) this.outbox.shiftInflight(from, deleteCount, incoming.length);

    for (let i = from; i < from + deleteCount; i++) this.total -= this.list.at(i)?.chars ?? 0;
    for (const block of data) this.total += block.chars;
    this.list.splice(from, deleteCount, data);
    this.renderTotal();
    this.renderEmpty();

    const answered = this.outbox.pending && !echo;
    if (draft && draftData && !(draft.sent && answered)) {
      // Not (yet) the answer to it: the draft goes back where it stood among the host's blocks.
      const at = draft.index <= from ? draft.index : draft.index >= from + deleteCount ? draft.index + data.length - deleteCount : from + data.length;
      this.list.splice(at, 0, [draftData]);
      this.draft = { index: at, sent: draft.sent };
      this.total += draftData.chars;
      this.renderTotal();
      this.renderEmpty();
      if (draftFocused) this.focusBlock(at, draftData.text.length);
    }
    if (answered) this.resolvePending();
    else if (caret) this.carets.restore(caret, from, deleteCount, data.length);
    this.noteFocus();
  }

  private applyTitle(title: string): void {
    if (this.outbox.titleIsEcho(this.title, title)) return;
    const focused = document.activeElement === this.titleEl;
    const selection = focused ? getSelectionIn(this.titleEl) : null;
    const before = readText(this.titleEl);
    this.title = title;
    writeText(this.titleEl, title);
    this.titleEl.classList.toggle('empty', title === '');
    if (selection) setSelectionIn(this.titleEl, mapOffset(before, title, selection.caret));
  }

  private reveal(index: number): void {
    const blockEl = this.list.element(index);
    if (!blockEl) return;
    blockEl.scrollIntoView({ block: 'center' });
    blockEl.classList.remove('revealed');
    void blockEl.offsetWidth; // restart the highlight animation
    blockEl.classList.add('revealed');
    window.setTimeout(() => blockEl.classList.remove('revealed'), 1600);
    this.carets.focusStart(blockEl, this.readonly);
    this.noteFocus();
  }

  private showError(message: string): void {
    // The host refused something: nothing structural is on its way any more.
    if (this.outbox.pending) {
      this.outbox.clearPending();
      if (this.draft?.sent) this.removeDraft();
      this.flushQueue();
    }
    this.chrome.showError(message);
  }

  // ---- rendering -------------------------------------------------------------------------------

  private renderTotal(): void {
    this.chrome.renderTotal(this.total);
  }

  private renderEmpty(): void {
    this.chrome.renderEmpty(this.readonly, this.list.length);
  }

  private ctx(): RenderContext {
    return { strings: this.strings, readonly: this.readonly, mac: this.mac };
  }

  // ---- events ----------------------------------------------------------------------------------

  private wire(): void {
    const blocks = this.blocksEl;
    blocks.addEventListener('keydown', (e) => this.onBlockKey(e));
    blocks.addEventListener('beforeinput', (e) => this.onBeforeInput(e));
    blocks.addEventListener('input', (e) => this.onInput(e));
    blocks.addEventListener('paste', (e) => this.onPaste(e));
    blocks.addEventListener('compositionstart', () => (this.composing = true));
    blocks.addEventListener('compositionend', (e) => this.onCompositionEnd(e));
    blocks.addEventListener('focusin', () => this.noteFocus());
    // Block buttons must not take the caret out of the paragraph.
    blocks.addEventListener('mousedown', (e) => {
      if ((e.target as Element).closest('.tool')) e.preventDefault();
    });
    blocks.addEventListener('click', (e) => this.onToolClick(e));

    const title = this.titleEl;
    title.addEventListener('keydown', (e) => this.onTitleKey(e));
    title.addEventListener('beforeinput', (e) => this.onBeforeInput(e));
    title.addEventListener('input', (e) => this.onInput(e));
    title.addEventListener('paste', (e) => this.onPaste(e));
    title.addEventListener('compositionstart', () => (this.composing = true));
    title.addEventListener('compositionend', (e) => this.onCompositionEnd(e));
    title.addEventListener('focusin', () => this.noteFocus());

    // Undo and redo are the host's (VS Code's undo on the TextDocument), wherever the focus is in
    // the page. Stopping the event also keeps VS Code's webview shell from running undo a second time.
    window.addEventListener(
      'keydown',
      (e) => {
        const action = undoAction(e, this.mac);
        if (!action) return;
        e.preventDefault();
        e.stopPropagation();
        if (this.composing || e.isComposing) return;
        // Every press counts (holding Ctrl+Z repeats): only the browser's echo of it is dropped.
        this.outbox.forgetLastUndo();
        this.postUndo(action);
      },
      true,
    );
    document.addEventListener('selectionchange', () => {
      this.noteFocus();
      this.updateNote();
    });
    // A link in a paragraph is text to edit: a click puts the caret there, Ctrl+click (⌘ on a
    // Mac) opens it (the workbench does, for web links). Captured before the webview's own handler.
    window.addEventListener(
      'click',
      (e) => {
        const link = (e.target as Element | null)?.closest?.('.text a');
        if (!link || (this.mac ? e.metaKey : e.ctrlKey)) return;
        e.preventDefault();
        e.stopPropagation();
      },
      true,
    );
    window.addEventListener('scroll', () => this.saveStateSoon(), { passive: true });
  }

  private onCompositionEnd(e: CompositionEvent): void {
    this.composing = false;
    const target = e.target as HTMLElement;
    if (target === this.titleEl) this.commitTitle();
    else if (isTextField(target)) this.commit(target);
    const deferred = this.deferred;
    this.deferred = [];
    for (const message of deferred) this.receive(message);
  }

  private onInput(e: Event): void {
    if (this.composing || (e as InputEvent).isComposing) return;
    const target = e.target as HTMLElement;
    const type = (e as InputEvent).inputType;
    if (type === 'historyUndo' || type === 'historyRedo') {
      // Chromium runs its own undo (execCommand, a menu) without a cancelable beforeinput: put the
      // text back and let the host undo instead.
      this.revertField(target);
      this.postUndo(type === 'historyUndo' ? 'undo' : 'redo');
      return;
    }
    if (target === this.titleEl) this.commitTitle();
    else if (isTextField(target)) this.commit(target);
  }

  /** Shows the page's text again in a field the browser changed on its own. */
  private revertField(field: HTMLElement): void {
    let text: string | undefined;
    let block: BlockData | undefined;
    if (field === this.titleEl) text = this.title;
    else if (isTextField(field) && field.parentElement) {
      block = this.list.at(this.list.indexOf(field.parentElement));
      text = block?.text.slice(indentOf(field));
    }
    if (text === undefined) return;
    const shown = readText(field);
    if (shown === text) return;
    const caret = getSelectionIn(field)?.caret;
    // A paragraph gets its bold, italic and links back with its text.
    if (block) showText(field, block.text, block.marks, this.ctx());
    else writeText(field, text);
    if (caret !== undefined) setSelectionIn(field, mapOffset(shown, text, caret));
  }

  /** Posts undo or redo, once for one user action (a key press may also reach the browser's undo). */
  private postUndo(action: 'undo' | 'redo'): void {
    if (!this.initialized || this.readonly) return;
    this.outbox.sendUndo(action);
  }

  private onBeforeInput(e: InputEvent): void {
    const target = e.target as HTMLElement;
    if (this.readonly) {
      e.preventDefault();
      return;
    }
    switch (e.inputType) {
      case 'historyUndo':
      case 'historyRedo':
        // The browser's own undo would desynchronize the page from the document.
        e.preventDefault();
        this.postUndo(e.inputType === 'historyUndo' ? 'undo' : 'redo');
        return;
      case 'insertParagraph':
      case 'insertLineBreak':
        e.preventDefault();
        if (isTextField(target)) {
          if (this.outbox.pending) this.outbox.enqueue({ kind: 'split' });
          else this.split(target);
        }
        return;
    }
    if (this.outbox.pending && isTextField(target)) {
      // The block's index or text is about to change: hold the typing until the update is here.
      if (e.inputType === 'insertText' && e.data) {
        e.preventDefault();
        this.outbox.enqueue({ kind: 'text', text: e.data });
      } else if (e.inputType !== 'insertCompositionText') {
        e.preventDefault();
      }
    }
  }

  private onPaste(e: ClipboardEvent): void {
    const target = e.target as HTMLElement;
    const field = target === this.titleEl || this.titleEl.contains(target) ? this.titleEl : target.closest<HTMLElement>('.text');
    if (!field) return;
    e.preventDefault();
    if (this.readonly) return;
    let text = (e.clipboardData?.getData('text/plain') ?? '').replace(/\r\n?/g, '\n');
    // A line break inside a paragraph is a `<br>`; the title is one line.
    if (field === this.titleEl) text = text.replace(/\s*\n\s*/g, ' ');
    if (!text) return;
    if (this.outbox.pending && field !== this.titleEl) this.outbox.enqueue({ kind: 'text', text });
    else this.insertText(field, text);
  }

  private onTitleKey(e: KeyboardEvent): void {
    if (e.isComposing || e.keyCode === 229) return;
    const field = readsField(e.key) ? snapshot(this.titleEl) : null;
    const command = titleCommand(e, field);
    if (command?.kind === 'enter') {
      e.preventDefault();
      if (this.readonly || this.outbox.pending) return;
      // Enter at the title starts the body: a new first paragraph, or the first one if it is empty.
      const first = this.list.at(0);
      if (first && first.kind === 'paragraph' && first.chars === 0) this.focusBlock(0, 0);
      else this.insert(-1);
      return;
    }
    if (command?.kind === 'toBody' && field) {
      if (this.list.length > 0 && (command.key === 'ArrowRight' || onEdgeLine(field, 'last'))) {
        e.preventDefault();
        this.focusBlock(0, 0);
      }
    }
  }

  private onBlockKey(e: KeyboardEvent): void {
    const target = e.target as HTMLElement;
    const blockEl = target.closest('.block');
    if (!blockEl || e.isComposing || e.keyCode === 229) return;
    if (target.closest('.tool')) return;
    const index = this.list.indexOf(blockEl);
    if (index < 0) return;
    const text = isTextField(target);
    // The one reading of the field for this key press.
    const field = text && readsField(e.key) ? snapshot(target) : null;
    const command = blockCommand(e, { mac: this.mac, readonly: this.readonly, text, field });
    if (!command) return;
    if (this.draft && !this.draft.sent && this.draft.index === index && this.onDraftKey(command.kind)) {
      e.preventDefault();
      e.stopPropagation();
      return;
    }
    switch (command.kind) {
      case 'insert':
      case 'delete':
      case 'move':
        e.preventDefault();
        e.stopPropagation();
        if (this.outbox.pending) {
          // A move pressed while the last one is on its way (a held Alt+↑) is made after it.
          if (command.kind === 'move') this.outbox.enqueue({ kind: 'move', direction: command.direction });
          return;
        }
        if (command.kind === 'insert') this.insert(index);
        else if (command.kind === 'delete') this.deleteBlock(index);
        else this.move(index, command.direction);
        return;
      case 'split':
        e.preventDefault();
        if (this.outbox.pending) this.outbox.enqueue({ kind: 'split' });
        else this.split(target);
        return;
      case 'joinBefore':
        e.preventDefault();
        // Into the paragraph before; an image before is selected instead (Backspace again deletes it).
        if (!this.outbox.pending && this.list.at(index - 1)?.kind === 'paragraph') this.merge(index);
        else if (!this.outbox.pending && index > 0) this.focusBlock(index - 1, 0);
        return;
      case 'joinAfter':
        e.preventDefault();
        if (!this.outbox.pending && this.list.at(index + 1)?.kind === 'paragraph') this.merge(index + 1);
        else if (!this.outbox.pending && index + 1 < this.list.length) this.focusBlock(index + 1, 0);
        return;
      case 'arrow':
        if (this.carets.navigate(command.key, field, index)) e.preventDefault();
        return;
      case 'format':
        // Also keeps the workbench from seeing Ctrl+B (its sidebar toggle).
        e.preventDefault();
        e.stopPropagation();
        if (!this.outbox.pending) this.format(target, command.mark);
        return;
    }
  }

  private onToolClick(e: MouseEvent): void {
    const button = (e.target as Element).closest<HTMLButtonElement>('button.tool');
    const blockEl = button?.closest('.block');
    if (!button || !blockEl || this.readonly || this.outbox.pending) return;
    if (this.draft && !this.draft.sent) {
      // The draft paragraph's own buttons: it has nothing to move; a click elsewhere lets it go.
      if (this.list.indexOf(blockEl) === this.draft.index) {
        if (button.dataset.action === 'delete') this.onDraftKey('delete');
        return;
      }
      this.removeDraft();
    }
    const index = this.list.indexOf(blockEl);
    if (index < 0) return;
    switch (button.dataset.action) {
      case 'insert':
        this.insert(index);
        break;
      case 'delete':
        this.deleteBlock(index);
        break;
      case 'up':
        this.move(index, -1);
        break;
      case 'down':
        this.move(index, 1);
        break;
    }
  }

  // ---- edits -----------------------------------------------------------------------------------

  /** Sends what the user changed in a paragraph since the page last knew its text. */
  private commit(field: HTMLElement): void {
    if (this.readonly || !field.parentElement) return;
    const blockEl = field.parentElement;
    const index = this.list.indexOf(blockEl);
    const block = index < 0 ? undefined : this.list.at(index);
    if (!block || block.kind !== 'paragraph') return;
    const indent = indentOf(field);
    const { text: shown, selection } = snapshot(field);
    if (this.draft && !this.draft.sent && this.draft.index === index) {
      // The first text typed into a plain-text article's new paragraph: now it can be written.
      if (shown === '') return;
      this.draft = { index, sent: true };
      this.list.setData(index, { ...block, text: shown, chars: countChars(shown) });
      this.outbox.sendStructural({ type: 'insert', version: this.outbox.version, block: index - 1, text: shown }, { kind: 'insert', block: index - 1, offset: shown.length });
      return;
    }
    if (this.draft?.sent && this.draft.index === index) {
      // Composed (IME) while the draft's insert is on its way: the host has no such block yet, so
      // what was added is typed again once the new paragraph is there.
      if (shown.startsWith(block.text) && shown.length > block.text.length) {
        this.outbox.enqueue({ kind: 'text', text: shown.slice(block.text.length) });
        this.list.setData(index, { ...block, text: shown, chars: countChars(shown) });
      }
      return;
    }
    const change = diff(block.text.slice(indent), shown, selection?.caret);
    if (!change) return;
    const text = block.text.slice(0, indent) + shown;
    this.outbox.sendEdit(index, change.from + indent, change.to + indent, change.text, text);
    const chars = countChars(text);
    // The host's marks come with its echo; until then the field shows what the browser made of it.
    const data: BlockData = { ...block, text, chars, marks: undefined };
    this.list.setData(index, data);
    this.total += chars - block.chars;
    updateCount(blockEl, data, this.ctx());
    this.renderTotal();
  }

  private commitTitle(): void {
    if (this.readonly) return;
    const { text: shown, selection } = snapshot(this.titleEl);
    const change = diff(this.title, shown, selection?.caret);
    if (!change) return;
    this.outbox.sendTitleEdit(change.from, change.to, change.text, shown);
    this.title = shown;
    this.titleEl.classList.toggle('empty', shown === '');
  }

  /** Replaces the selection in `field` with plain `text` and sends the edit. */
  private insertText(field: HTMLElement, text: string): void {
    const snap = snapshot(field);
    const shown = snap.text;
    const selection = snap.selection ?? { start: shown.length, end: shown.length, caret: shown.length };
    const range = snap.selection && field !== this.titleEl ? document.getSelection()?.getRangeAt(0) : undefined;
    if (range) {
      // In place, so that the bold or link around the selection stays drawn.
      range.deleteContents();
      range.insertNode(document.createTextNode(text));
    } else {
      writeText(field, shown.slice(0, selection.start) + text + shown.slice(selection.end));
    }
    setSelectionIn(field, selection.start + text.length);
    if (field === this.titleEl) this.commitTitle();
    else this.commit(field);
  }

  private split(field: HTMLElement): void {
    const index = field.parentElement ? this.list.indexOf(field.parentElement) : -1;
    if (index < 0) return;
    let snap = snapshot(field);
    if (snap.selection && snap.selection.start !== snap.selection.end) {
      this.insertText(field, '');
      snap = snapshot(field);
    }
    const offset = snap.selection ? snap.selection.start : snap.text.length;
    if (this.plain && (snap.text.slice(0, offset).trim() === '' || snap.text.slice(offset).trim() === '')) {
      // A plain-text article holds no empty paragraph: the new one is a draft until it is typed into.
      this.openDraft(snap.text.slice(0, offset).trim() === '' ? index : index + 1);
      return;
    }
    // At the very start the indent goes with the text into the second paragraph.
    const at = offset === 0 ? 0 : indentOf(field) + offset;
    this.outbox.sendStructural({ type: 'split', version: this.outbox.version, block: index, at }, { kind: 'split', block: index });
  }

  private merge(index: number): void {
    const before = this.list.at(index - 1);
    if (!before) return;
    this.outbox.sendStructural({ type: 'merge', version: this.outbox.version, block: index }, { kind: 'merge', block: index, joinAt: before.text.length });
  }

  private move(index: number, direction: -1 | 1): void {
    if (index + direction < 0 || index + direction >= this.list.length) return;
    const field = fieldOf(this.list.element(index) ?? this.blocksEl);
    const offset = isTextField(field) ? (getSelectionIn(field)?.caret ?? 0) : 0;
    this.outbox.sendStructural({ type: 'move', version: this.outbox.version, block: index, direction }, { kind: 'move', block: index, direction, offset });
  }

  private deleteBlock(index: number): void {
    this.outbox.sendStructural({ type: 'delete', version: this.outbox.version, block: index }, { kind: 'delete', block: index });
  }

  private insert(index: number): void {
    if (this.plain) {
      this.openDraft(index + 1);
      return;
    }
    this.outbox.sendStructural({ type: 'insert', version: this.outbox.version, block: index }, { kind: 'insert', block: index });
  }

  /** The host answered the structural change: put the caret where the user expects it. */
  private resolvePending(): void {
    const op = this.outbox.pending;
    this.outbox.clearPending();
    if (!op) return;
    const n = this.list.length;
    switch (op.kind) {
      case 'split':
        this.focusBlock(op.block + 1, 0);
        break;
      case 'insert':
        this.draft = undefined;
        this.focusBlock(op.block + 1, op.offset ?? 0);
        break;
      case 'merge': {
        const target = Math.min(op.block - 1, n - 1);
        const block = this.list.at(target);
        const blockEl = block ? this.list.element(target) : undefined;
        const field = blockEl ? fieldOf(blockEl) : undefined;
        if (block && field && isTextField(field)) this.focusBlock(target, Math.max(0, Math.min(op.joinAt, block.text.length) - indentOf(field)));
        else this.focusBlock(Math.max(0, target), 0);
        break;
      }
      case 'move':
        this.focusBlock(op.block + op.direction, op.offset);
        break;
      case 'delete':
        if (n > 0) this.focusBlock(Math.min(op.block, n - 1), 0);
        else setSelectionIn(this.titleEl, this.title.length);
        break;
    }
    this.flushQueue();
  }

  /** Replays typing held back while a structural change was on its way. */
  private flushQueue(): void {
    for (let action = this.outbox.nextQueued(); action; action = this.outbox.nextQueued()) {
      const field = document.activeElement;
      if (action.kind === 'move') {
        // The block the caret is in now (the one the last move put it in): a paragraph or an image.
        const index = this.carets.activeIndex();
        if (index < 0) {
          this.outbox.dropQueue();
          return;
        }
        this.move(index, action.direction);
        continue;
      }
      if (!isTextField(field)) {
        this.outbox.dropQueue();
        return;
      }
      if (action.kind === 'text') this.insertText(field, action.text);
      else this.split(field);
    }
  }

  // ---- the draft paragraph of a plain-text article ----------------------------------------------

  /** Shows a new empty paragraph at view index `at` that only the page has, the caret in it. */
  private openDraft(at: number): void {
    if (this.draft) {
      if (this.draft.sent) return;
      if (this.draft.index < at) at--;
      this.removeDraft();
    }
    this.list.splice(at, 0, [{ kind: 'paragraph', text: '', chars: 0, simple: true }]);
    this.draft = { index: at, sent: false };
    this.renderEmpty();
    this.focusBlock(at, 0);
  }

  /** A key command in the draft paragraph that only the page has: whether it was handled here. */
  private onDraftKey(kind: BlockCommand['kind']): boolean {
    const index = this.draft?.index ?? -1;
    switch (kind) {
      case 'move':
        return true;
      case 'delete':
      case 'joinBefore':
        this.removeDraft();
        if (index > 0) this.focusBlock(index - 1, Number.MAX_SAFE_INTEGER);
        else setSelectionIn(this.titleEl, this.title.length);
        return true;
      case 'joinAfter':
        this.removeDraft();
        if (index < this.list.length) this.focusBlock(index, 0);
        return true;
      default:
        return false;
    }
  }

  private removeDraft(): void {
    const draft = this.draft;
    if (!draft) return;
    this.draft = undefined;
    this.total -= this.list.at(draft.index)?.chars ?? 0;
    this.list.splice(draft.index, 1, []);
    this.renderTotal();
    this.renderEmpty();
  }

  // ---- inline markup ---------------------------------------------------------------------------

  /** A toolbar button: bold or italic on the selection of the paragraph the caret is in. */
  private formatSelection(mark: 'bold' | 'italic'): void {
    const field = document.activeElement;
    if (isTextField(field) && !this.outbox.pending && !this.readonly) this.format(field, mark);
  }

  /** Ctrl+B / Ctrl+I: the host makes the selection bold or italic, or not (a toggle, one undo step). */
  private format(field: HTMLElement, mark: 'bold' | 'italic'): void {
    if (this.readonly || !isTextField(field) || !field.parentElement) return;
    const index = this.list.indexOf(field.parentElement);
    const selection = getSelectionIn(field);
    if (index < 0 || !selection || selection.start === selection.end) return;
    const indent = indentOf(field);
    this.post({ type: 'format', version: this.outbox.version, block: index, from: selection.start + indent, to: selection.end + indent, mark });
  }

  /**
   * The note under the paragraph being edited, before an edit would drop markup: the selection
   * holds the whole text of a bold, italic or link, or the paragraph's markup cannot be kept.
   */
  private updateNote(): void {
    const field = document.activeElement;
    let text = '';
    let blockEl: Element | null = null;
    if (isTextField(field) && field.parentElement && !this.readonly) {
      blockEl = field.parentElement;
      const block = this.list.at(this.list.indexOf(blockEl));
      const selection = getSelectionIn(field);
      if (block?.lossy) text = this.strings.get('lossyParagraph');
      else if (selection && selection.end > selection.start) {
        const names = droppedBy(field, selection.start, selection.end).map((kind) => this.strings.get(kind === 'bold' ? 'markBold' : kind === 'italic' ? 'markItalic' : 'markLink'));
        if (names.length > 0) text = this.strings.get('dropsMarkup', names.join(', '));
      }
    }
    const current = this.blocksEl.querySelector('.note');
    if (current && (text === '' || current.parentElement !== blockEl)) current.remove();
    if (text === '' || !blockEl) return;
    const note = current && current.parentElement === blockEl ? current : document.createElement('div');
    note.className = 'note';
    note.setAttribute('role', 'status');
    if (note.textContent !== text) note.textContent = text;
    if (!note.parentElement) blockEl.append(note);
  }

  // ---- caret and focus -------------------------------------------------------------------------

  /** Puts the caret at `offset` (of the shown text) in block `index`, scrolls it into view and notes the focus. */
  private focusBlock(index: number, offset: number): void {
    this.carets.place(index, offset);
    this.noteFocus();
  }

  private headerBottom(): number {
    return this.chrome.headerBottom();
  }

  /** The caret may have moved to another block: tell the host (debounced) and remember it. */
  private noteFocus(): void {
    if (!this.initialized) return;
    // The caret left a draft paragraph nothing was typed into: it goes (a blank line is no paragraph).
    const active = document.activeElement;
    if (this.draft && !this.draft.sent && this.carets.activeIndex() !== this.draft.index && (active === this.titleEl || this.blocksEl.contains(active))) this.removeDraft();
    const index = this.carets.activeIndex();
    if (index === this.focusIndex) return;
    this.focusIndex = index;
    this.outbox.sendFocusSoon(index, () => this.focusIndex);
    this.saveStateSoon();
  }

  // ---- view state ------------------------------------------------------------------------------

  private saveStateSoon(): void {
    if (this.initialized) this.view.saveSoon();
  }

  private restoreState(): void {
    const focused = this.view.restore();
    if (focused === undefined) return;
    const blockEl = this.list.element(focused);
    if (blockEl) this.carets.focusStart(blockEl, this.readonly);
    this.noteFocus();
  }

  private post(message: ViewMessage): void {
    this.outbox.post(message);
  }
}

