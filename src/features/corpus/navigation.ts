/**
 * Finding articles from anywhere: Go to Symbol in Workspace (Ctrl+T) by title and section heading,
 * and the title (with any warning) on hover over a file in the Explorer, from the corpus index.
 */
import * as vscode from 'vscode';
import type { CorpusIndex } from './corpusIndex';
import { conflictLines, type ArticlesProvider } from './articlesView';

/** Do the query's characters occur in `text` in order (case-insensitive)? VS Code ranks the results itself. */
export function looselyMatches(text: string, query: string): boolean {
  const q = query.replace(/\s+/g, '').toLowerCase();
  if (q === '') return true;
  const t = text.toLowerCase();
  let at = 0;
  for (const c of q) {
    at = t.indexOf(c, at);
    if (at < 0) return false;
    at += c.length;
  }
  return true;
}

const MAX_SYMBOLS = 1000;

export function registerWorkspaceSymbols(index: CorpusIndex): vscode.Disposable[] {
  const provider: vscode.WorkspaceSymbolProvider = {
    provideWorkspaceSymbols(query, token) {
      const out: vscode.SymbolInformation[] = [];
      for (const file of index.articles) {
        if (token.isCancellationRequested || out.length >= MAX_SYMBOLS) break;
        const { entry, uri } = file;
        const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
        if (entry.title !== '' && looselyMatches(entry.title, query)) {
          out.push(new vscode.SymbolInformation(entry.title, vscode.SymbolKind.File, name, new vscode.Location(uri, new vscode.Range(0, 0, 0, entry.titleLine.length))));
        }
        for (const heading of entry.headings) {
          if (!looselyMatches(heading.text, query)) continue;
          const start = new vscode.Position(heading.line, heading.character);
          out.push(new vscode.SymbolInformation(heading.text, vscode.SymbolKind.Namespace, entry.title, new vscode.Location(uri, new vscode.Range(start, start))));
        }
      }
      return out;
    },
  };
  return [vscode.languages.registerWorkspaceSymbolProvider(provider)];
}

/** The article's title as the tooltip of its file in the Explorer; a warning badge when it shares its title or list index. */
export class TitleDecorations implements vscode.FileDecorationProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri[] | undefined>();
  readonly onDidChangeFileDecorations = this.changed.event;

  constructor(
    private readonly index: CorpusIndex,
    private readonly view: ArticlesProvider,
  ) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    const file = this.index.get(uri);
    if (!file || file.entry.kind !== 'article') return undefined;
    const conflicts = this.view.conflicts(file.key);
    const lines = [file.entry.title];
    if (conflicts) {
      lines.push(...conflictLines(conflicts));
      const decoration = new vscode.FileDecoration('!', lines.join('\n'), new vscode.ThemeColor('list.warningForeground'));
      return decoration;
    }
    return new vscode.FileDecoration(undefined, lines.join('\n'));
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export function registerTitleDecorations(index: CorpusIndex, view: ArticlesProvider): { decorations: TitleDecorations; disposables: vscode.Disposable[] } {
  const decorations = new TitleDecorations(index, view);
  return { decorations, disposables: [decorations, vscode.window.registerFileDecorationProvider(decorations), view.onDidChangeTreeData(() => decorations.refresh())] };
}
