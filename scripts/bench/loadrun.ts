// Load: 50 connections per route for a fixed time against the production server, with uploads
// running in parallel; the static route measured in the same run.
import { smallRegister } from '../../e2e/fixtures';
import { load, type LoadResult } from './server';
import type { BenchServer, Row } from './util';
import { DASHBOARD } from './server';

export async function benchLoad(
  server: BenchServer,
  seconds: number,
): Promise<{ rows: Row[]; results: Record<string, LoadResult>; uploads: { ok: number; failed: number } }> {
  const routes: Record<string, string> = {
    'static /baseline': '/baseline',
    'dashboard page (full register, Iran+Iraq)': DASHBOARD,
    'GET /api/aggregate (full register)':
      '/api/aggregate?dataset=register-all-2025-03&by=recipient,supplier,year&recipient=Iran,Iraq&measure=tiv',
    'GET /api/deals (full register, Iran)': '/api/deals?dataset=register-all-2025-03&recipient=Iran',
  };
  let running = true;
  const uploads = { ok: 0, failed: 0 };
  const uploader = (async () => {
    for (let i = 0; running; i++) {
      try {
        const res = await fetch(`${server.url}/api/datasets`, {
          method: 'POST',
          headers: { 'content-type': 'text/csv' },
          body: smallRegister(`load ${Date.now()} ${i}`),
        });
        if (res.status === 201 || res.status === 200) uploads.ok++;
        else uploads.failed++;
      } catch {
        uploads.failed++;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const results: Record<string, LoadResult> = {};
  try {
    for (const [name, path] of Object.entries(routes)) results[name] = await load(server.url + path, 50, seconds);
  } finally {
    running = false;
    await uploader;
  }
  const base = results['static /baseline'];
  const rows: Row[] = Object.entries(results).map(([name, r]) => [
    name,
    `${r.rps.toFixed(0)} req/s, ${r.requests} requests`,
    `p50 ${r.p50} ms, p99 ${r.p99} ms (${(r.p99 / Math.max(1, r.p50)).toFixed(1)}× p50)`,
    `errors ${r.errors + r.non2xx}, timeouts ${r.timeouts}${r === base ? '' : `; ${((100 * r.rps) / base.rps).toFixed(0)}% of static`}`,
  ]);
  return { rows, results, uploads };
}
