/** Typed access to the `article.*` settings. */
import * as vscode from 'vscode';

export interface ArticleConfig {
  /** Switch plain-text `.txt` documents that hold an article to the `article` language. */
  readonly detect: boolean;
  /** Nest paragraphs under their section headings in the outline. */
  readonly outlineSections: boolean;
}

export function getConfig(scope?: vscode.ConfigurationScope): ArticleConfig {
  const c = vscode.workspace.getConfiguration('article', scope);
  return {
    detect: c.get<boolean>('detect', true),
    outlineSections: c.get<boolean>('outline.sections', true),
  };
}
