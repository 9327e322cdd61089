import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { applyAll, mutations } from '../lib/fuzz/mutations';
import { ServerProcess } from './server-process';

const RUNS = Number(process.env.FUZZ_API_RUNS ?? 120);
const SHARED = resolve(__dirname, '..', '..', 'shared', 'data', 'sipri');
const ALLOWED = [200, 201, 400, 413, 415, 422];

function seeds(): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const f of ['register-all-2025-03.csv', 'deliveries-1950-1989-2024-04.csv']) {
    try {
      const b = readFileSync(join(SHARED, f));
      out.push(new Uint8Array(b.subarray(0, b.indexOf(0x0a, 30_000) + 1)));
    } catch {
      // ../shared absent: the bundled registers still seed the run
    }
  }
  const data = resolve(__dirname, '..', 'data');
  for (const f of readdirSync(data).filter((n) => n.endsWith('.csv'))) out.push(new Uint8Array(readFileSync(join(data, f))));
  return out;
}

async function heapUsed(url: string): Promise<number> {
  return (await (await fetch(`${url}/api/health`)).json()).memory.heapUsed;
}

test(`fuzz the upload API: ${RUNS} mutated files answer 201/200/400/413/415/422 with JSON, never 500, memory back to baseline`, async () => {
  test.setTimeout(Math.max(120_000, RUNS * 1500));
  const server = new ServerProcess(3115, {
    DATA_DIR: mkdtempSync(join(tmpdir(), 'arms-fuzz-')),
    ARMS_EXPOSE_GC: '1',
    NODE_OPTIONS: '--expose-gc',
    UPLOAD_LIMIT_MB: '5',
  });
  await server.start();
  try {
    const all = seeds();
    const cases = fc.sample(fc.tuple(fc.integer({ min: 0, max: all.length - 1 }), mutations), {
      numRuns: RUNS,
      seed: Number(process.env.FUZZ_SEED ?? 42),
    });
    await heapUsed(server.url);
    const before = await heapUsed(server.url);
    const statuses: Record<number, number> = {};
    for (const [i, ms] of cases) {
      const body = applyAll(all[i], ms);
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), 30_000);
      const res = await fetch(`${server.url}/api/datasets`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv' },
        body: Buffer.from(body),
        signal: controller.signal,
      });
      clearTimeout(timer);
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      expect(ALLOWED, `status ${res.status}`).toContain(res.status);
      expect(res.headers.get('content-type')).toContain('application/json');
      await res.json();
    }
    const after = await heapUsed(server.url);
    console.log(`statuses: ${JSON.stringify(statuses)}; heap before ${(before / 1e6).toFixed(0)} MB, after ${(after / 1e6).toFixed(0)} MB`);
    // Bounded caches may keep some results; unbounded growth would show as hundreds of MB.
    expect(after - before, 'memory returns near its baseline').toBeLessThan(150e6);
  } finally {
    server.kill();
  }
});
