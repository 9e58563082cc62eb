/** Typed access to the `article.*` settings. */
import * as vscode from 'vscode';
import type { ExportOptions } from './core/export';
import type { NormalizeOptions } from './core/normalize';
import { isRuleCode, type RuleSettings, type RuleSetting } from './core/lint';
import { SETTING_DEFAULTS as D } from './core/settings';

export interface ArticleConfig {
  /** Switch plain-text `.txt` documents that hold an article to the `article` language. */
  readonly detect: boolean;
  /** `article.editor.openByDefault`: article files open in the Article Editor rather than the text editor. */
  readonly openByDefault: boolean;
  /** Nest paragraphs under their section headings in the outline. */
  readonly outlineSections: boolean;
  /** Export: a new editor beside the article, or a file saved next to it. */
  readonly exportDestination: 'editor' | 'file';
  readonly export: ExportOptions;
  readonly normalize: NormalizeOptions;
  /** CJK characters read a minute, for the reading time in the status bar. */
  readonly readingSpeed: number;
  /** How the Articles view orders its rows. */
  readonly articlesSort: 'index' | 'title' | 'file';
  /** `article.lint.enabled` and `article.lint.rules` (rule code → severity or `off`; unknown codes and values dropped). */
  readonly lint: { readonly enabled: boolean; readonly rules: RuleSettings };
}

const RULE_SETTINGS: readonly RuleSetting[] = ['off', 'error', 'warning', 'info'];

function ruleSettings(value: unknown): RuleSettings {
  const out: Record<string, RuleSetting> = {};
  if (typeof value !== 'object' || value === null) return out;
  for (const [code, setting] of Object.entries(value)) {
    if (isRuleCode(code) && (RULE_SETTINGS as readonly unknown[]).includes(setting)) out[code] = setting as RuleSetting;
  }
  return out;
}

function oneOf<T extends string>(value: unknown, choices: readonly T[], fallback: T): T {
  return typeof value === 'string' && (choices as readonly string[]).includes(value) ? (value as T) : fallback;
}

function positive(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
}

export function getConfig(scope?: vscode.ConfigurationScope): ArticleConfig {
  const c = vscode.workspace.getConfiguration('article', scope);
  return {
    detect: c.get<boolean>('detect', D.detect),
    openByDefault: c.get<boolean>('editor.openByDefault', D['editor.openByDefault']),
    outlineSections: c.get<boolean>('outline.sections', D['outline.sections']),
    exportDestination: oneOf(c.get('export.destination'), ['editor', 'file'], D['export.destination']),
    export: {
      indent: oneOf(c.get('export.indent'), ['none', 'fullwidth'], D['export.indent']),
      images: oneOf(c.get('export.images'), ['marker', 'drop'], D['export.images']),
      imageMarker: c.get<string>('export.imageMarker', D['export.imageMarker']),
    },
    normalize: {
      style: c.get<string>('normalize.style', D['normalize.style']) || D['normalize.style'],
      indent: oneOf(c.get('normalize.indent'), ['keep', 'fullwidth', 'none'], D['normalize.indent']),
      removeEmptyParagraphs: c.get<boolean>('normalize.removeEmptyParagraphs', D['normalize.removeEmptyParagraphs']),
      layout: oneOf(c.get('normalize.layout'), ['oneLine', 'blockPerLine'], D['normalize.layout']),
    },
    readingSpeed: positive(c.get('readingSpeed'), D.readingSpeed),
    articlesSort: oneOf(c.get('articles.sort'), ['index', 'title', 'file'], D['articles.sort']),
    lint: { enabled: c.get<boolean>('lint.enabled', D['lint.enabled']), rules: ruleSettings(c.get('lint.rules')) },
  };
}
