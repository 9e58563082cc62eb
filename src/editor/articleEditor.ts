/**
 * The Article Editor: a custom text editor (view type `article.editor`) whose only model is the
 * TextDocument. The page sends the smallest edit; the host turns it into source edits (escaping
 * typed text), applies them one at a time through a queue, and tells the page which blocks
 * changed — for its own edits as for anyone else's — by splicing its list of blocks.
 */
import * as vscode from 'vscode';
import type { Article } from '../core/model';
import type { TextEdit } from '../core/normalize';
import type { ArticleCache } from '../documents/articleCache';
import { getConfig } from '../config';
import { deleteBlock, editText, editTitle, insertParagraph, mergeParagraphs, shownText, splitParagraph, swapBlocks, viewIndex } from '../core/edits';
import { toggleInline } from '../core/inline';
import { diffView, editorView, type EditorView } from './edits';
import { readViewMessage, TOOLBAR_COMMANDS, type HostMessage, type ViewMessage, type ViewStrings } from './protocol';
import { UndoGroups, type TypingEdit } from './undoGroups';

export const VIEW_TYPE = 'article.editor';

/** The commands the page's toolbar may run (and nothing else). */
const ALLOWED_COMMANDS: ReadonlySet<string> = new Set(TOOLBAR_COMMANDS);

/** Schemes whose documents are shown read-only (source control's old versions). */
const READONLY_SCHEMES = new Set(['git', 'gitfs', 'vscode-scm', 'review', 'pr']);

/**
 * VS Code's undo or redo, as many steps as the newest group of `groups` has (one where the groups
 * do not describe the document as it is): a typing burst goes back as one.
 */
async function groupedUndo(groups: UndoGroups, document: () => vscode.TextDocument, action: 'undo' | 'redo'): Promise<void> {
  const before = document().version;
  const steps = action === 'undo' ? groups.undoSteps(before) : groups.redoSteps(before);
  for (let k = 0; k < steps; k++) await vscode.commands.executeCommand(action);
  const after = document().version;
  if (action === 'undo') groups.undone(before, steps, after);
  else groups.redone(before, steps, after);
}

function nonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function strings(): ViewStrings {
  return {
    exportCleanText: vscode.l10n.t('Export Clean Text'),
    normalize: vscode.l10n.t('Normalize Styling'),
    previewNormalization: vscode.l10n.t('Preview Normalization'),
    totalChars: vscode.l10n.t('{0} chars in all'),
    chars: vscode.l10n.t('{0} chars'),
    image: vscode.l10n.t('Image'),
    paragraph: vscode.l10n.t('Paragraph {0}'),
    title: vscode.l10n.t('Title'),
    deleteBlock: vscode.l10n.t('Delete paragraph (Ctrl+Shift+K)'),
    insertBlock: vscode.l10n.t('Insert paragraph after (Ctrl+Enter)'),
    moveUp: vscode.l10n.t('Move up (Alt+↑)'),
    moveDown: vscode.l10n.t('Move down (Alt+↓)'),
    readonly: vscode.l10n.t('Read-only'),
    dismiss: vscode.l10n.t('Dismiss'),
    heading: vscode.l10n.t('Heading {0}'),
    exportCleanTextTitle: vscode.l10n.t('Export the clean text of this article'),
    normalizeTitle: vscode.l10n.t('Rewrite the markup into the canonical form (one undo step)'),
    previewNormalizationTitle: vscode.l10n.t('Show what normalizing would change, as a diff'),
    totalCharsTitle: vscode.l10n.t('Characters of all paragraphs, without indents'),
    titleLine: vscode.l10n.t('Line 1: {0}'),
    untitled: vscode.l10n.t('(untitled)'),
    imageBlock: vscode.l10n.t('Image {0}'),
    emptyParagraph: vscode.l10n.t('(empty paragraph)'),
    richParagraph: vscode.l10n.t('This paragraph has markup that an edit across it cannot keep: such an edit writes the paragraph as plain text'),
    bold: vscode.l10n.t('Bold'),
    italic: vscode.l10n.t('Italic'),
    link: vscode.l10n.t('Link to {0} (Ctrl+click to open)'),
    dropsMarkup: vscode.l10n.t('Deleting the selection also removes its markup: {0}.'),
    markBold: vscode.l10n.t('bold'),
    markItalic: vscode.l10n.t('italic'),
    markLink: vscode.l10n.t('a link'),
    lossyParagraph: vscode.l10n.t('This paragraph’s markup cannot be kept through an edit across it: such an edit writes the paragraph as plain text (Undo brings it back).'),
    addParagraph: vscode.l10n.t('Add a paragraph'),
    toolbar: vscode.l10n.t('Article tools'),
    article: vscode.l10n.t('Article'),
  };
}

/** One open Article Editor: its panel, its document and what the page was last told. */
export class EditorSession implements vscode.Disposable {
  private view: EditorView = { blocks: [], index: [] };
  /** The article the page's view was built from. */
  private viewArticle: Article | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;
  private pendingRefresh: ReturnType<typeof setTimeout> | undefined;
  /** The articles the page was shown, by document version (the versions its edits can name). */
  private readonly told = new Map<number, Article>();
  /** Versions the document reached by this session's own edits. */
  private readonly ownVersions = new Set<number>();
  /** Versions the document reached since they were last looked at. */
  private changedVersions: number[] = [];
  /** The latest version the document reached by a change that was not this session's own edit. */
  private externalVersion = 0;
  /** Every message posted to the page, newest last (kept short; tests read it). */
  readonly posted: HostMessage[] = [];
  readonly readonly: boolean;
  private readonly changeEmitter = new vscode.EventEmitter<number>();
  /** The block the caret is in (view index). */
  readonly onDidFocusBlock = this.changeEmitter.event;

  constructor(
    private readonly initialDocument: vscode.TextDocument,
    readonly panel: vscode.WebviewPanel,
    private readonly articles: ArticleCache,
    /** The document's undo groups (shared by its editors) and a hook for when they change. */
    private readonly undoGroups: UndoGroups = new UndoGroups(),
    private readonly onUndoGroupsChanged: () => void = () => undefined,
  ) {
    const document = initialDocument;
    this.readonly = READONLY_SCHEMES.has(document.uri.scheme) || vscode.workspace.fs.isWritableFileSystem(document.uri.scheme) === false;
    this.disposables.push(
      panel.webview.onDidReceiveMessage((message: unknown) => void this.handle(message)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document.uri.toString() !== document.uri.toString() || event.contentChanges.length === 0) return;
        this.changedVersions.push(event.document.version);
        // Changes from elsewhere with no edit from the page to look at them: keep the list short.
        if (this.changedVersions.length > 1000) this.settleVersions();
        this.scheduleRefresh();
      }),
      this.changeEmitter,
    );
  }

  /**
   * The document, as it is now: a language change (plain text → article) replaces the
   * TextDocument object the editor was opened with.
   */
  get document(): vscode.TextDocument {
    const uri = this.initialDocument.uri.toString();
    if (!this.initialDocument.isClosed) return this.initialDocument;
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri) ?? this.initialDocument;
  }

  get article(): Article {
    return this.articles.get(this.document);
  }

  /** The article block index behind a view block index. */
  blockIndex(view: number): number | undefined {
    return this.view.index[view];
  }

  viewIndexOf(block: number): number {
    return this.view.index.indexOf(block);
  }

  post(message: HostMessage): void {
    this.posted.push(message);
    if (this.posted.length > 50) this.posted.splice(0, this.posted.length - 50);
    void this.panel.webview.postMessage(message);
  }

  private init(): void {
    const article = this.article;
    this.view = editorView(article);
    this.viewArticle = article;
    this.remember(article);
    // What the page shows now is the document as it is: edits against it are the page's to make.
    this.externalVersion = this.document.version;
    this.post({
      type: 'init',
      version: this.document.version,
      title: article.title,
      titleLine: article.titleLine.raw,
      blocks: this.view.blocks,
      plain: article.layout === 'plain',
      readonly: this.readonly,
      strings: strings(),
    });
  }

  /** Keeps the article the page is shown at this version, for edits made against it (the last few versions). */
  private remember(article: Article): void {
    this.told.set(this.document.version, article);
    for (const v of this.told.keys()) {
      if (this.told.size <= 20) break;
      this.told.delete(v);
    }
  }

  /** Changes come in bursts (typing): the page is told once the burst has been parsed. */
  private scheduleRefresh(): void {
    if (!this.ready || this.pendingRefresh) return;
    this.pendingRefresh = setTimeout(() => {
      this.pendingRefresh = undefined;
      this.refresh();
    }, 0);
  }

  /** Tells the page which blocks changed since it was last told: one splice. */
  refresh(): void {
    if (!this.ready || !this.viewArticle) return;
    const article = this.article;
    if (article === this.viewArticle) return;
    const change = diffView(this.viewArticle, this.view, article);
    this.view = change.view;
    this.viewArticle = article;
    this.remember(article);
    this.post({ type: 'update', version: this.document.version, title: article.title, from: change.from, deleteCount: change.deleteCount, blocks: change.blocks });
  }

  /**
   * Handles one message from the page, checked first: a message that does not fit the protocol,
   * an edit against a version of the document the page could not have seen it in, or one that
   * cannot be made (offsets outside the block, a block that is not there) is refused, and the
   * page is told why and shown the document as it is. Public so that tests drive exactly this
   * path; resolves to whether the message was acted on.
   */
  async handle(raw: unknown): Promise<boolean> {
    const message = readViewMessage(raw);
    if (!message) {
      this.refuse(vscode.l10n.t('The Article Editor ignored a message it does not understand.'));
      return false;
    }
    if (message.type === 'ready') {
      this.ready = true;
      this.init();
      return true;
    }
    if (message.type === 'focus') {
      if (message.block >= this.view.index.length) return false;
      this.changeEmitter.fire(message.block);
      return true;
    }
    if (message.type === 'undo' || message.type === 'redo') {
      // VS Code's undo acts on the active editor: only the page of the active panel may ask for it.
      if (!this.panel.active || this.readonly) return false;
      await this.queue;
      // A typing burst is several of VS Code's undo elements: all of them go back together.
      await groupedUndo(this.undoGroups, () => this.document, message.type);
      this.onUndoGroupsChanged();
      return true;
    }
    if (message.type === 'command') {
      if (!ALLOWED_COMMANDS.has(message.command)) return false;
      await vscode.commands.executeCommand(message.command, this.document.uri);
      return true;
    }
    // Typing, for undo by burst: when it came (a pause ends a burst), where, and what.
    const time = Date.now();
    const typing: TypingEdit | undefined =
      message.type === 'edit' ? { field: message.block, from: message.from, to: message.to, text: message.text, time }
      : message.type === 'editTitle' ? { field: 'title', from: message.from, to: message.to, text: message.text, time }
      : undefined;
    // Edits are computed when their turn in the queue comes, against the article as it is then.
    const run = async (): Promise<boolean> => {
      if (this.readonly) {
        this.refuse(vscode.l10n.t('This document is read-only.'));
        return false;
      }
      const problem = this.staleness(message);
      if (problem) {
        this.refuse(problem);
        return false;
      }
      const edit = this.editFor(message);
      if (!edit) {
        const plainInsert = this.article.layout === 'plain' && (message.type === 'insert' || message.type === 'split');
        this.refuse(
          plainInsert
            ? vscode.l10n.t('A plain-text article has no empty paragraphs: split a paragraph inside its text.')
            : message.type === 'format'
              ? vscode.l10n.t('Bold and italic cannot be changed here: the formatting comes from a style, or the markup would not nest.')
              : vscode.l10n.t('The Article Editor cannot make this change here.'),
        );
        return false;
      }
      const document = this.document;
      const before = document.version;
      const workspaceEdit = new vscode.WorkspaceEdit();
      workspaceEdit.replace(document.uri, new vscode.Range(document.positionAt(edit.start), document.positionAt(edit.end)), edit.text);
      const applied = await vscode.workspace.applyEdit(workspaceEdit);
      if (applied) {
        this.ownVersions.add(before + 1);
        this.undoGroups.edited(before, this.document.version, typing);
        this.onUndoGroupsChanged();
      } else {
        this.refuse(vscode.l10n.t('VS Code did not apply the change.'));
      }
      return applied;
    };
    const result = this.queue.then(run, run);
    this.queue = result;
    return result;
  }

  /** Sorts the versions the document reached into this session's own and others' (the latest of which counts). */
  private settleVersions(): void {
    for (const v of this.changedVersions) if (!this.ownVersions.has(v) && v > this.externalVersion) this.externalVersion = v;
    this.changedVersions = [];
    for (const v of this.ownVersions) if (v <= this.externalVersion) this.ownVersions.delete(v);
  }

  /** Tells the page that what it asked for was not done, and shows it the document as it is. */
  private refuse(message: string): void {
    this.post({ type: 'error', message });
    if (this.ready) this.init();
  }

  /**
   * Why an edit made against the page's view (`message.version`) does not fit the document now,
   * or `undefined` where it does: the document has changed since only by this page's own edits
   * (which the page's offsets already include), or the blocks and title the edit names are still
   * the same as in the view the page had (the edit is rebased onto the document as it is).
   */
  private staleness(message: Extract<ViewMessage, { version: number }>): string | undefined {
    const now = this.document.version;
    this.settleVersions();
    const stale = vscode.l10n.t('The article changed while you were editing it: your last change was not applied.');
    if (message.version > now) return stale;
    if (message.version >= this.externalVersion) return undefined;
    const then = this.told.get(message.version);
    if (!then) return stale;
    const article = this.article;
    const same = (v: number): boolean => {
      const a = viewIndex(then)[v];
      const b = viewIndex(article)[v];
      return a !== undefined && b !== undefined && then.blocks[a]!.kind === article.blocks[b]!.kind && then.blocks[a]!.text === article.blocks[b]!.text;
    };
    if (viewIndex(then).length !== viewIndex(article).length) return stale;
    switch (message.type) {
      case 'editTitle':
        return then.title === article.title ? undefined : stale;
      case 'move':
        return same(message.block) && same(message.block + message.direction) ? undefined : stale;
      case 'merge':
        return same(message.block) && same(message.block - 1) ? undefined : stale;
      case 'insert':
        return message.block < 0 || same(message.block) ? undefined : stale;
      default:
        return same(message.block) ? undefined : stale;
    }
  }

  /** The source edit a checked message asks for, or `undefined` where it names what is not there. */
  private editFor(message: Extract<ViewMessage, { version: number }>): TextEdit | undefined {
    const article = this.article;
    const index = viewIndex(article);
    const paragraph = (v: number): number | undefined => {
      const i = index[v];
      return i !== undefined && article.blocks[i]!.kind === 'paragraph' ? i : undefined;
    };
    switch (message.type) {
      case 'edit': {
        const i = paragraph(message.block);
        if (i === undefined || message.to < message.from || message.to > shownText(article, article.blocks[i]!).length) return undefined;
        return editText(article, i, message.from, message.to, message.text);
      }
      case 'format': {
        const i = paragraph(message.block);
        if (i === undefined || message.to <= message.from || message.to > article.blocks[i]!.text.length) return undefined;
        return toggleInline(article, article.blocks[i]!, message.from, message.to, message.mark);
      }
      case 'editTitle':
        if (message.to < message.from || message.to > article.title.length) return undefined;
        return editTitle(article, message.from, message.to, message.text);
      case 'split': {
        const i = paragraph(message.block);
        if (i === undefined || message.at > shownText(article, article.blocks[i]!).length) return undefined;
        return splitParagraph(article, i, message.at, getConfig(this.document.uri).normalize.style);
      }
      case 'merge': {
        const i = paragraph(message.block);
        const previous = paragraph(message.block - 1);
        return i === undefined || previous === undefined ? undefined : mergeParagraphs(article, previous, i);
      }
      case 'move': {
        const i = index[message.block];
        const j = index[message.block + message.direction];
        if (i === undefined || j === undefined) return undefined;
        return swapBlocks(article, Math.min(i, j), Math.max(i, j));
      }
      case 'delete': {
        const i = index[message.block];
        return i === undefined ? undefined : deleteBlock(article, i);
      }
      case 'insert': {
        // A new paragraph with nothing to copy takes the canonical markup the settings choose.
        const style = getConfig(this.document.uri).normalize.style;
        const text = message.text ?? '';
        if (message.block < 0) return insertParagraph(article, -1, 'after', style, text);
        const i = index[message.block];
        return i === undefined ? undefined : insertParagraph(article, i, 'after', style, text);
      }
    }
  }

  reveal(viewIndex: number): void {
    this.post({ type: 'reveal', block: viewIndex });
  }

  dispose(): void {
    if (this.pendingRefresh) clearTimeout(this.pendingRefresh);
    for (const d of this.disposables) d.dispose();
  }
}

export class ArticleEditorProvider implements vscode.CustomTextEditorProvider {
  /** Open sessions, for the Article Outline and for tests. */
  readonly sessions = new Set<EditorSession>();
  /** Each document's undo groups (by URI), shared by its Article Editors and its text editors' Ctrl+Z. */
  readonly undoGroups = new Map<string, UndoGroups>();
  private contextGroupedUndo: boolean | undefined;
  private contextGroupedRedo: boolean | undefined;
  private activeSession: EditorSession | undefined;
  private readonly activeEmitter = new vscode.EventEmitter<EditorSession | undefined>();
  readonly onDidChangeActive = this.activeEmitter.event;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly articles: ArticleCache,
  ) {}

  /** The Article Editor and its commands; the returned disposables end them. */
  static register(context: vscode.ExtensionContext, articles: ArticleCache): { editors: ArticleEditorProvider; disposables: vscode.Disposable[] } {
    const provider = new ArticleEditorProvider(context, articles);
    const disposables = [
      provider.activeEmitter,
      vscode.window.registerCustomEditorProvider(VIEW_TYPE, provider, {
        supportsMultipleEditorsPerDocument: true,
        webviewOptions: { enableFindWidget: true },
      }),
      vscode.commands.registerCommand('article.openInArticleEditor', async (uri?: vscode.Uri) => {
        const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
        if (!target) {
          void vscode.window.showWarningMessage(vscode.l10n.t('Open an article first.'));
          return;
        }
        await vscode.commands.executeCommand('vscode.openWith', target, VIEW_TYPE);
      }),
      vscode.commands.registerCommand('article.openInTextEditor', async () => {
        const session = provider.active;
        if (session) await vscode.commands.executeCommand('vscode.openWith', session.document.uri, 'default');
      }),
      // Ctrl+Z / Ctrl+Y in a text editor while a burst typed in the Article Editor is on top (the
      // keybindings' `when` asks for `article.groupedUndo` / `article.groupedRedo`).
      vscode.commands.registerCommand('article.undoTyping', () => provider.textEditorUndo('undo')),
      vscode.commands.registerCommand('article.redoTyping', () => provider.textEditorUndo('redo')),
      vscode.window.onDidChangeActiveTextEditor(() => provider.updateUndoContext()),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (provider.undoGroups.has(event.document.uri.toString())) provider.updateUndoContext();
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        provider.undoGroups.delete(document.uri.toString());
        provider.updateUndoContext();
      }),
    ];
    return { editors: provider, disposables };
  }

  get active(): EditorSession | undefined {
    return this.activeSession;
  }

  private groupsFor(uri: vscode.Uri): UndoGroups {
    const key = uri.toString();
    let groups = this.undoGroups.get(key);
    if (!groups) {
      groups = new UndoGroups();
      this.undoGroups.set(key, groups);
    }
    return groups;
  }

  /** Undo or redo in the active text editor: a burst typed in the Article Editor goes back as one. */
  async textEditorUndo(action: 'undo' | 'redo'): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const groups = editor && this.undoGroups.get(editor.document.uri.toString());
    if (!editor || !groups) await vscode.commands.executeCommand(action);
    else await groupedUndo(groups, () => editor.document, action);
    this.updateUndoContext();
  }

  /** Tells the keybindings whether the active text editor's next undo or redo is a burst of several steps. */
  updateUndoContext(): void {
    const document = vscode.window.activeTextEditor?.document;
    const groups = document && this.undoGroups.get(document.uri.toString());
    const undo = !!groups && groups.undoSteps(document.version) > 1;
    const redo = !!groups && groups.redoSteps(document.version) > 1;
    if (undo !== this.contextGroupedUndo) {
      this.contextGroupedUndo = undo;
      void vscode.commands.executeCommand('setContext', 'article.groupedUndo', undo);
    }
    if (redo !== this.contextGroupedRedo) {
      this.contextGroupedRedo = redo;
      void vscode.commands.executeCommand('setContext', 'article.groupedRedo', redo);
    }
  }

  resolveCustomTextEditor(document: vscode.TextDocument, panel: vscode.WebviewPanel): void {
    const media = vscode.Uri.joinPath(this.context.extensionUri, 'media');
    panel.webview.options = { enableScripts: true, localResourceRoots: [media] };
    panel.webview.html = this.html(panel.webview, media);
    const session = new EditorSession(document, panel, this.articles, this.groupsFor(document.uri), () => this.updateUndoContext());
    this.sessions.add(session);
    const setActive = (): void => {
      if (panel.active) this.activeSession = session;
      else if (this.activeSession === session) this.activeSession = undefined;
      this.activeEmitter.fire(this.activeSession);
    };
    setActive();
    panel.onDidChangeViewState(setActive);
    panel.onDidDispose(() => {
      this.sessions.delete(session);
      if (this.activeSession === session) this.activeSession = undefined;
      this.activeEmitter.fire(this.activeSession);
      session.dispose();
    });
  }

  private html(webview: vscode.Webview, media: vscode.Uri): string {
    const script = webview.asWebviewUri(vscode.Uri.joinPath(media, 'editor.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(media, 'editor.css'));
    const n = nonce();
    const csp = [`default-src 'none'`, `style-src ${webview.cspSource}`, `img-src ${webview.cspSource}`, `font-src ${webview.cspSource}`, `script-src 'nonce-${n}'`].join('; ');
    return `<!DOCTYPE html>
<html lang="${vscode.env.language}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}">
<title>Article Editor</title>
</head>
<body>
<div id="app"></div>
<script nonce="${n}" src="${script.toString()}"></script>
</body>
</html>`;
  }
}
