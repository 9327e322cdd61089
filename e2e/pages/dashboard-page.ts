import type { Page } from '@playwright/test';

/** The quoted North Korea → Iran register over its years: the view most of the bundled-data specs are about. */
export const QUOTED_VIEW = 'ds=nk-iran-sipri-register-1982-1987&from=1982&to=1987';

/** Locators and actions of the dashboard; assertions live in the specs. */
export class DashboardPage {
  constructor(readonly page: Page) {}

  async open(query = '') {
    await this.page.goto(`/${query ? `?${query}` : ''}`);
    await this.page.locator('.arms-sankey').first().waitFor();
  }

  get summary() {
    return this.page.getByTestId('summary');
  }
  get sankeyNodes() {
    return this.page.getByTestId('sankey-node');
  }
  get sankeyLinks() {
    return this.page.getByTestId('sankey-link');
  }
  sankeyLink(source: string, target: string) {
    return this.page.locator(`[data-testid="sankey-link"][data-source="${source}"][data-target="${target}"]`).first();
  }
  sankeyNode(id: string) {
    return this.page.locator(`[data-testid="sankey-node"][data-id="${id}"] rect`);
  }
  get sankeyEmpty() {
    return this.page.getByTestId('sankey-empty');
  }
  get barSegments() {
    return this.page.getByTestId('bar-segment');
  }
  get tooltip() {
    return this.page.getByTestId('tooltip');
  }
  get drillPanel() {
    return this.page.getByTestId('drill-panel');
  }
  get drillDeals() {
    return this.page.getByTestId('drill-deal');
  }
  get notices() {
    return this.page.getByTestId('notices');
  }
  get legendItems() {
    return this.page.getByTestId('legend-item');
  }
  async openTable(name: 'sankey-table' | 'bars-table') {
    await this.page.getByTestId(`${name}-toggle`).locator('summary').click();
    // The rows are fetched when the table opens: wait for them (a table always has a row, "No rows" at least).
    const table = this.page.getByTestId(name);
    await table.locator('tbody tr').first().waitFor();
    return table;
  }
}
