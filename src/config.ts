/** Typed access to the `article.*` settings. */
import * as vscode from 'vscode';
import { DEFAULT_EXPORT_OPTIONS, type ExportOptions } from './core/export';

export interface ArticleConfig {
  /** Switch plain-text `.txt` documents that hold an article to the `article` language. */
  readonly detect: boolean;
  /** Nest paragraphs under their section headings in the outline. */
  readonly outlineSections: boolean;
  /** Export: a new editor beside the article, or a file saved next to it. */
  readonly exportDestination: 'editor' | 'file';
  readonly export: ExportOptions;
}

function oneOf<T extends string>(value: unknown, choices: readonly T[], fallback: T): T {
  return typeof value === 'string' && (choices as readonly string[]).includes(value) ? (value as T) : fallback;
}

export function getConfig(scope?: vscode.ConfigurationScope): ArticleConfig {
  const c = vscode.workspace.getConfiguration('article', scope);
  return {
    detect: c.get<boolean>('detect', true),
    outlineSections: c.get<boolean>('outline.sections', true),
    exportDestination: oneOf(c.get('export.destination'), ['editor', 'file'], 'editor'),
    export: {
      indent: oneOf(c.get('export.indent'), ['none', 'fullwidth'], DEFAULT_EXPORT_OPTIONS.indent),
      images: oneOf(c.get('export.images'), ['marker', 'drop'], DEFAULT_EXPORT_OPTIONS.images),
      imageMarker: c.get<string>('export.imageMarker', DEFAULT_EXPORT_OPTIONS.imageMarker),
    },
  };
}
