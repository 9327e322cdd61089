import { expect, test, type Locator, type Page } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OWN_FORMAT_HEADER } from '../lib/testing/own-register';
import { ServerProcess } from './server-process';
import { fetchDownload, parseCsv } from './support';

/**
 * Marks split by what rests on estimates, on a register with known shares: China's deliveries to
 * Iran in 1983 are half estimated by value (two deals of 40 TIV, one with its number delivered
 * marked), the Soviet T-72 deal to Iraq (400 TIV over 1981–1984) is divided over its years.
 */
const REGISTER = [
  OWN_FORMAT_HEADER,
  'China,Iran,,1982,Type-59,tank,,10,10,1983,New,,40,,,Crafted source A',
  'China,Iran,,1982,Type-69,tank,,10,10,1983,New,,40,,number_delivered,Crafted source B',
  'Soviet Union,Iraq,,1980,T-72,tank,,100,100,1981-1984,New,,400,,,Crafted source C',
  '',
].join('\n');
const DS = 'shares-crafted';

test.describe.configure({ mode: 'serial' });

let server: ServerProcess;
test.beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'arms-shares-'));
  writeFileSync(join(dir, `${DS}.csv`), REGISTER);
  server = new ServerProcess(3125, { DATA_DIR: dir });
  await server.start();
});
test.afterAll(() => server.kill());

type Box = { x: number; y: number; width: number; height: number };

/** The rectangles of an overlay path ("M x,y h w v h h -w Z" pieces), in page pixels. */
async function overlayRects(overlay: Locator): Promise<Box[]> {
  return overlay.evaluate((el) => {
    const path = el as SVGPathElement;
    const m = path.getScreenCTM()!;
    const out: Box[] = [];
    for (const [, x, y, w, h] of (path.getAttribute('d') ?? '').matchAll(/M(-?[\d.]+),(-?[\d.]+)h(-?[\d.]+)v(-?[\d.]+)/g)) {
      const a = new DOMPoint(Number(x), Number(y)).matrixTransform(m);
      const b = new DOMPoint(Number(x) + Number(w), Number(y) + Number(h)).matrixTransform(m);
      out.push({ x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(b.x - a.x), height: Math.abs(b.y - a.y) });
    }
    return out;
  });
}

async function boxOf(mark: Locator): Promise<Box> {
  return mark.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  });
}

const near = (a: number, b: number) => Math.abs(a - b) <= 1;

async function open(page: Page, path: string) {
  await page.goto(`${server.url}${path}`);
  await page.locator('svg[data-testid]').first().waitFor();
}

const segment = (page: Page, year: number, key: string) =>
  page.locator(`[data-testid="bar-segment"][data-col="${year}"][data-row="${key}"]`);

test('a half-estimated bar segment is drawn half hatched, at its top; a spread one dotted whole', async ({ page }) => {
  await open(page, `/?ds=${DS}&from=1981&to=1984`);
  const china = segment(page, 1983, 'China');
  await expect(china).toHaveAttribute('data-estimated', '0.500');
  await expect(china).not.toHaveAttribute('data-dotted', /.*/);
  const box = await boxOf(china);
  const hatched = (await overlayRects(page.getByTestId('bars-hatching'))).filter((r) => near(r.x, box.x) && near(r.y, box.y));
  expect(hatched, 'one hatched piece over the segment').toHaveLength(1);
  expect(near(hatched[0].width, box.width), 'as wide as the segment').toBe(true);
  expect(near(hatched[0].height, box.height / 2), `half its height (${hatched[0].height} of ${box.height})`).toBe(true);

  const soviet = segment(page, 1983, 'Soviet Union');
  await expect(soviet, 'a quarter of the deal, divided by our rule').toHaveAttribute('data-spread', '1.000');
  await expect(soviet).not.toHaveAttribute('data-hatched', /.*/);
  const sBox = await boxOf(soviet);
  const dotted = (await overlayRects(page.getByTestId('bars-dots'))).filter((r) => near(r.x, sBox.x) && near(r.y, sBox.y));
  expect(dotted).toHaveLength(1);
  expect(near(dotted[0].height, sBox.height), 'dotted whole').toBe(true);
  // Each chart's legend lists the markings it draws: the Sankey (the T-72 deal whole in 1981–1984) no dots.
  const legends = page.getByTestId('uncertain-legend');
  await expect(legends.filter({ hasText: "the source's estimates" }), 'Sankey and bars').toHaveCount(2);
  await expect(legends.filter({ hasText: 'divided over delivery years' }), 'the bars only').toHaveCount(1);
  // The tooltips give the shares.
  await china.hover();
  await expect(page.getByTestId('tooltip')).toContainText("50% on the source's estimates");
  await soviet.hover();
  await expect(page.getByTestId('tooltip')).toContainText('100% spread over delivery years by our rule');
});

test('Sankey links and nodes carry their shares; over a range holding the deal whole nothing is spread', async ({ page }) => {
  await open(page, `/?ds=${DS}&from=1981&to=1984`);
  const links = page.getByTestId('sankey-link');
  await expect(page.locator('[data-testid="sankey-link"][data-supplier="China"][data-estimated="0.500"]')).toHaveCount(2);
  await expect(page.locator('[data-testid="sankey-link"][data-dotted]'), 'the T-72 deal lies wholly in 1981–1984').toHaveCount(0);
  const pieces = async (id: string) => ((await page.getByTestId(id).getAttribute('d')) ?? '').split('M').length - 1;
  expect(await pieces('sankey-hatching'), 'one hatched band per hatched link').toBe(
    await links.and(page.locator('[data-hatched]')).count(),
  );
  const hatchedNodes = page.locator('[data-testid="sankey-node"] rect[data-hatched]');
  await expect(hatchedNodes, 'China, the category it delivered and Iran').toHaveCount(3);
  expect(await pieces('sankey-node-hatching')).toBe(3);
  await expect(page.getByTestId('summary')).toContainText('50% of Iran’s TIV 1981–1984 rests on the sources’ estimates.');
  await expect(page.getByTestId('summary')).not.toContainText('Iraq’s TIV 1981–1984');

  // Cut by the range, the deal's years in it are spread values: dotted, and said so.
  await open(page, `/?ds=${DS}&from=1982&to=1984`);
  await expect(page.locator('[data-testid="sankey-link"][data-supplier="Soviet Union"][data-spread="1.000"]')).toHaveCount(2);
  expect(await pieces('sankey-dots')).toBe(await links.and(page.locator('[data-dotted]')).count());
  await expect(page.getByTestId('summary')).toContainText('Of Iraq’s TIV 1982–1984, 100% is spread over delivery years by our rule.');

  // include draws plain marks.
  await open(page, `/?ds=${DS}&from=1982&to=1984&uncertain=include`);
  await expect(page.locator('[data-hatched], [data-dotted]')).toHaveCount(0);
  await expect(page.getByTestId('sankey-hatching')).toHaveCount(0);
  await expect(page.getByTestId('uncertain-legend')).toHaveCount(0);
});

test('the data table and the CSV and JSON downloads carry both shares', async ({ page }) => {
  await open(page, `/?ds=${DS}&from=1981&to=1984`);
  await page.getByTestId('bars-table-toggle').locator('summary').click();
  const row = page
    .getByTestId('bars-table')
    .locator('tbody tr')
    .filter({ has: page.locator('td:nth-child(1):text-is("1983")') });
  const china = row.filter({ has: page.locator('td:nth-child(2):text-is("China")') });
  await expect(china.locator('td:nth-child(5)'), 'Estimated').toHaveText('50%');
  await expect(china.locator('td:nth-child(6)'), 'Spread').toHaveText('0%');
  const soviet = row.filter({ has: page.locator('td:nth-child(2):text-is("Soviet Union")') });
  await expect(soviet.locator('td:nth-child(6)')).toHaveText('100%');

  const csv = await fetchDownload(page, 'bars-download-csv');
  const [header, ...rows] = parseCsv(csv.body.toString('utf8').replace(/^\uFEFF/, ''));
  const at = (name: string) => header.indexOf(name);
  expect(at('estimated_share'), header.join()).toBeGreaterThan(-1);
  const cells = (year: string, supplier: string) => rows.find((c) => c[at('year')] === year && c[at('supplier')] === supplier)!;
  expect(cells('1983', 'China')[at('estimated_share')], 'rounded to three decimals').toBe('0.5');
  expect(cells('1983', 'China')[at('spread_share')]).toBe('0');
  expect(cells('1983', 'Soviet Union')[at('spread_share')]).toBe('1');

  const json = JSON.parse((await fetchDownload(page, 'bars-download-json')).body.toString('utf8')) as { rows: Record<string, unknown>[] };
  const record = json.rows.find((r) => r.year === 1983 && r.supplier === 'China')!;
  expect([record.estimated_share, record.spread_share]).toEqual([0.5, 0]);
});

test('mirrored bars: the estimated part hatched from the outer end, in the tooltip and the table', async ({ page }) => {
  await open(page, `/compare?ds=${DS}&a=Iran&b=Iraq&from=1982&to=1984`);
  const bar = page.locator('[data-testid="butterfly-bar"][data-col="a"][data-row="China"]').first();
  await expect(bar).toHaveAttribute('data-estimated', '0.500');
  const box = await boxOf(bar);
  const [piece] = (await overlayRects(page.getByTestId('butterfly-hatching').first())).filter((r) => near(r.y, box.y));
  expect(near(piece.x, box.x) && near(piece.width, box.width / 2), 'the left half of a bar growing leftwards').toBe(true);
  await expect(page.locator('[data-testid="butterfly-bar"][data-col="b"][data-row="Soviet Union"]').first()).toHaveAttribute(
    'data-spread',
    '1.000',
  );
  await bar.hover();
  await expect(page.getByTestId('tooltip')).toContainText("50% on the source's estimates");
  const row = page
    .getByTestId('suppliers-table')
    .locator('tbody tr')
    .filter({ has: page.locator('td:first-child:text-is("China")') });
  await expect(row.locator('td:nth-child(4)'), 'Iran: estimated').toHaveText('50%');
  await expect(page.getByTestId('compare-summary')).toContainText('50% of Iran’s TIV 1982–1984 rests on the sources’ estimates.');
});
