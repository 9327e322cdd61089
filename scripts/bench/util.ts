// Shared helpers of `npm run bench`: medians, interleaved timing, a table printer, a server to measure.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..');
export const SHARED = resolve(ROOT, '..', 'shared', 'data', 'sipri');
export const REGISTER = join(SHARED, 'register-all-2025-03.csv');

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
}

export type Row = [what: string, value: string, against: string, ratio: string];

export function printTable(title: string, rows: Row[], headings = ['what', 'median ms', 'against', 'ratio']): void {
  const widths = headings.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fmt = (r: string[]) => r.map((c, i) => c.padEnd(widths[i])).join(' | ');
  console.log(`\n${title}`);
  console.log(fmt(headings));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const r of rows) console.log(fmt(r));
}

/** A production server on the full SIPRI register (linked, never copied, from ../shared). */
export class BenchServer {
  child: ChildProcess | null = null;
  readonly dataDir = mkdtempSync(join(tmpdir(), 'arms-bench-'));
  constructor(readonly port: number) {
    if (existsSync(REGISTER)) symlinkSync(REGISTER, join(this.dataDir, 'register-all-2025-03.csv'));
  }
  get url() {
    return `http://127.0.0.1:${this.port}`;
  }
  async start(): Promise<void> {
    // A server left on this port (a killed run) would answer in place of ours, with its own heap and data.
    const stale = await fetch(`${this.url}/baseline`).then(
      () => true,
      () => false,
    );
    if (stale) throw new Error(`port ${this.port} is taken (a server left from an earlier run?): stop it or set BENCH_PORT`);
    this.child = spawn(process.execPath, [join(ROOT, 'node_modules/next/dist/bin/next'), 'start', '-p', String(this.port)], {
      cwd: ROOT,
      // Measured uploads come many a minute from one address: no rate limit here.
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', DATA_DIR: this.dataDir, BENCH: '1', UPLOAD_RATE_PER_MIN: '0' },
      stdio: 'ignore',
      detached: true,
    });
    for (let i = 0; i < 200; i++) {
      try {
        if ((await fetch(`${this.url}/baseline`)).ok) return;
      } catch {
        // starting
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the benchmark server did not start');
  }
  stop(): void {
    if (this.child?.pid) process.kill(-this.child.pid, 'SIGKILL');
    this.child = null;
  }
}

/** Time sequential GETs of several URLs, interleaved, and return each one's median in ms. */
export async function timeGets(urls: Record<string, string>, runs: number): Promise<Record<string, number>> {
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(urls).map((k) => [k, []]));
  for (const url of Object.values(urls)) await (await fetch(url)).arrayBuffer();
  for (let r = 0; r < runs; r++) {
    for (const [name, url] of Object.entries(urls)) {
      const t = performance.now();
      const res = await fetch(url);
      await res.arrayBuffer();
      times[name].push(performance.now() - t);
      if (!res.ok) throw new Error(`${url} answered ${res.status}`);
    }
  }
  return Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
}

/** One client throughout the benchmark: an upload is listed only for whoever sent it, and this bearer token owns them. */
export const BENCH_CLIENT = { authorization: 'Bearer bench-client-3e9b1f7c5a2d4e6f8a0b' };
