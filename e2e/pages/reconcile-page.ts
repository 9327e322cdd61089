import type { Page } from '@playwright/test';

/** Locators and actions of the sources view; assertions live in the specs. */
export class ReconcilePage {
  constructor(readonly page: Page) {}

  async open(base: string, query = '') {
    await this.page.goto(`${base}/reconcile${query ? `?${query}` : ''}`);
  }
  get summary() {
    return this.page.getByTestId('reconcile-summary');
  }
  get rows() {
    return this.page.getByTestId('reconcile-row');
  }
  row(text: string) {
    return this.rows.filter({ hasText: text });
  }
  get notices() {
    return this.page.getByTestId('notices');
  }
  get source() {
    return this.page.getByTestId('reconcile-source');
  }
}
