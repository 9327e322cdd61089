// npm run bench: every figure against a baseline measured in the same run (these machines are
// shared and noisy: only ratios within one run mean anything). Needs ../shared/data/sipri and a build.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { benchBrowser } from './bench/browser';
import { benchIngest } from './bench/ingest';
import { benchLoad } from './bench/loadrun';
import { benchRender, benchThroughput, benchUpload, printRows } from './bench/server';
import { benchSipriFetch, DELIVERIES } from './bench/sipri';
import { BenchServer, REGISTER, ROOT } from './bench/util';
import { SipriStandIn } from '../e2e/sipri-stand-in';

async function main() {
  if (!existsSync(REGISTER)) {
    console.log(`skipped: ${REGISTER} is absent (the benchmark reads the real SIPRI register from ../shared)`);
    return;
  }
  const ingestMs = benchIngest();
  if (process.env.BENCH_SERVER === '0') return;
  // Built here with BENCH=1: the static baseline page exists only in such a build (app/baseline/bench-only.ts).
  if (process.env.BENCH_BUILD !== '0')
    execSync('npx next build', { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  // The server asks this local stand-in for SIPRI's data: nothing leaves the machine.
  const standIn = new SipriStandIn();
  await standIn.start();
  process.env.SIPRI_API_URL = standIn.url;
  const server = new BenchServer(Number(process.env.BENCH_PORT ?? 3300));
  await server.start();
  try {
    const runs = Number(process.env.BENCH_RUNS ?? 15);
    printRows('Server render (median of sequential requests, once warm)', await benchRender(server, runs));
    // Browser rounds are cheap and noisier (an occasional frame doubles): more of them for a steadier median.
    printRows('Browser (Chromium)', await benchBrowser(server, runs));
    printRows('HTTP throughput (autocannon)', await benchThroughput(server, Number(process.env.BENCH_SECONDS ?? 5)), [
      'route',
      'result',
      'against',
      'ratio',
    ]);
    printRows('Upload end to end (median of 9, after one untimed upload)', await benchUpload(server, ingestMs, 9));
    if (existsSync(DELIVERIES))
      printRows(
        'SIPRI fetch end to end (median of 9 each, alternated, after one untimed of each)',
        await benchSipriFetch(server, standIn, 9),
      );
    if (process.env.BENCH_LOAD !== '0') {
      const seconds = Number(process.env.BENCH_LOAD_SECONDS ?? 20);
      const { rows, uploads } = await benchLoad(server, seconds);
      printRows(
        `Load: 50 connections × ${seconds} s per route, uploads in parallel (${uploads.ok} stored, ${uploads.failed} failed)`,
        rows,
        ['route', 'throughput', 'latency', 'errors'],
      );
    }
  } finally {
    server.stop();
    await standIn.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
