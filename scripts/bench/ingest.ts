// Ingest and aggregation in-process, each against a baseline measured in the same run.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { aggregate } from '../../lib/aggregate';
import { ingestRegister } from '../../lib/ingest';
import { median, printTable, REGISTER, type Row } from './util';

const RUNS = Number(process.env.BENCH_RUNS ?? 9);

/** Time several functions in interleaved rounds so that noise hits them alike. */
function timeAll(fns: Record<string, () => unknown>, runs = RUNS): Record<string, number> {
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(fns).map((k) => [k, []]));
  for (const fn of Object.values(fns)) fn(); // warm-up
  for (let r = 0; r < runs; r++) {
    for (const [name, fn] of Object.entries(fns)) {
      const t = performance.now();
      fn();
      times[name].push(performance.now() - t);
    }
  }
  return Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
}

/** The register with its records repeated n times (one preamble and header), as Latin-1 bytes. */
function repeatRegister(bytes: Buffer, n: number): Buffer {
  const lines = bytes.toString('latin1').split('\n');
  const records = lines.slice(12).filter((l) => l !== '');
  return Buffer.from([...lines.slice(0, 12), ...Array.from({ length: n }, () => records)].flat().join('\n') + '\n', 'latin1');
}

/** Returns the median in-process ingest time of the register, for the upload benchmark's baseline. */
export function benchIngest(): number {
  const rows: Row[] = [];
  const row = (what: string, ms: number, baseline: string, ratio: string) => rows.push([what, ms.toFixed(1), baseline, ratio]);
  const bytes = readFileSync(REGISTER);
  const tenfold = repeatRegister(bytes, 10);

  const ingested = ingestRegister(bytes);
  const iranIraq = {
    by: ['recipient', 'supplier', 'year'] as ('recipient' | 'supplier' | 'year')[],
    measure: 'tiv' as const,
    basis: 'delivery' as const,
    filters: { recipients: ['Iran', 'Iraq'] },
  };
  const everything = { ...iranIraq, filters: {} };

  const t = timeAll({
    papa: () => Papa.parse(new TextDecoder('windows-1252').decode(bytes), { delimiter: ',', newline: '\n' }),
    ingest: () => ingestRegister(bytes),
    aggIranIraq: () => aggregate([ingested], iranIraq),
    aggAll: () => aggregate([ingested], everything),
  });
  // Timed alone: run beside the ×1 ingest, each paid for the other's garbage (the ×1 runs doubled).
  const t10 = timeAll({ ingest10: () => ingestRegister(tenfold) }, Math.max(3, Math.floor(RUNS / 3)));

  row('plain papaparse parse (decode + arrays)', t.papa, '—', 'baseline');
  row('ingest register-all-2025-03.csv', t.ingest, 'papaparse', `${(t.ingest / t.papa).toFixed(2)}× (target ≤ 1.5×)`);
  row(
    'aggregate recipient×supplier×year over all 29,515 deals, Iran+Iraq',
    t.aggIranIraq,
    'ingest',
    `${((100 * t.aggIranIraq) / t.ingest).toFixed(1)}% (target ≤ 5%)`,
  );
  row('same, unfiltered (23k groups; for information)', t.aggAll, 'ingest', `${((100 * t.aggAll) / t.ingest).toFixed(1)}%`);
  row(
    'ingest of the register ×10',
    t10.ingest10,
    'ingest ×1 above ×10',
    `${(t10.ingest10 / (10 * t.ingest)).toFixed(2)} (target ≤ 1: linear)`,
  );

  printTable(`Ingest and aggregation (median of ${RUNS} interleaved runs)`, rows);
  return t.ingest;
}
