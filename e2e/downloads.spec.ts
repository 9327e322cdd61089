import { expect, test, type Page } from '@playwright/test';
import { SMALLER_LEGEND_SHORT } from '../lib/domain/colors';
import { DashboardPage, QUOTED_VIEW } from './pages/dashboard-page';
import { fetchDownload, needsShared, parseCsv } from './support';

const tableValues = async (page: Page, testId: string, col: number) =>
  (await page.getByTestId(testId).locator(`tbody tr td:nth-child(${col})`).allTextContents()).map((v) => v.trim());

test.describe('downloads on the dashboard', () => {
  test('Sankey CSV and JSON hold the numbers of its data table', async ({ page }) => {
    const dash = new DashboardPage(page);
    await dash.open(QUOTED_VIEW);
    await dash.openTable('sankey-table');
    const shown = (await tableValues(page, 'sankey-table', 4)).sort();
    const csv = await fetchDownload(page, 'sankey-download-csv');
    expect(csv.name).toBe('deliveries-by-supplier-category-recipient-1982-1987-units.csv');
    expect([...csv.body.subarray(0, 3)], 'BOM').toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(csv.body.toString('utf8').slice(1));
    expect(header.slice(0, 4)).toEqual(['supplier', 'category', 'recipient', 'value']);
    const fromCsv = rows.map((r) => Math.round(Number(r[3])).toLocaleString('en-GB')).sort();
    expect(fromCsv, 'same values as the table').toEqual(shown);
    const json = JSON.parse((await fetchDownload(page, 'sankey-download-json')).body.toString('utf8'));
    expect(json.rows).toHaveLength(rows.length);
    expect(json.meta.measure.caveats.join(' '), 'states the caveats').toContain('not comparable');
    expect(json.meta.citation).toContain('SIPRI Arms Transfers Database');
  });

  test('bar data, deals and the zip bundle', async ({ page }) => {
    const dash = new DashboardPage(page);
    await dash.open(QUOTED_VIEW);
    await dash.openTable('bars-table');
    const years = await tableValues(page, 'bars-table', 1);
    const csv = await fetchDownload(page, 'bars-download-csv');
    const [, ...rows] = parseCsv(csv.body.toString('utf8').slice(1));
    expect(
      rows.map((r) => r[0]).sort(),
      'one row per year and supplier, as in the table (the table lists them by year, the download largest first)',
    ).toEqual([...years].sort());
    const deals = await fetchDownload(page, 'bars-download-deals-csv');
    const [dealHeader, ...dealRows] = parseCsv(deals.body.toString('utf8').slice(1));
    expect(dealHeader).toContain('source');
    expect(dealRows, 'the ten rows of the quoted register').toHaveLength(10);
    const zip = await fetchDownload(page, 'bars-download-zip');
    expect(zip.name).toMatch(/\.zip$/);
    expect(zip.body.subarray(0, 4).toString('latin1'), 'a zip archive').toBe('PK\u0003\u0004');
    expect(zip.body.toString('latin1')).toContain('README.txt');
  });

  test('on the whole register the exported Sankey explains its merged links in the legend', async ({ page }) => {
    test.skip(!!needsShared('register-all-2025-03.csv'), needsShared('register-all-2025-03.csv') || '');
    const dash = new DashboardPage(page);
    await dash.open('ds=register-all-2025-03&from=1950&to=2024');
    await expect(page.locator('[data-supplier="~smaller"]').first()).toBeAttached();
    const svg = (await fetchDownload(page, 'sankey-download-svg')).body.toString('utf8');
    expect(svg, 'legend entry').toContain(SMALLER_LEGEND_SHORT);
    expect(svg, 'the merged links, in their colour').toContain('fill="#bcae97"');
  });

  test('SVG carries title, legend and source; PNG is drawn at 2×', async ({ page }) => {
    const dash = new DashboardPage(page);
    await dash.open(QUOTED_VIEW);
    const svg = (await fetchDownload(page, 'sankey-download-svg')).body.toString('utf8');
    expect(svg).toContain('<svg');
    expect(svg, 'title').toContain('Flows supplier → category → recipient');
    expect(svg, 'source line').toContain('Source: ');
    expect(svg, 'legend').toContain('North Korea');
    expect(svg, 'no CSS variables left').not.toContain('var(--');
    expect(svg, 'no merged links here, so no legend entry for them').not.toContain(SMALLER_LEGEND_SHORT);
    const width = Number(/width="(\d+)"/.exec(svg)![1]);
    const height = Number(/height="(\d+)"/.exec(svg)![1]);
    const png = (await fetchDownload(page, 'bars-download-png')).body;
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    const barsSvg = (await fetchDownload(page, 'bars-download-svg')).body.toString('utf8');
    const bw = Number(/width="(\d+)"/.exec(barsSvg)![1]);
    const bh = Number(/height="(\d+)"/.exec(barsSvg)![1]);
    expect([png.readUInt32BE(16), png.readUInt32BE(20)], 'PNG at twice the SVG size').toEqual([2 * bw, 2 * bh]);
    expect(width).toBeGreaterThan(300);
    expect(height).toBeGreaterThan(200);
  });
});
