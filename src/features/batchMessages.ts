/** The extension's words for the folder jobs' problems (the CLI has its own table for the same list). */
import * as vscode from 'vscode';
import type { FileProblem, Problem } from '../core/batch/problems';

export function problemText(problem: FileProblem, detail?: string): string {
  switch (problem) {
    case 'missing':
      return vscode.l10n.t('the file does not exist');
    case 'folder':
      return vscode.l10n.t('it is a folder');
    case 'empty':
      return vscode.l10n.t('the file is empty');
    case 'binary':
      return vscode.l10n.t('binary data, not text');
    case 'encoding':
      return vscode.l10n.t('neither UTF-8 nor GB18030 text');
    case 'truncated':
      return vscode.l10n.t('the text ends in the middle of a character (truncated file)');
    case 'too-large':
      return vscode.l10n.t('the file is too large (the limit is {0} MB)', Math.round(Number(detail) / (1024 * 1024)));
    case 'not-regular':
      return vscode.l10n.t('not a regular file');
    case 'unreadable':
      return vscode.l10n.t('cannot be read ({0})', detail ?? '');
    case 'not-article':
      return vscode.l10n.t('not an article');
    case 'unreadable-folder':
      return vscode.l10n.t('the folder cannot be read ({0})', detail ?? '');
    case 'symlink-loop':
      return vscode.l10n.t('symbolic link loop; not followed');
    case 'source':
      return vscode.l10n.t('the output would overwrite a source file');
    case 'outside-out':
      return vscode.l10n.t('would be written outside the destination folder');
    case 'exists':
      return vscode.l10n.t('exists already; not replaced');
    case 'unsafe':
      return vscode.l10n.t('normalizing would change its text');
    case 'guessed-encoding':
      return vscode.l10n.t('its encoding is a guess; left untouched');
    case 'changed':
      return vscode.l10n.t('changed since it was read; left untouched');
    case 'read-only':
      return vscode.l10n.t('read-only; left untouched');
    case 'hard-link':
      return vscode.l10n.t('has other hard links; left untouched');
    case 'symlink':
      return vscode.l10n.t('a symbolic link; left alone');
    case 'dirty':
      return vscode.l10n.t('unsaved changes in an editor');
    case 'owner':
      return vscode.l10n.t('its owner could not be kept; left untouched');
    case 'write':
      return vscode.l10n.t('cannot be written ({0})', detail ?? '');
  }
}

/** One log line: "failed: path: reason" or "skipped: path: reason". */
export function problemLine(problem: Problem, skipped: boolean, display: (path: string) => string): string {
  return `${skipped ? vscode.l10n.t('skipped') : vscode.l10n.t('failed')}: ${display(problem.path)}: ${problemText(problem.problem, problem.detail)}`;
}
