// Types of scripts/package.mjs for the TypeScript tests that import it.
export const VSIX: string;
export const PACKAGE_README: string;
export function inlineImages(markdown: string, readImage: (link: string) => Buffer): string;
export function kb(bytes: number): string;
export function vsixEntries(path: string): Promise<{ name: string; size: number }[]>;
export function packageExtension(options?: { quiet?: boolean }): Promise<{ path: string; size: number; entries: { name: string; size: number }[] }>;
