import { expect, test, type Locator, type Page } from '@playwright/test';
import { fetchDownload } from './support';

// One client: its upload is its own, and opens by link.
const CLIENT = { authorization: 'Bearer e2e-map-client-0123456789abcdef0123' };
const ORGANISATION = [
  'Recipient,Supplier,Year of order, ,Number ordered, ,Weapon designation,Weapon description,Number delivered, ,Year(s) of delivery,status,Comments,SIPRI TIV per unit,SIPRI TIV for total order,SIPRI TIV of delivered weapons',
  'Mali,NATO**,1983,,2,,Mi-8,transport helicopter,2,,1984,New,map check,5,10,10',
  'Mali,East Germany (GDR),1983,,4,,BTR-60,APC,4,,1984,New,map check,1,4,4',
].join('\n');

/** Moves the real pointer to a mark's anchor (its `data-x`/`data-y`, in the map's pixels). */
async function pointAt(page: Page, mark: Locator) {
  const box = (await page.getByTestId('map-svg').boundingBox())!;
  const [x, y] = [Number(await mark.getAttribute('data-x')), Number(await mark.getAttribute('data-y'))];
  await page.mouse.move(box.x + x, box.y + y);
}

test.describe('the map', () => {
  test('shapes, the Soviet Union as a union of its successors, a tooltip, a click listing the deals', async ({ page }, testInfo) => {
    await page.goto('/map');
    const svg = page.getByTestId('map-svg');
    await expect(svg).toBeVisible();
    expect(await svg.locator('[data-testid=map-shape]').count(), 'country shapes drawn').toBeGreaterThanOrEqual(150);
    await expect(svg.locator('[data-testid=map-merged][data-name="Soviet Union"]'), "the extract's largest supplier, outlined").toHaveCount(
      1,
    );
    expect(await svg.getByTestId('map-arc').count()).toBeGreaterThan(5);
    // Only Iraq's suppliers: every arc ends over Iraq's middle, and the real pointer there still reaches
    // Iraq (arcs take it only along their middle; elsewhere an arc drawn over a country takes it first).
    await page.goto('/map?recipient=Iraq');
    const iraq = svg.locator('[data-testid=map-place][data-name=Iraq]');
    await expect(svg.getByTestId('map-arc').nth(5), 'more than five arcs, all ending over Iraq').toBeAttached();
    await pointAt(page, iraq);
    await expect(page.getByTestId('tooltip')).toContainText('Iraq');
    await expect(page.getByTestId('tooltip')).toContainText(/[\d,]+ received \(\d+% of all\)/);
    await page.screenshot({ path: testInfo.outputPath('map.png'), fullPage: true });
    await iraq.focus();
    await expect(page.getByTestId('tooltip'), 'focus shows it too').toContainText('Iraq');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/d\.recipient=Iraq/);
    await expect(page.getByTestId('drill-panel')).toContainText('Iraq');
    expect(await page.getByTestId('drill-deal').count()).toBeGreaterThan(10);
  });

  test('one Tab stop; arrows move to the nearest mark that way; an arc opens its pair’s deals', async ({ page }) => {
    await page.goto('/map?from=1980&to=1988');
    const svg = page.getByTestId('map-svg');
    await expect(svg).toBeVisible();
    const marks = svg.locator('[data-mark]');
    expect(await marks.count(), 'two places and the arcs').toBeGreaterThan(5);
    await expect(svg.locator('[data-mark][tabindex="0"]'), 'the map is one Tab stop').toHaveCount(1);
    // From the filter bar's last control, Tab reaches the map's stop: the largest recipient, Iraq.
    await page.getByTestId('map-side-supplier').focus();
    await page.keyboard.press('Tab');
    const focused = () =>
      page.evaluate(
        () => (document.activeElement as HTMLElement | null)?.dataset.name ?? document.activeElement?.getAttribute('aria-label'),
      );
    expect(await focused()).toBe('Iraq');
    await expect(page.getByTestId('tooltip')).toContainText('Iraq');
    // Iran lies east of Iraq: Right goes there (or to an arc's middle nearer that way), and Left comes back.
    await page.keyboard.press('ArrowRight');
    const east = await focused();
    expect(east).not.toBe('Iraq');
    const [ix, ex] = await Promise.all([
      svg.locator('[data-mark][data-name=Iraq]').getAttribute('data-x'),
      page.evaluate(() => (document.activeElement as HTMLElement).dataset.x),
    ]);
    expect(Number(ex), 'the mark reached lies to the right').toBeGreaterThan(Number(ix));
    await expect(svg.locator('[data-mark][tabindex="0"]'), 'still one stop: the last one focused').toHaveCount(1);
    // Tab leaves the map at once (no ~20 stops to get past).
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('[data-testid=map-svg]'))).toBe(false);
    // An arc from the keyboard: End reaches the last mark, an arc; Enter lists the pair's deals.
    await svg.locator('[data-mark][tabindex="0"]').focus();
    await page.keyboard.press('End');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('map-arc');
    await expect(page.getByTestId('tooltip')).toContainText('→');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/d\.supplier=.*d\.recipient=|d\.recipient=.*d\.supplier=/);
    await expect(page.getByTestId('drill-panel')).toBeVisible();
  });

  test('the pointer on an arc’s middle names the flow; a click lists its deals', async ({ page }) => {
    await page.goto('/map?from=1980&to=1988');
    const arc = page.getByTestId('map-arc').first();
    await expect(arc).toBeAttached();
    const [supplier, recipient] = [await arc.getAttribute('data-supplier'), await arc.getAttribute('data-recipient')];
    await pointAt(page, arc);
    await expect(page.getByTestId('tooltip')).toContainText(`${supplier} → ${recipient}`);
    await page.mouse.down();
    await page.mouse.up();
    await expect(page).toHaveURL(new RegExp(`d\\.supplier=${encodeURIComponent(supplier!).replace(/%20/g, '(%20|\\+)')}`));
    await expect(page.getByTestId('drill-panel')).toContainText(recipient!);
  });

  test('SVG and PNG downloads: title, legend, source, the light palette even from a dark page', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('/map?from=1980&to=1988');
    const iraq = page.locator('[data-testid=map-place][data-name=Iraq]');
    await expect(iraq).toBeAttached();
    const [onPage, light] = [await iraq.getAttribute('fill'), await iraq.getAttribute('data-export-fill')];
    expect(onPage, 'the dark scale on the page').not.toBe(light);
    const svg = (await fetchDownload(page, 'map-download-svg')).body.toString('utf8');
    expect(svg).toContain('Arms received, by recipient, 1980–1988');
    expect(svg, 'the source line').toContain('Source: ');
    expect(svg, 'the scale and the arcs in the legend').toMatch(/>none<.*>arcs from [^<]+</);
    expect(svg, 'Iraq in the light scale').toContain(`fill="${light}"`);
    expect(svg, 'no dark fill left').not.toContain(`fill="${onPage}"`);
    expect(svg, 'no CSS variables left').not.toContain('var(--');
    const width = Number(/width="(\d+)"/.exec(svg)![1]);
    const height = Number(/height="(\d+)"/.exec(svg)![1]);
    const png = (await fetchDownload(page, 'map-download-png')).body;
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)], 'PNG at twice the SVG size').toEqual([2 * width, 2 * height]);
  });

  test('the filter bar changes the map’s view and keeps its side', async ({ page }) => {
    await page.goto('/map?side=supplier&from=1980&to=1988');
    const from = page.getByTestId('year-from');
    await from.fill('1985');
    await from.press('Enter');
    await expect(page).toHaveURL(/from=1985/);
    await expect(page).toHaveURL(/side=supplier/);
    await expect(page.getByRole('heading', { name: 'Arms delivered, by supplier, 1985–1988' })).toBeVisible();
    // The map hatches nothing: uncertain data is included (the default) or excluded.
    await expect(page.getByTestId('uncertain').locator('option')).toHaveText(['include', 'exclude']);
    await page.getByTestId('uncertain').selectOption('exclude');
    await expect(page).toHaveURL(/uncertain=exclude/);
    // A side the map does not know is named, and the default drawn.
    await page.goto('/map?side=sideways&from=1980&to=1988');
    await expect(page.getByTestId('notices')).toContainText('"sideways" is not one of recipient, supplier; ignored');
    await expect(page.getByRole('heading', { name: 'Arms received, by recipient, 1980–1988' })).toBeVisible();
  });

  test('by supplier; what cannot be drawn is listed; a state without a shape is a circle', async ({ page, request }) => {
    const res = await request.post('/api/datasets', {
      headers: { 'content-type': 'text/csv', 'x-filename': 'map-check.csv', ...CLIENT },
      data: Buffer.from(ORGANISATION),
    });
    expect(res.status()).toBe(201);
    const { id } = await res.json();
    await page.goto(`/map?ds=${id}&from=1980&to=1988`);
    await page.getByTestId('map-side-supplier').click();
    await expect(page).toHaveURL(/side=supplier/);
    await expect(page.getByTestId('not-on-map')).toContainText('NATO** (10: an organisation, not a place)');
    await expect(page.locator('[data-testid=map-circle][data-name="East Germany (GDR)"]')).toHaveCount(1);
    await page.getByTestId('map-table-toggle').locator('summary').click();
    await expect(page.getByTestId('map-table')).toContainText('East Germany (GDR)');
  });

  test('the dashboard links to the map with its view', async ({ page }) => {
    await page.goto('/?recipient=Iran&from=1982&to=1987');
    await page.getByTestId('to-map').click();
    await expect(page).toHaveURL(/\/map\?.*recipient=Iran/);
    await expect(page.getByRole('heading', { name: 'Arms received, by recipient, 1982–1987' })).toBeVisible();
    await expect(page.locator('[data-testid=map-place][data-name=Iran]')).toHaveCount(1);
    await expect(page.locator('[data-testid=map-place][data-name=Iraq]'), 'the filter holds').toHaveCount(0);
  });

  test('at 375 px: no sideways scrolling, the map scaled down', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto('/map');
    await expect(page.getByTestId('map-svg')).toBeVisible();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(375);
    const box = await page.getByTestId('map-svg').boundingBox();
    expect(box!.width).toBeLessThanOrEqual(360);
  });

  test('the topology is a static answer, not part of the page script', async ({ request }) => {
    const res = await request.get('/api/topology');
    expect(res.status()).toBe(200);
    expect(res.headers()['cache-control']).toContain('max-age');
    const body = await res.json();
    expect(body.type).toBe('Topology');
    expect(body.objects.countries.geometries.length).toBe(177);
  });
});
