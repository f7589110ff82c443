import type { Browser } from 'playwright-core';

export const chromiumPath: string;
export const chromiumArgs: string[];
export function launchChromium(): Promise<Browser>;
export function serveBuild(options?: {
  root?: string;
  outDir?: string;
}): Promise<{ url: string; close: () => Promise<void> }>;
