// One contender of the ingest benchmark, timed in a process of its own (run by ./ingest.ts):
// `node --import tsx scripts/bench/ingest-child.ts <papa|ingest> <copies> <runs>` prints the median
// of <runs> timed runs over the register repeated <copies> times (after one warm-up) as JSON. In a process of its own a contender
// pays for its own garbage only: timed side by side in one heap, each paid for the other's
// collections (papaparse's median moved 34 → 47 ms depending on what ran before it).
import { readFileSync } from 'node:fs';
import { PerformanceObserver } from 'node:perf_hooks';
import Papa from 'papaparse';
import { ingestRegister } from '../../lib/ingest';
import { median, REGISTER } from './util';

/** The register with its records repeated n times (one preamble and header), as Latin-1 bytes. */
export function repeatRegister(bytes: Buffer, n: number): Buffer {
  const lines = bytes.toString('latin1').split('\n');
  const records = lines.slice(12).filter((l) => l !== '');
  return Buffer.from([...lines.slice(0, 12), ...Array.from({ length: n }, () => records)].flat().join('\n') + '\n', 'latin1');
}

export const CONTENDERS = {
  papa: (bytes: Buffer) => Papa.parse(new TextDecoder('windows-1252').decode(bytes), { delimiter: ',', newline: '\n' }),
  ingest: (bytes: Buffer) => ingestRegister(bytes),
};
export type Contender = keyof typeof CONTENDERS;

/** Garbage-collection pauses on the main thread, as [start, end] in performance.now() time. */
function recordPauses(): [number, number][] {
  const pauses: [number, number][] = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) pauses.push([e.startTime, e.startTime + e.duration]);
  }).observe({ entryTypes: ['gc'] });
  return pauses;
}

/** How much of [from, to] the collector paused the main thread for. */
function pausedWithin(pauses: [number, number][], from: number, to: number): number {
  let ms = 0;
  for (const [a, b] of pauses) ms += Math.max(0, Math.min(b, to) - Math.max(a, from));
  return ms;
}

async function main() {
  const [which, copies, runsArg] = process.argv.slice(2) as [Contender, string, string];
  const fn = CONTENDERS[which];
  if (!fn) throw new Error(`unknown contender "${which}"`);
  const original = readFileSync(REGISTER);
  const bytes = Number(copies) === 1 ? original : repeatRegister(original, Number(copies));
  const pauses = recordPauses();
  let result: unknown = fn(bytes); // warm-up
  const runs: [number, number][] = [];
  for (let i = 0; i < Number(runsArg); i++) {
    // Let go of the previous result first: a caller ingests a file once, it does not hold the
    // same records twice while reading them again.
    result = undefined;
    const t = performance.now();
    result = fn(bytes);
    runs.push([t, performance.now()]);
  }
  // The collector's entries are delivered after the runs, on a later turn of the event loop.
  await new Promise((resolve) => setTimeout(resolve, 50));
  const times = runs.map(([a, b]) => b - a);
  // For information: each run's time less the collector's pauses inside it (what is left is the
  // parse's own work, and the concurrent marking it shares the cores with).
  const outsideGc = runs.map(([a, b]) => b - a - pausedWithin(pauses, a, b));
  console.log(JSON.stringify({ median: median(times), outsideGc: median(outsideGc), kept: result !== undefined }));
}

if (process.argv[1]?.endsWith('ingest-child.ts')) void main();
