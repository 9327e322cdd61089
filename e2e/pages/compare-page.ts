import type { Page } from '@playwright/test';

/** Locators and actions of the comparison page; assertions live in the specs. */
export class ComparePage {
  constructor(readonly page: Page) {}

  async open(query = '') {
    await this.page.goto(`/compare${query ? `?${query}` : ''}`);
    await this.page.getByTestId('compare-controls').waitFor();
  }
  get summary() {
    return this.page.getByTestId('compare-summary');
  }
  bars(side: 'a' | 'b') {
    return this.page.locator(`[data-testid="butterfly-suppliers"] [data-testid="butterfly-bar"][data-col="${side}"]`);
  }
  bar(side: 'a' | 'b', key: string) {
    return this.page
      .locator(`[data-testid="butterfly-suppliers"] [data-testid="butterfly-bar"][data-col="${side}"][data-row="${key}"]`)
      .first();
  }
  get bothLabels() {
    return this.page.locator('[data-testid="butterfly-suppliers"] [data-testid="butterfly-label"][data-both="true"]');
  }
  get suppliersTable() {
    return this.page.getByTestId('suppliers-table');
  }
  get sidesRows() {
    return this.page.getByTestId('side-row');
  }
  get tooltip() {
    return this.page.getByTestId('tooltip');
  }
  get drillDeals() {
    return this.page.getByTestId('drill-deal');
  }
}
