import { expect, test } from '@playwright/test';
import { ComparePage } from './pages/compare-page';
import { SUPPLIED_BOTH_IRAN_IRAQ_1980_1988 } from '../lib/testing/shared-data';
import { needsShared } from './support';

const SIPRI = 'deliveries-1950-1989-2024-04.csv';

test.describe('compare two recipients', () => {
  test('the default comparison renders both sides and the listed sides on the bundled data', async ({ page }) => {
    const cmp = new ComparePage(page);
    await cmp.open('ds=nk-iran-sipri-register-1982-1987');
    await expect(cmp.summary, 'Iran’s supplier in the quoted register').toContainText('Iran’s largest supplier was North Korea');
    await expect(cmp.summary, 'Iraq has no deliveries in it').toContainText('no deliveries to Iraq');
    await expect(cmp.bars('a')).toHaveCount(1);
    await expect(
      page.getByTestId('over-time-a').locator('[data-testid="bar-segment"]'),
      'six years of North Korean deliveries',
    ).toHaveCount(6);
    await expect(page.getByTestId('over-time-b').locator('[data-testid="bar-gap-no-data"]'), 'Iraq: no data, each year').toHaveCount(9);
    await expect(cmp.sidesRows, 'the 40 listed suppliers').toHaveCount(40);
    await expect(page.getByRole('list', { name: 'Events marked on the chart' }), 'the events are listed once').toHaveCount(1);
    await expect(page.getByTestId('event-marker').first(), 'the war’s start is marked').toBeVisible();
    // North Korea → Iran events are marked on Iran's chart only; the numbers are the shared list's.
    const listed = await page.getByRole('list', { name: 'Events marked on the chart' }).locator('li').count();
    const onIran = page.getByTestId('over-time-a').getByTestId('event-marker');
    const onIraq = page.getByTestId('over-time-b').getByTestId('event-marker');
    await expect(onIran).toHaveCount(listed);
    const iraqCount = await onIraq.count();
    expect(iraqCount, 'Iraq marks only the events naming it').toBeLessThan(listed);
    expect(iraqCount).toBeGreaterThan(0);
    const number = (i: number) => onIraq.nth(i).locator('text').textContent();
    const titles = await onIraq.locator('title').allTextContents();
    expect(
      titles.every((t) => t.includes('Iraq')),
      titles.join(' | '),
    ).toBe(true);
    expect(Number(await number(iraqCount - 1)), 'numbered as in the shared list').toBe(listed);
  });

  test('with SIPRI’s delivery export: the figures, the both-sides flags, the drill-down', async ({ page }) => {
    test.skip(!!needsShared(SIPRI), needsShared(SIPRI) || '');
    const cmp = new ComparePage(page);
    await cmp.open('ds=deliveries-1950-1989-2024-04');
    await expect(cmp.bars('a'), 'Iran: 19 suppliers').toHaveCount(19);
    await expect(page.getByTestId('claim-check'), 'the seed’s 40% claim against SIPRI: 996 of 5,002 TIV').toContainText(
      'its share of Iran’s total is 20%',
    );
    await expect(cmp.bars('b'), 'Iraq: 22 suppliers').toHaveCount(22);
    const rows = cmp.suppliersTable.locator('tbody tr');
    const figure = (supplier: string, col: number) =>
      rows.filter({ has: page.locator(`td:first-child:text-is("${supplier}")`) }).locator(`td:nth-child(${col})`);
    for (const [name, iran] of [
      ['China', '1,943'],
      ['North Korea', '996'],
      ['Soviet Union', '306'],
      ['Syria', '224'],
      ['Libya', '221'],
    ]) {
      await expect(figure(name, 2), `${name} → Iran`).toHaveText(iran);
    }
    for (const [name, iraq] of [
      ['Soviet Union', '16,973'],
      ['France', '4,699'],
      ['China', '4,270'],
      ['Brazil', '565'],
      ['Egypt', '331'],
    ]) {
      await expect(figure(name, 6), `${name} → Iraq`).toHaveText(iraq);
    }
    const both = await cmp.bothLabels.allTextContents();
    for (const name of SUPPLIED_BOTH_IRAN_IRAQ_1980_1988) {
      expect(both, `${name} is flagged as supplying both`).toContain(`● ${name}`);
    }
    await page.getByTestId('both-only').click();
    await expect(page).toHaveURL(/both=1/);
    await expect(cmp.bars('a'), 'only suppliers to both remain').toHaveCount(both.length);
    await cmp.bar('a', 'China').hover();
    await expect(cmp.tooltip).toContainText('1,943');
    await cmp.bar('a', 'China').click();
    await expect(page).toHaveURL(/d\.supplier=China/);
    await expect(cmp.drillDeals.first(), 'China’s deals with Iran').toContainText('Iran');
  });

  test('each side’s data table is fetched when opened and holds the rows its summary counts', async ({ page }) => {
    const cmp = new ComparePage(page);
    await cmp.open('ds=nk-iran-sipri-register-1982-1987');
    const toggle = page.getByTestId('bars-table-a-toggle');
    await expect(toggle.locator('summary'), 'six years of North Korea → Iran').toHaveText('Data table (6 rows)');
    await expect(page.getByTestId('bars-table-a'), 'not in the page until opened').toHaveCount(0);
    const answered = page.waitForResponse((r) => r.url().includes('/api/aggregate') && r.url().includes('recipient=Iran'));
    await toggle.locator('summary').click();
    expect((await answered).status()).toBe(200);
    await expect(page.getByTestId('bars-table-a').locator('tbody tr')).toHaveCount(6);
    await expect(page.getByTestId('bars-table-a')).toContainText('North Korea');
  });

  test('a supplier of both sides has one colour on both', async ({ page }) => {
    test.skip(!!needsShared(SIPRI), needsShared(SIPRI) || '');
    const cmp = new ComparePage(page);
    await cmp.open('ds=deliveries-1950-1989-2024-04&from=1980&to=1988');
    await expect(page.getByTestId('over-time-b').locator('[data-testid="bar-segment"]').first()).toBeVisible();
    const side = (s: 'a' | 'b') =>
      page
        .getByTestId(`over-time-${s}`)
        .locator('[data-testid="bar-segment"]')
        .evaluateAll((rects) => Object.fromEntries(rects.map((r) => [r.getAttribute('data-row')!, r.getAttribute('fill')!])));
    const [iran, iraq] = [await side('a'), await side('b')];
    const both = Object.keys(iran).filter((k) => k in iraq && k !== '~other');
    // The Soviet Union, China and France armed both: each side ranked them apart, and coloured them apart.
    expect(both.length, 'suppliers drawn on both sides').toBeGreaterThan(2);
    for (const k of both) expect(iraq[k], k).toBe(iran[k]);
  });

  test('swapping the recipients swaps the sides', async ({ page }) => {
    test.skip(!!needsShared(SIPRI), needsShared(SIPRI) || '');
    const cmp = new ComparePage(page);
    await cmp.open('ds=deliveries-1950-1989-2024-04');
    await page.getByTestId('swap').click();
    await expect(page).toHaveURL(/a=Iraq/);
    await expect(cmp.bars('a'), 'Iraq on the left now').toHaveCount(22);
    await expect(cmp.bars('b')).toHaveCount(19);
  });

  test('a recipient with no deliveries gives a clear empty state', async ({ page }) => {
    const cmp = new ComparePage(page);
    await cmp.open('a=Atlantis&b=Iraq&ds=nk-iran-sipri-register-1982-1987');
    await expect(page.getByTestId('butterfly-suppliers-empty')).toContainText('Neither Atlantis nor Iraq');
  });

  test('on a phone the two sides stack vertically without horizontal scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    const cmp = new ComparePage(page);
    await cmp.open();
    await expect(page.getByTestId('bars-svg-a')).toHaveAttribute('width', /^[23]\d\d$/);
    const a = await page.getByTestId('over-time-a').boundingBox();
    const b = await page.getByTestId('over-time-b').boundingBox();
    expect(b!.y, 'the second side is below the first').toBeGreaterThan(a!.y + a!.height - 1);
    const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    expect(scroll).toBeLessThanOrEqual(inner);
  });

  test('the comparison’s downloads hold its table', async ({ page }) => {
    const cmp = new ComparePage(page);
    await cmp.open('ds=nk-iran-sipri-register-1982-1987');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('butterfly-download-csv').click()]);
    expect(download.suggestedFilename()).toBe('deliveries-by-supplier-recipient-iran-iraq-1980-1988-units.csv');
  });

  test('the listed sides versus deliveries download as CSV with every listed country', async ({ page }) => {
    const cmp = new ComparePage(page);
    await cmp.open('ds=nk-iran-sipri-register-1982-1987');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('sides-download-csv').click()]);
    expect(download.suggestedFilename()).toBe('supplier-sides-vs-deliveries-iran-iraq-1980-1988-units.csv');
    const text = (await import('node:fs')).readFileSync((await download.path())!, 'utf8');
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toContain('country,listed_side,note,delivered_to_a,delivered_to_b,data_shows,source');
    expect(lines, 'a header and the 40 listed countries').toHaveLength(41);
    expect(text, 'North Korea delivered to Iran in the quoted register').toMatch(/North Korea,iran,,[0-9.]+,,agrees/);
  });
});
