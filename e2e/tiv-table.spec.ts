import { expect, test, type APIRequestContext } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseTivTable } from '../lib/ingest/tiv-table';
import { fetchDownload, needsShared, parseCsv } from './support';

const SHARED = resolve(__dirname, '..', '..', 'shared', 'data', 'sipri');
const TABLE = 'tiv-importers-1950-2024-2024-10.csv';
const DELIVERIES = 'deliveries-1950-1989-2024-04.csv';
// One client for the whole file: its uploads are its own, and open by link for the pages.
const CLIENT = { authorization: 'Bearer e2e-tiv-table-client-0123456789abcdef' };

async function upload(request: APIRequestContext, text: string | Buffer, name: string) {
  return request.post('/api/datasets', {
    headers: { 'content-type': 'text/csv', 'x-filename': name, ...CLIENT },
    data: typeof text === 'string' ? Buffer.from(text) : text,
  });
}

type Row = { country: string; tiv: number; share: number; change: number | null; rank: number; previous_tiv: number | null };

test.describe("SIPRI's TIV tables as datasets", () => {
  test('the importer table uploads, its totals check passes, and every cell comes back through /api/aggregate', async ({ request }) => {
    test.skip(!!needsShared(TABLE), needsShared(TABLE) || '');
    const bytes = readFileSync(join(SHARED, TABLE));
    const res = await upload(request, bytes, TABLE);
    expect([200, 201]).toContain(res.status());
    const body = await res.json();
    expect(body.format).toBe('sipri-tiv-table');
    expect(body.report.recordsRead).toBe(262);
    expect(body.report.recordsRead).toBe(body.report.recordsProduced + body.report.skipped);
    const entries: { reason: string }[] = body.report.entries;
    expect(entries.map((e) => e.reason).join('\n')).toMatch(/"Total world import": the table's total row, not data; it equals the sum/);

    const rows = (await (await request.get(`/api/aggregate?dataset=${body.id}&by=recipient,year&measure=tiv`, { headers: CLIENT })).json())
      .rows as { recipient: string; year: number; value: number }[];
    const ours = new Map(rows.map((r) => [`${r.recipient}|${r.year}`, r.value]));
    const table = parseTivTable(bytes.toString('latin1'));
    let cells = 0;
    for (const [name, byYear] of table.rows)
      for (const year of table.years) {
        const published = byYear.get(year);
        const got = ours.get(`${name}|${year}`);
        if (published === undefined) expect(got, `${name} ${year}: empty in the table`).toBeUndefined();
        else {
          cells++;
          expect(got, `${name} ${year}`).toBe(published.value);
        }
      }
    expect(rows.length, 'no cell the table does not have').toBe(cells);
    expect(cells).toBeGreaterThan(7000);
  });

  test('a tampered total row is reported with the year; a table of neither shape answers 422 naming what it lacks', async ({ request }) => {
    test.skip(!!needsShared(TABLE), needsShared(TABLE) || '');
    const text = readFileSync(join(SHARED, TABLE), 'latin1');
    const tampered = text.replace(/^Total world import,8130,/m, 'Total world import,9130,');
    expect(tampered).not.toBe(text);
    const res = await upload(request, tampered, 'tampered.csv');
    expect([200, 201]).toContain(res.status());
    const reasons = ((await res.json()).report.entries as { reason: string; line: number }[])
      .map((e) => `${e.line}: ${e.reason}`)
      .join('\n');
    expect(reasons).toMatch(
      /272: "Total world import": .*differs from the sum of the cells by more than rounding in 1 year \(1950: 9130, the cells sum to 8128\)/,
    );

    const neither = await upload(request, 'Country,1980,1981\nIran,278,487\n', 'neither.csv');
    expect(neither.status()).toBe(422);
    expect((await neither.json()).detail).toMatch(/line 1 heads a table of years, but nothing says whose its rows are/);
  });

  test('rankings of importers 1985–1989 from the delivery export and from the table agree', async ({ request }) => {
    test.skip(!!needsShared(TABLE) || !!needsShared(DELIVERIES), needsShared(TABLE) || needsShared(DELIVERIES) || '');
    test.setTimeout(120_000);
    const [table, deliveries] = await Promise.all([
      upload(request, readFileSync(join(SHARED, TABLE)), TABLE).then((r) => r.json()),
      upload(request, readFileSync(join(SHARED, DELIVERIES)), DELIVERIES).then((r) => r.json()),
    ]);
    const rank = async (id: string) => {
      const res = await request.get(`/api/rankings?dataset=${id}&side=importers&from=1985&to=1989&top=30`, { headers: CLIENT });
      expect(res.status()).toBe(200);
      return (await res.json()) as { meta: { previous: { from: number; to: number }; world: number }; rows: Row[] };
    };
    const [a, b] = await Promise.all([rank(deliveries.id), rank(table.id)]);
    expect(a.meta.previous).toEqual({ from: 1980, to: 1984 });
    expect(Math.abs(a.meta.world - b.meta.world), 'world totals within rounding').toBeLessThan(100);
    const theirs = new Map(b.rows.map((r) => [r.country, r]));
    for (const ours of a.rows.slice(0, 25)) {
      const t = theirs.get(ours.country);
      expect(t, `${ours.country} in the table's top 30`).toBeDefined();
      expect(Math.abs(ours.tiv - t!.tiv), `${ours.country} TIV`).toBeLessThanOrEqual(3);
      expect(Math.abs(ours.share - t!.share), `${ours.country} share`).toBeLessThan(0.0005);
      expect(Math.abs(ours.change! - t!.change!), `${ours.country} change`).toBeLessThan(0.01);
    }
    expect(a.rows[0]).toMatchObject({ rank: 1, country: 'India' });
    const exporters = await request.get(`/api/rankings?dataset=${table.id}&side=exporters`, { headers: CLIENT });
    expect(exporters.status(), 'an importer table names no exporters').toBe(422);
    expect((await exporters.json()).detail).toContain('names no exporters');
  });

  test('the rankings page: sort, URL state, CSV download with the credit line, a bad parameter named', async ({ page }, testInfo) => {
    await page.goto('/rankings');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Exporters of major arms, 1985–1989');
    const rows = page.getByTestId('rankings-row');
    await expect(rows.first()).toContainText('Soviet Union');
    const countries = async () => (await rows.locator('td:nth-child(2)').allTextContents()).map((s) => s.trim());
    const byTiv = await countries();
    expect(byTiv.length).toBeGreaterThan(5);
    await page.getByTestId('sort-country').click();
    await expect(page).toHaveURL(/\/rankings\?sort=country$/);
    await expect.poll(countries).toEqual([...byTiv].sort((x, y) => x.localeCompare(y)));
    await page.getByTestId('sort-country').click();
    await expect(page).toHaveURL(/sort=country&dir=desc/);
    await expect.poll(countries).toEqual([...byTiv].sort((x, y) => y.localeCompare(x)));
    await page.reload();
    await expect.poll(countries, 'the order survives a reload').toEqual([...byTiv].sort((x, y) => y.localeCompare(x)));

    await page.getByLabel('Rank').selectOption('importers');
    await page.getByLabel('Top').fill('2');
    await page.getByRole('button', { name: 'Show' }).click();
    await expect(page).toHaveURL(/side=importers/);
    await expect(page).toHaveURL(/top=2/);
    await expect(rows).toHaveCount(2);
    await expect(page.getByTestId('share-bar')).toHaveCount(2);
    const { name, body } = await fetchDownload(page, 'rankings-csv');
    expect(name).toMatch(/^rankings-importers-1985-1989-.*\.csv$/);
    const csv = parseCsv(body.toString('utf8').replace(/^\uFEFF/, ''));
    expect(csv[0]).toEqual(['rank', 'country', 'tiv', 'share', 'previous_tiv', 'change', 'partners']);
    expect(csv[1][1]).toBe('Iraq');
    expect(Number(csv[1][3])).toBeGreaterThan(0.5);
    expect(csv[1][6], 'main suppliers with shares').toMatch(/^Soviet Union \d+%; /);
    expect(body.toString('utf8')).toContain('Information from the SIPRI Arms Transfers Database');
    await page.screenshot({ path: testInfo.outputPath('rankings.png'), fullPage: true });

    await page.goto('/rankings?top=9999&sort=colour');
    await expect(page.getByTestId('notices')).toContainText('top');
    await expect(page.getByTestId('notices')).toContainText('"colour" is not a column to sort by');
    await expect(rows.first(), 'the page still answers, with its defaults').toContainText('Soviet Union');
  });

  test('a TIV table on the dashboard: bars drawn, a drill-down says it holds totals only', async ({ page, request }, testInfo) => {
    test.skip(!!needsShared(TABLE), needsShared(TABLE) || '');
    const { id } = await (await upload(request, readFileSync(join(SHARED, TABLE)), TABLE)).json();
    await page.goto(`/?ds=${id}&recipient=India&from=2015&to=2023&d.recipient=India`);
    await expect(page.getByTestId('drill-totals-only')).toContainText('holds totals only; load a register for the deals');
    await expect(page.getByTestId('drill-panel')).toContainText('0 deals');
    await expect(page.getByTestId('sankey-world-table')).toContainText('a world TIV table gives each country’s total, not its partners');
    await expect(page.getByTestId('summary')).toContainText('India received');
    await expect(page.locator('[data-testid=bars-svg] [data-testid=bar-segment]').first()).toBeVisible();
    const deals = await (await request.get(`/api/deals?dataset=${id}&recipient=India`, { headers: CLIENT })).json();
    expect(deals.deals).toEqual([]);
    expect(deals.meta.totalsOnly[0]).toContain('holds totals only; load a register for the deals');
    await page.screenshot({ path: testInfo.outputPath('dashboard-tiv-table.png'), fullPage: true });
  });

  test("a country's partners table: real pairs, so the comparison and the Sankey draw them", async ({ page, request }) => {
    const partners = [
      'TIV of arms exports from China, 1980-1984',
      'Generated: 2022-03-14',
      '',
      ',1980,1981,1982,1983,1984,Total,',
      'Iran,,,120,300,250,670,',
      'Iraq,400,500,600,0 ,,1500,',
      'Pakistan,200,150,,,90,440,',
      '',
      'Total,600,650,720,300,340,2610,',
    ].join('\n');
    const res = await upload(request, partners, 'china-partners.csv');
    expect(res.status()).toBe(201);
    const { id, report } = await res.json();
    expect(report.entries).toHaveLength(1);
    await page.goto(`/compare?ds=${id}&from=1980&to=1984`);
    await expect(page.getByTestId('compare-summary')).toContainText('Iran’s largest supplier was China (100%)');
    await expect(page.getByTestId('compare-summary')).toContainText('Iraq’s largest supplier was China (100%)');
    await page.goto(`/?ds=${id}&from=1980&to=1984`);
    await expect(page.getByTestId('summary')).toContainText('China supplied 100% of Iraq’s imports');
    await expect(page.getByTestId('sankey-world-table'), 'a partners table has pairs').toHaveCount(0);
  });

  test("the bars' five-year moving average: a toggle in the URL, a note, a bad value named", async ({ page }) => {
    await page.goto('/?from=1985&to=1988');
    await page.getByTestId('average').click();
    await expect(page).toHaveURL(/avg=5/);
    await expect(page.getByTestId('average-note')).toContainText('Each year averages it and the four before');
    await expect(page.getByRole('heading', { name: /five-year moving average/ })).toBeVisible();
    const csvLink = await page.getByTestId('bars-download-csv').getAttribute('href');
    expect(csvLink, "the bars' download holds the averages drawn").toContain('average=5');
    // Iran 1984 averaged = the mean of its yearly TIV 1980–1984, from the same API.
    const get = async (q: string) => (await (await page.request.get(`/api/aggregate?by=year&recipient=Iran&measure=tiv&${q}`)).json()).rows;
    const yearly: { year: number; value: number }[] = await get('from=1980&to=1984');
    const [avg] = await get('from=1984&to=1984&average=5');
    expect(avg.year).toBe(1984);
    expect(avg.value).toBeCloseTo(yearly.reduce((s, r) => s + r.value, 0) / 5, 6);
    expect((await page.request.get('/api/aggregate?by=supplier&average=5')).status(), 'an average needs years').toBe(400);
    await page.goto('/?avg=3');
    await expect(page.getByTestId('notices')).toContainText('the moving average is over 5 years');
  });
});
