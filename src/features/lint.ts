/**
 * The lint in the editor: diagnostics for article documents (debounced while typing, stale runs
 * dropped, cleared when the document closes or stops being an article), each with its rule's code
 * linking to the rule's section of docs/rules.md; quick fixes, "fix all of this rule in the file",
 * and `source.fixAll.article` for `editor.codeActionsOnSave`. Settings: `article.lint.enabled`,
 * `article.lint.rules`; a change re-lints the open articles.
 */
import * as vscode from 'vscode';
import { fixEdits, lintArticle, type LintEdit, type MessageArgs, type MessageId, type Problem, type RuleCode, type Severity } from '../core/lint';
import { getConfig } from '../config';
import { ARTICLE_LANGUAGE, type ArticleCache } from '../documents/articleCache';

/** Typing pauses this long before the document is linted again. */
export const LINT_DELAY_MS = 400;
export const LINT_SOURCE = 'article';
export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('article');

type Messages = { readonly [M in MessageId]: (...args: MessageArgs[M]) => string };

/** The problems' messages, in the display language (l10n/bundle.l10n.zh-cn.json). */
const MESSAGES: Messages = {
  'unescaped-text': (text, escaped) => vscode.l10n.t('"{0}" is text, not markup, but is not escaped: write it as "{1}".', text, escaped),
  'empty-paragraph': () => vscode.l10n.t('Empty paragraph.'),
  'broken-paragraph': () => vscode.l10n.t('Line break inside a paragraph\'s text (from the page\'s markup); readers join it.'),
  'style-drift': (markup, usual) => vscode.l10n.t('This paragraph\'s markup ({0}) differs from the file\'s usual paragraph ({1}).', markup, usual),
  'image-placeholder': () => vscode.l10n.t('A picture was here (image placeholder).'),
  'duplicate-paragraph': (first) => vscode.l10n.t('This paragraph repeats paragraph {0}.', first),
  'halfwidth-punctuation': (halfwidth, fullwidth) => vscode.l10n.t('Half-width "{0}" in Chinese text: write "{1}".', halfwidth, fullwidth),
  'mojibake-replacement': () => vscode.l10n.t('Unreadable characters (U+FFFD): the file is probably GB18030. Reopen it with the GB18030 encoding before saving.'),
  'mojibake-garbled': () => vscode.l10n.t('Garbled text (UTF-8 read in another encoding before it was saved); the right text is not in the file.'),
  'unclosed-element': (tag) => vscode.l10n.t('{0} is never closed.', tag),
  'unopened-close': (tag) => vscode.l10n.t('{0} closes an element that was never opened.', tag),
  'page-furniture': (text) => vscode.l10n.t('"{0}" is the page\'s furniture, not the article.', text),
  'other-indent': (indent) => vscode.l10n.t('Indent of {0} instead of 　　 (two U+3000).', indent),
};

export function problemMessage(problem: Problem): string {
  const say = MESSAGES[problem.message] as (...args: readonly unknown[]) => string;
  return say(...problem.args);
}

/** The title of a problem's quick fix. */
function fixTitle(problem: Problem): string {
  switch (problem.code) {
    case 'unescaped-text':
      return vscode.l10n.t('Escape as "{0}"', String(problem.args[1]));
    case 'empty-paragraph':
      return vscode.l10n.t('Remove the empty paragraph');
    case 'broken-paragraph':
      return vscode.l10n.t('Join the line break');
    case 'style-drift':
      return vscode.l10n.t('Give the paragraph the file\'s usual markup');
    case 'duplicate-paragraph':
      return vscode.l10n.t('Remove the repeated paragraph');
    case 'halfwidth-punctuation':
      return vscode.l10n.t('Write "{0}"', String(problem.args[1]));
    case 'page-furniture':
      return vscode.l10n.t('Remove the paragraph');
    default:
      return vscode.l10n.t('Indent with 　　');
  }
}

const SEVERITIES: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/**
 * Where each rule is documented: docs/rules.md inside the extension, at the line of the rule's
 * heading (`#L12`, which VS Code's opener turns into a selection). Read once; until then, and if
 * it cannot be read, a diagnostic's code has no link.
 */
class RuleDocs {
  private lines: Map<string, number> | undefined;
  /** Settles once the file has been read (or could not be). */
  readonly ready: Promise<void>;
  loaded = false;

  constructor(private readonly file: vscode.Uri) {
    this.ready = Promise.resolve(vscode.workspace.fs.readFile(file)).then(
      (bytes) => {
        const lines = new Map<string, number>();
        new TextDecoder().decode(bytes).split('\n').forEach((line, index) => {
          const heading = /^## `([a-z-]+)`/.exec(line);
          if (heading) lines.set(heading[1]!, index + 1);
        });
        this.lines = lines;
        this.loaded = true;
      },
      () => {
        this.loaded = true;
      },
    );
  }

  code(code: RuleCode): vscode.Diagnostic['code'] {
    const line = this.lines?.get(code);
    return line === undefined ? code : { value: code, target: this.file.with({ fragment: `L${line}` }) };
  }
}

interface Linted {
  readonly version: number;
  readonly problems: Problem[];
}

/** Documents of these schemes are the user's files; `git:` copies and previews would only repeat their problems. */
const LINTED_SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs']);

const isArticle = (document: vscode.TextDocument): boolean => document.languageId === ARTICLE_LANGUAGE && LINTED_SCHEMES.has(document.uri.scheme);

class Linter implements vscode.Disposable, vscode.CodeActionProvider {
  private readonly diagnostics = vscode.languages.createDiagnosticCollection(LINT_SOURCE);
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** The problems behind each document's diagnostics, for the code actions. */
  private readonly linted = new Map<string, Linted>();

  constructor(
    private readonly articles: ArticleCache,
    private readonly docs: RuleDocs,
  ) {}

  /** The document's problems now (from the last lint when it is of this version). */
  problems(document: vscode.TextDocument): Problem[] {
    const key = document.uri.toString();
    const last = this.linted.get(key);
    if (last && last.version === document.version) return last.problems;
    const config = getConfig(document.uri).lint;
    if (!config.enabled || !isArticle(document)) return [];
    return lintArticle(this.articles.get(document), config.rules);
  }

  schedule(document: vscode.TextDocument, delay = LINT_DELAY_MS): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    if (!isArticle(document)) {
      this.clear(document.uri);
      return;
    }
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.run(document);
      }, delay),
    );
  }

  private run(document: vscode.TextDocument): void {
    if (document.isClosed || !isArticle(document)) return this.clear(document.uri);
    const config = getConfig(document.uri).lint;
    if (!config.enabled) return this.clear(document.uri);
    // The first runs wait for the rule docs (a few milliseconds), so that every code has its link.
    if (!this.docs.loaded) return void this.docs.ready.then(() => this.schedule(document, 0));
    const version = document.version;
    const problems = lintArticle(this.articles.get(document), config.rules);
    // A result for a text that is gone (changed or closed meanwhile) is dropped; the change has its own run.
    if (document.isClosed || document.version !== version) return;
    this.linted.set(document.uri.toString(), { version, problems });
    this.diagnostics.set(document.uri, problems.map((problem) => this.toDiagnostic(document, problem)));
  }

  private toDiagnostic(document: vscode.TextDocument, problem: Problem): vscode.Diagnostic {
    const range = new vscode.Range(document.positionAt(problem.start), document.positionAt(problem.end));
    const diagnostic = new vscode.Diagnostic(range, problemMessage(problem), SEVERITIES[problem.severity]);
    diagnostic.source = LINT_SOURCE;
    diagnostic.code = this.docs.code(problem.code);
    return diagnostic;
  }

  clear(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.linted.delete(key);
    this.diagnostics.delete(uri);
  }

  /** Every open article again, now (a setting changed, or the rule docs were read). */
  relintAll(): void {
    for (const document of vscode.workspace.textDocuments) {
      if (isArticle(document)) this.schedule(document, 0);
      else if (this.linted.has(document.uri.toString())) this.clear(document.uri);
    }
  }

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (!isArticle(document)) return [];
    // Linted only when a fix is asked for: VS Code asks for code actions at every move of the
    // caret, and linting a big article anew (the last lint is of an older version while typing)
    // costs far more than a keystroke should.
    let linted: Problem[] | undefined;
    const problemsNow = (): Problem[] => (linted ??= this.problems(document));
    const actions: vscode.CodeAction[] = [];
    const only = context.only;
    if (!only || only.contains(vscode.CodeActionKind.QuickFix)) {
      const offered = new Set<string>();
      for (const diagnostic of context.diagnostics) {
        if (diagnostic.source !== LINT_SOURCE) continue;
        const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
        const start = document.offsetAt(diagnostic.range.start);
        const end = document.offsetAt(diagnostic.range.end);
        const problem = problemsNow().find((p) => p.code === code && p.start === start && p.end === end);
        if (!problem?.fix) continue;
        const fix = new vscode.CodeAction(fixTitle(problem), vscode.CodeActionKind.QuickFix);
        fix.edit = this.edit(document, problem.fix);
        fix.diagnostics = [diagnostic];
        fix.isPreferred = true;
        actions.push(fix);
        const fixable = problemsNow().filter((p) => p.code === problem.code && p.fix);
        if (fixable.length > 1 && !offered.has(problem.code)) {
          offered.add(problem.code);
          const all = new vscode.CodeAction(vscode.l10n.t('Fix all {0} problems in this file', problem.code), vscode.CodeActionKind.QuickFix);
          all.edit = this.edit(document, fixEdits(fixable, problem.code));
          all.diagnostics = context.diagnostics.filter((d) => d.source === LINT_SOURCE && (typeof d.code === 'object' ? d.code.value : d.code) === problem.code);
          actions.push(all);
        }
      }
    }
    if (only?.contains(FIX_ALL_KIND)) {
      const edits = fixEdits(problemsNow());
      if (edits.length > 0) {
        const all = new vscode.CodeAction(vscode.l10n.t('Fix all article problems'), FIX_ALL_KIND);
        all.edit = this.edit(document, edits);
        actions.push(all);
      }
    }
    return actions;
  }

  private edit(document: vscode.TextDocument, edits: readonly LintEdit[]): vscode.WorkspaceEdit {
    const edit = new vscode.WorkspaceEdit();
    edit.set(
      document.uri,
      edits.map((e) => vscode.TextEdit.replace(new vscode.Range(document.positionAt(e.start), document.positionAt(e.end)), e.text)),
    );
    return edit;
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.linted.clear();
    this.diagnostics.dispose();
  }
}

/** The lint's diagnostics and code actions; the returned disposables end them. */
export function registerLint(extensionUri: vscode.Uri, articles: ArticleCache): vscode.Disposable[] {
  const docs = new RuleDocs(vscode.Uri.joinPath(extensionUri, 'docs', 'rules.md'));
  const linter = new Linter(articles, docs);
  for (const document of vscode.workspace.textDocuments) if (isArticle(document)) linter.schedule(document, 0);
  return [
    linter,
    vscode.workspace.onDidOpenTextDocument((document) => linter.schedule(document, 0)),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length > 0) linter.schedule(event.document);
    }),
    vscode.workspace.onDidCloseTextDocument((document) => linter.clear(document.uri)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('article.lint')) linter.relintAll();
    }),
    vscode.languages.registerCodeActionsProvider({ language: ARTICLE_LANGUAGE }, linter, {
      providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
    }),
  ];
}
