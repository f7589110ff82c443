import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import type { AxeResults } from 'axe-core';

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** Runs axe-core (injected from the local package) on the page's whole document. */
export default class AxeBuilder {
  constructor(private readonly page: Page) {}

  async analyze(): Promise<AxeResults> {
    // Evaluated through the DevTools protocol: the page's CSP (rightly) forbids inline scripts.
    await this.page.evaluate(axeSource);
    return this.page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(context: Document): Promise<AxeResults> } })
        .axe;
      return axe.run(document);
    });
  }
}
