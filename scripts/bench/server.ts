// Server-side figures: page render against a static page, API throughput against the static route,
// upload end to end against in-process ingest. All measured on one server in one run.
import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';
import { BENCH_CLIENT, BenchServer, median, printTable, REGISTER, timeGets, type Row } from './util';

export const DASHBOARD = '/?ds=register-all-2025-03&recipient=Iran,Iraq';
/** The rankings page on the whole register: every exporter ranked, partners found, over two periods. */
export const RANKINGS = '/rankings?ds=register-all-2025-03';
/** The map on the whole register, every recipient 1950–2024. */
export const MAP = '/map?ds=register-all-2025-03&from=1950&to=2024';

export async function benchRender(server: BenchServer, runs: number): Promise<Row[]> {
  const warm = await timeGets(
    {
      dashboard: server.url + DASHBOARD,
      baseline: `${server.url}/baseline`,
      dynamic: `${server.url}/baseline/dynamic?a=1`,
      model: `${server.url}/baseline/model${DASHBOARD.slice(1)}`,
      rankings: `${server.url}${RANKINGS}`,
      map: `${server.url}${MAP}`,
    },
    runs,
  );
  // A different year range per request: the page model is computed, not served from the cache.
  const cold: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await (await fetch(`${server.url}${DASHBOARD}&from=${1950 + i}&to=2024`)).arrayBuffer();
    cold.push(performance.now() - t);
  }
  const coldMs = median(cold);
  // The rankings page with a new period each request (its answer is not cached: each is computed).
  const rankingsCold: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await (await fetch(`${server.url}${RANKINGS}&from=${1960 + i}&to=${1964 + i}`)).arrayBuffer();
    rankingsCold.push(performance.now() - t);
  }
  const rankingsMs = median(rankingsCold);
  return [
    ['static page /baseline', warm.baseline.toFixed(1), '—', 'baseline'],
    [
      'dashboard, full register, Iran+Iraq (warm)',
      warm.dashboard.toFixed(1),
      '/baseline',
      `${(warm.dashboard / warm.baseline).toFixed(2)}× (target ≤ 3×)`,
    ],
    ['same, a new view each request (model computed)', coldMs.toFixed(1), '/baseline', `${(coldMs / warm.baseline).toFixed(2)}×`],
    // What any page rendered on request costs here: the floor under the dashboard's ratio.
    [
      'for information: a one-line dynamic page /baseline/dynamic',
      warm.dynamic.toFixed(1),
      '/baseline',
      `${(warm.dynamic / warm.baseline).toFixed(2)}×; dashboard ${(warm.dashboard / warm.dynamic).toFixed(2)}× it`,
    ],
    [
      'rankings page, full register, exporters (a new period each request)',
      rankingsMs.toFixed(1),
      '/baseline/dynamic',
      `${(rankingsMs / warm.dynamic).toFixed(2)}× (default period, warm: ${warm.rankings.toFixed(1)} ms)`,
    ],
    ['map page, full register 1950–2024 (warm)', warm.map.toFixed(1), '/baseline/dynamic', `${(warm.map / warm.dynamic).toFixed(2)}×`],
    // The dashboard's model for the same URL, got as the dashboard gets it, and one line rendered:
    // what is left above it is rendering the dashboard's sections (and its CSP proxy).
    [
      'for information: the dashboard’s model, one line rendered /baseline/model',
      warm.model.toFixed(1),
      '/baseline',
      `${(warm.model / warm.baseline).toFixed(2)}×; dashboard ${(warm.dashboard / warm.model).toFixed(2)}× it`,
    ],
  ];
}

export type LoadResult = { rps: number; p50: number; p99: number; errors: number; timeouts: number; non2xx: number; requests: number };

export async function load(
  url: string,
  connections: number,
  seconds: number,
  options: Partial<autocannon.Options> = {},
): Promise<LoadResult> {
  const r = await autocannon({ url, connections, duration: seconds, timeout: 20, ...options });
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    requests: r.requests.total,
  };
}

export async function benchThroughput(server: BenchServer, seconds: number): Promise<Row[]> {
  // A typical chart query on the full register: Iran's and Iraq's suppliers by year.
  const api = `${server.url}/api/aggregate?dataset=register-all-2025-03&by=recipient,supplier,year&recipient=Iran,Iraq&measure=tiv`;
  await fetch(api);
  const staticRoute = await load(`${server.url}/baseline`, 10, seconds);
  const aggregateRoute = await load(api, 10, seconds);
  const row = (what: string, r: LoadResult, ratio: string): Row => [
    what,
    `${r.rps.toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, errors ${r.errors + r.non2xx}`,
    '/baseline',
    ratio,
  ];
  return [
    row('static route /baseline (10 connections)', staticRoute, 'baseline'),
    row(
      'GET /api/aggregate, full register (10 connections)',
      aggregateRoute,
      `${((100 * aggregateRoute.rps) / staticRoute.rps).toFixed(0)}% of static (target ≥ 50%, 0 errors)`,
    ),
  ];
}

export async function benchUpload(server: BenchServer, ingestMs: number, runs: number): Promise<Row[]> {
  const bytes = readFileSync(REGISTER);
  const times: number[] = [];
  // One untimed upload first, as the in-process ingest it is compared with is timed after a warm-up:
  // the server's first upload also compiles the route and the ingest (~250 ms here).
  for (let i = 0; i <= runs; i++) {
    // A different byte content each time (trailing blank lines), so every upload is stored anew.
    const body = Buffer.concat([bytes, Buffer.from('\n'.repeat(i + 1))]);
    const t = performance.now();
    const res = await fetch(`${server.url}/api/datasets`, {
      method: 'POST',
      headers: { ...BENCH_CLIENT, 'content-type': 'text/csv' },
      body,
    });
    const { id } = await res.json();
    const listing = await (await fetch(`${server.url}/api/datasets`, { headers: BENCH_CLIENT })).json();
    if (!listing.datasets.some((d: { id: string }) => d.id === id)) throw new Error('uploaded dataset not listed');
    if (i > 0) times.push(performance.now() - t);
  }
  const ms = median(times);
  return [
    ['in-process ingest of register-all (from above)', ingestMs.toFixed(1), '—', 'baseline'],
    ['upload through POST /api/datasets until listed', ms.toFixed(1), 'ingest', `${(ms / ingestMs).toFixed(2)}× (target ≤ 2×)`],
  ];
}

export function printRows(title: string, rows: Row[], headings?: string[]) {
  printTable(title, rows, headings);
}
