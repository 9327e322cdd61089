import { expect, test } from '@playwright/test';

// One client: its upload is its own, and opens by link.
const CLIENT = { authorization: 'Bearer e2e-map-client-0123456789abcdef0123' };
const ORGANISATION = [
  'Recipient,Supplier,Year of order, ,Number ordered, ,Weapon designation,Weapon description,Number delivered, ,Year(s) of delivery,status,Comments,SIPRI TIV per unit,SIPRI TIV for total order,SIPRI TIV of delivered weapons',
  'Mali,NATO**,1983,,2,,Mi-8,transport helicopter,2,,1984,New,map check,5,10,10',
  'Mali,East Germany (GDR),1983,,4,,BTR-60,APC,4,,1984,New,map check,1,4,4',
].join('\n');

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
    const iraq = svg.locator('[data-testid=map-place][data-name=Iraq]');
    // The arcs end over Iraq's middle, so the pointer is sent to the shape itself.
    const box = (await iraq.boundingBox())!;
    await iraq.dispatchEvent('mousemove', { clientX: box.x + box.width / 2, clientY: box.y + box.height / 2, bubbles: true });
    await expect(page.getByTestId('tooltip')).toContainText('Iraq');
    await expect(page.getByTestId('tooltip')).toContainText(/[\d,]+ received \(\d+% of all\)/);
    await page.screenshot({ path: testInfo.outputPath('map.png'), fullPage: true });
    await iraq.focus();
    await expect(page.getByTestId('tooltip'), 'focus shows it too').toContainText('Iraq');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/d\.recipient=Iraq/);
    await expect(page.getByTestId('drill-panel')).toContainText('Iraq');
    expect(await page.getByTestId('drill-deal').count()).toBeGreaterThan(10);
    // Keyboard: an arc opens the pair's deals with Enter.
    await svg.getByTestId('map-arc').first().focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/d\.supplier=.*d\.recipient=|d\.recipient=.*d\.supplier=/);
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
