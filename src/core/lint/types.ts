/**
 * The lint's vocabulary: rules, problems and their fixes. Everything is offsets into the article's
 * source text (as the parser holds it: no BOM, the file's line ends), so the extension maps them
 * with `positionAt` and the CLI prints them as they are.
 */
import type { Article, Block } from '../model';

export type Severity = 'error' | 'warning' | 'info';
/** A rule's setting: its severity, or `off`. */
export type RuleSetting = Severity | 'off';

/** Replace `[start, end)` of the source with `text`. */
export interface LintEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * The messages a rule can give, with their arguments. The core never words a message: the
 * extension (vscode.l10n) and the CLI (src/cli/messages.ts) translate these ids.
 */
export interface MessageArgs {
  /** `{0}`: the characters as written; `{1}`: as they should be escaped. */
  'unescaped-text': [text: string, escaped: string];
  'empty-paragraph': [];
  'broken-paragraph': [];
  /** `{0}`: the paragraph's opening markup; `{1}`: the one most paragraphs of the file have. */
  'style-drift': [markup: string, usual: string];
  'image-placeholder': [];
  /** `{0}`: the number of the paragraph it repeats (1-based). */
  'duplicate-paragraph': [first: number];
  /** `{0}`: the half-width characters; `{1}`: their full-width forms. */
  'halfwidth-punctuation': [halfwidth: string, fullwidth: string];
  'mojibake-replacement': [];
  'mojibake-garbled': [];
  /** `{0}`: the tag. */
  'unclosed-element': [tag: string];
  'unopened-close': [tag: string];
  /** `{0}`: the paragraph's text. */
  'page-furniture': [text: string];
  /** `{0}`: the indent's characters as code points, e.g. `U+2003×2`. */
  'other-indent': [indent: string];
}

export type MessageId = keyof MessageArgs;

export interface Problem<M extends MessageId = MessageId> {
  readonly code: RuleCode;
  readonly severity: Severity;
  readonly message: M;
  readonly args: MessageArgs[M];
  readonly start: number;
  readonly end: number;
  /** Edits (sorted, not overlapping, all inside `[start, end)` or at its ends) that fix the problem. */
  readonly fix?: readonly LintEdit[];
}

/** What a rule reports; the registry adds the code and the severity. */
export type Finding = {
  [M in MessageId]: { readonly message: M; readonly args: MessageArgs[M]; readonly start: number; readonly end: number; readonly fix?: readonly LintEdit[] };
}[MessageId];

export const RULE_CODES = [
  'unescaped-text',
  'empty-paragraph',
  'broken-paragraph',
  'style-drift',
  'image-placeholder',
  'duplicate-paragraph',
  'halfwidth-punctuation',
  'mojibake',
  'unclosed-markup',
  'page-furniture',
  'other-indent',
] as const;

export type RuleCode = (typeof RULE_CODES)[number];

export interface Rule {
  readonly code: RuleCode;
  readonly severity: Severity;
  /** Whether the rule offers fixes (for "fix all" and the docs). */
  readonly fixable: boolean;
  check(context: LintContext): Finding[];
}

/** What every rule gets: the article, and the paragraphs with text (built once per lint). */
export interface LintContext {
  readonly article: Article;
  readonly source: string;
  /** Paragraph blocks with text, in order. */
  readonly paragraphs: readonly Block[];
}
