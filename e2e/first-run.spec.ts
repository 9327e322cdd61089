import { expect, test } from '@playwright/test';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expectImporterTable } from './importer-table';
import { smallRegister } from './fixtures';
import { ReconcilePage } from './pages/reconcile-page';
import { ServerProcess } from './server-process';
import { SipriStandIn, wrapAsAnswer } from './sipri-stand-in';
import { needsShared } from './support';

// A fresh machine: an empty DATA_DIR, nothing from ../shared in the data folders, and SIPRI's data
// service played by a local stand-in. Everything here but the last test runs without ../shared.
test.describe.configure({ mode: 'serial' });

const SHARED = resolve(__dirname, '..', '..', 'shared', 'data', 'sipri');
const RECORDED_FILE = join(SHARED, 'api', 'trade-register-csv-deliveries-2000-2001.json');
// SIPRI's recorded answer where ../shared is there; else the bundled extract, wrapped the same way.
const ANSWER = existsSync(RECORDED_FILE)
  ? { body: readFileSync(RECORDED_FILE), generated: '10 Feb 2025', time: '10:52:58 AM', records: '1,414' }
  : {
      body: wrapAsAnswer(readFileSync(resolve(__dirname, '..', 'data', 'sipri-iran-iraq-deliveries-1950-1989.csv'))),
      generated: '16 Apr 2024',
      time: '10:05:18 PM',
      records: '1,397',
    };
const standIn = new SipriStandIn();
let dataDir = '';
let server: ServerProcess;

test.beforeAll(async () => {
  await standIn.start();
  dataDir = mkdtempSync(join(tmpdir(), 'arms-first-run-'));
  server = new ServerProcess(3121, { DATA_DIR: dataDir, SIPRI_API_URL: standIn.url, SIPRI_API_TIMEOUT_S: '2' });
  await server.start();
});

test.afterAll(async () => {
  server?.kill();
  await standIn.stop();
});

const uploads = () => readdirSync(join(dataDir, 'uploads')).filter((f) => !f.startsWith('.tmp'));
const fetchSipri = (body: unknown) =>
  fetch(`${server.url}/api/datasets/sipri`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

test('the dashboard opens on SIPRI’s deliveries to Iran and Iraq, 1980–1988, credited', async ({ page }) => {
  await page.goto(`${server.url}/`);
  await page.locator('.arms-sankey').first().waitFor();
  await expect(page.getByTestId('summary'), 'both sides in the summary').toContainText('Soviet Union supplied 59% of Iraq’s imports');
  await expect(page.getByTestId('summary')).toContainText('China supplied 39% of Iran’s imports');
  await expect(page.locator('[data-testid="sankey-node"][data-id="recipient:Iraq"]'), 'Iraq is drawn').toHaveCount(1);
  await expect(page.locator('[data-testid="sankey-node"][data-id="recipient:Iran"]'), 'Iran is drawn').toHaveCount(1);
  await expect(page.getByTestId('summary'), 'the war’s years, in TIV').toContainText('By SIPRI TIV (millions), 1980–1988');
  await expect(page.getByText('Data: SIPRI: deliveries to Iran and Iraq, 1950–1989 (extract)')).toBeVisible();
  await expect(page.locator('footer'), 'SIPRI’s credit line on the page').toContainText(
    'Information from the SIPRI Arms Transfers Database',
  );
  await page.goto(`${server.url}/?from=1990&to=2000`);
  await expect(page.getByTestId('coverage-note'), 'after 1989, the page says how to get more').toContainText('no deliveries after 1989');
  await expect(page.getByTestId('coverage-note')).toContainText('Get SIPRI’s data');
  const api = await (await fetch(`${server.url}/api/aggregate?by=recipient&measure=tiv`)).json();
  expect(api.meta.datasets[0].id, 'the API’s default dataset is the dashboard’s').toBe('sipri-iran-iraq-deliveries-1950-1989');
  expect(api.meta.citation, 'the credit line in every download').toContain('Information from the SIPRI Arms Transfers Database');
});

test('the comparison draws both sides from the extract, and the claim check on SIPRI’s data', async ({ page }) => {
  await page.goto(`${server.url}/compare`);
  const summary = page.getByTestId('compare-summary');
  await expect(summary).toContainText('Iran’s largest supplier was China (39%)');
  await expect(summary).toContainText('Iraq’s largest supplier was Soviet Union (59%)');
  await expect(page.getByTestId('claim-check'), 'North Korea’s share of Iran’s TIV').toContainText('20%');
  const rows = await (await fetch(`${server.url}/api/aggregate?by=recipient,supplier&measure=tiv&from=1980&to=1988`)).json();
  const value = (recipient: string, supplier: string) =>
    Math.round(rows.rows.find((r: { recipient: string; supplier: string }) => r.recipient === recipient && r.supplier === supplier)?.value);
  expect([value('Iraq', 'Soviet Union'), value('Iraq', 'France'), value('Iraq', 'China')]).toEqual([16973, 4699, 4270]);
  expect([value('Iran', 'China'), value('Iran', 'North Korea')]).toEqual([1943, 996]);
});

test('each featured view opens on what its caption says', async ({ page }) => {
  const expectations: [string, (p: typeof page) => Promise<void>][] = [
    [
      'North Korea → Iran, 1982–1987, as quoted',
      async (p) => expect(p.getByText('Data: North Korea → Iran, trade register 1982–1987')).toBeVisible(),
    ],
    [
      'What North Korea delivered to Iran',
      async (p) => {
        await expect(p.getByTestId('summary')).toContainText('1982–1987');
        await expect(p.getByRole('button', { name: 'category', pressed: true }), 'stacked by kind of weapon').toBeVisible();
      },
    ],
    [
      'The Scud-B chain',
      async (p) => {
        await expect(p.locator('[data-testid="sankey-node"][data-id="supplier:Soviet Union"]'), 'Soviet Union supplies').toHaveCount(1);
        await expect(p.locator('[data-testid="sankey-node"][data-id="recipient:North Korea"]'), 'North Korea receives').toHaveCount(1);
      },
    ],
    ['Who armed both sides', async (p) => expect(p.getByTestId('both-only')).toBeChecked()],
    ['The quoted register against SIPRI’s data', async (p) => expect(p.getByTestId('reconcile-row')).toHaveCount(10)],
  ];
  for (const [title, check] of expectations) {
    await page.goto(`${server.url}/`);
    await page.getByTestId('featured-views').getByRole('link', { name: title }).click();
    await check(page);
    await expect(page.getByTestId('notices'), `${title}: no parameter was refused`).toHaveCount(0);
  }
});

test('the sources view lines up the ten quoted lines against SIPRI’s data, each with its deals', async ({ page }) => {
  const view = new ReconcilePage(page);
  await view.open(server.url);
  await expect(view.summary).toContainText('10 weapons, 10 matched on both sides');
  await expect(view.rows).toHaveCount(10);
  await expect(page.locator('[data-testid="reconcile-row"][data-match^="only"]'), 'no line on one side only').toHaveCount(0);
  const malyutka = view.row('Malyutka');
  await expect(malyutka).toContainText('4,000');
  await expect(malyutka).toContainText('2,000');
  await expect(malyutka).toContainText('-2,000');
  await expect(view.row('R-17 Elbrus')).toContainText('by designation');
  await malyutka.locator('summary').click();
  await expect(malyutka.getByTestId('reconcile-deals'), 'each side’s deal').toContainText('Malyutka anti-tank missile: 4000 delivered');
  await expect(view.source).toContainText('Information from the SIPRI Arms Transfers Database');
  const csvLink = await page.getByTestId('reconcile-download-csv').getAttribute('href');
  const csv = await fetch(`${server.url}${csvLink}`);
  expect(csv.headers.get('content-type'), 'the table as CSV').toContain('text/csv');
  expect((await csv.text()).trim().split('\r\n'), 'a header and the ten rows').toHaveLength(11);
  // A bad parameter is named, and the default shown.
  await view.open(server.url, 'from=abc&a=atlantis');
  await expect(view.notices).toContainText('Parameter from: "abc" is not a year');
  await expect(view.notices).toContainText('Parameter a: no dataset "atlantis"');
  await expect(view.rows).toHaveCount(10);
});

test('GET /api/reconcile: one row per weapon as JSON and CSV; bad parameters answer 400 by name', async () => {
  const res = await fetch(`${server.url}/api/reconcile?supplier=DPRK&recipient=Iran&from=1982&to=1987`);
  expect(res.status).toBe(200);
  const body = await res.json();
  expect(body.rows).toHaveLength(10);
  const tanks = body.rows.find((r: { weapon: string }) => r.weapon === 'T-62 (tank)');
  expect(tanks).toMatchObject({ category: 'Armoured vehicles', match: 'description', a_units: 150, b_units: 200, a_tiv: null, b_tiv: 360 });
  const bytes = Buffer.from(await (await fetch(`${server.url}/api/reconcile?format=csv`)).arrayBuffer());
  expect([...bytes.subarray(0, 3)], 'a BOM, for spreadsheets').toEqual([0xef, 0xbb, 0xbf]);
  const csv = bytes.subarray(3).toString('utf8');
  expect(csv.split('\r\n')[0]).toBe(
    'weapon,category,match,a_weapons,b_weapons,a_units,b_units,difference,a_years,b_years,a_tiv,b_tiv,a_deals,b_deals',
  );
  expect(csv.trim().split('\r\n')).toHaveLength(11);
  for (const [query, param] of [
    ['a=nope', 'a'],
    ['to=19x', 'to'],
    ['format=xml', 'format'],
    ['a=sipri-iran-iraq-deliveries-1950-1989', 'b'],
  ]) {
    const bad = await fetch(`${server.url}/api/reconcile?${query}`);
    expect(bad.status, query).toBe(400);
    expect((await bad.json()).param, query).toBe(param);
  }
});

test('Get SIPRI’s data: progress while it downloads, then the dataset, stored as an upload', async ({ page }) => {
  test.setTimeout(60_000);
  standIn.answer = { kind: 'slow', body: ANSWER.body, chunks: 8, delayMs: 150 };
  standIn.requests.length = 0;
  await page.goto(`${server.url}/`);
  const panel = page.getByTestId('sipri-fetch');
  await panel.getByLabel('from').fill('2000');
  await panel.getByLabel('to').fill('2001');
  await panel.getByRole('button', { name: 'Get SIPRI’s data' }).click();
  await expect(panel.getByTestId('sipri-progress'), 'the download’s progress').toContainText('Downloading…');
  await expect(panel.getByTestId('sipri-report'), 'the ingest report').toContainText(
    `SIPRI deliveries 2000–2001, data generated ${ANSWER.generated}`,
  );
  await expect(panel.getByTestId('sipri-counts')).toContainText(`Records read: ${ANSWER.records}`);
  await expect(page, 'the dashboard shows it').toHaveURL(/\?ds=u-[0-9a-f]{32}/);
  await expect(page.getByText(`Data: SIPRI deliveries 2000–2001, data generated ${ANSWER.generated}`)).toBeVisible();
  // What the client asked for: SIPRI's own filters, the delivery years from–to.
  expect(standIn.requests).toHaveLength(1);
  expect(standIn.requests[0].contentType).toBe('application/json');
  const sent = JSON.parse(standIn.requests[0].body);
  expect(sent.filters[0]).toEqual({ field: 'Delivery year', condition: 'contains', value1: 2000, value2: 2001, listData: [] });
  expect(sent.filters[1]).toMatchObject({ field: 'Order year', value1: 0, value2: 2001 });
  expect(sent.logic).toBe('AND');
  expect(uploads(), 'stored like an upload: the file and its metadata').toHaveLength(2);
  await expect(panel.getByTestId('sipri-share'), 'private, with its link').toContainText('Private: listed only in this browser');
  // Listed for this browser (page.request carries its cookies), not for another client.
  const listed = (await (await page.request.get(`${server.url}/api/datasets`)).json()).datasets.find(
    (d: { origin: string }) => d.origin === 'uploaded',
  );
  expect(listed).toMatchObject({
    format: 'sipri-deliveries',
    records: Number(ANSWER.records.replace(',', '')),
    generated: `${ANSWER.generated} ${ANSWER.time}`,
    access: { published: false, yours: true },
  });
  const elsewhere = (await (await fetch(`${server.url}/api/datasets`)).json()).datasets;
  expect(
    elsewhere.map((d: { id: string }) => d.id),
    'another client does not see it listed',
  ).not.toContain(listed.id);
});

test('every failure of the service is named, and nothing is stored', async () => {
  const before = uploads().length;
  const cases: [SipriStandIn['answer'], number, RegExp][] = [
    [{ kind: 'drop' }, 504, /could not be reached/],
    [{ kind: 'hang' }, 504, /did not answer within 2 s/],
    [{ kind: 'status', status: 500 }, 502, /answered HTTP 500/],
    [{ kind: 'raw', body: '<html>down for maintenance</html>' }, 502, /not JSON/],
    [{ kind: 'raw', body: '{"data": "x"}' }, 502, /no "bytes"/],
    [{ kind: 'raw', body: '{"bytes": "***"}' }, 502, /not valid base64/],
    [{ kind: 'json', body: wrapAsAnswer(Buffer.from(smallRegister('deal level'))) }, 502, /not a delivery-level export/],
    [{ kind: 'json', body: wrapAsAnswer(Buffer.from('hello, world\n')) }, 502, /bytes that are not a delivery-level export/],
  ];
  for (const [answer, status, detail] of cases) {
    standIn.answer = answer;
    const res = await fetchSipri({ from: 1990, to: 1991 });
    const body = await res.json();
    expect(res.status, `${answer.kind}: ${body.detail}`).toBe(status);
    expect(body.detail, answer.kind).toMatch(detail);
  }
  expect(uploads(), 'nothing stored').toHaveLength(before);
  for (const [body, param] of [
    [{ from: 1900 }, 'from'],
    [{ from: 1990, to: 1980 }, 'from'],
    [{ to: 'soon' }, 'to'],
  ] as const) {
    const res = await fetchSipri(body);
    expect(res.status, JSON.stringify(body)).toBe(400);
    expect((await res.json()).param).toBe(param);
  }
  const notJson = await fetch(`${server.url}/api/datasets/sipri`, { method: 'POST', body: 'from=1950' });
  expect(notJson.status).toBe(400);
});

test('one fetch at a time: a second answers 409 while the first runs', async () => {
  standIn.answer = { kind: 'slow', body: ANSWER.body, chunks: 8, delayMs: 150 };
  const first = fetchSipri({ from: 2000, to: 2001 });
  await expect.poll(async () => (await (await fetch(`${server.url}/api/datasets/sipri`)).json()).fetching?.phase).toBeTruthy();
  const second = await fetchSipri({ from: 1950, to: 1960 });
  expect(second.status).toBe(409);
  expect((await second.json()).detail).toContain('2000–2001 is being fetched');
  expect((await first).status, 'the same content from another client (not the browser above): its own upload').toBe(201);
});

test('a failed fetch in the panel says why and offers the upload instead', async ({ page }) => {
  standIn.answer = { kind: 'status', status: 503 };
  await page.goto(`${server.url}/`);
  await page.getByTestId('sipri-fetch').getByRole('button', { name: 'Get SIPRI’s data' }).click();
  const error = page.getByTestId('sipri-error');
  await expect(error).toContainText('answered HTTP 503');
  await expect(error).toContainText('load the file above');
});

test('the 1950–1989 export fetched through the service reproduces SIPRI’s importer table', async () => {
  const file = 'deliveries-1950-1989-2024-04.csv';
  test.skip(!!needsShared(file), needsShared(file) || '');
  standIn.answer = { kind: 'json', body: wrapAsAnswer(readFileSync(join(SHARED, file))) };
  const res = await fetchSipri({ from: 1950, to: 1989 });
  expect(res.status).toBe(201);
  const { id, name, records } = await res.json();
  expect(records).toBe(31319);
  expect(name).toBe('SIPRI deliveries 1950–1989, data generated 16 Apr 2024');
  const { rows } = await (await fetch(`${server.url}/api/aggregate?dataset=${id}&by=recipient,year&measure=tiv&from=1950&to=1989`)).json();
  expectImporterTable(rows);
});
