// Ingest and aggregation, each against a baseline measured in the same run.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { aggregate } from '../../lib/query/aggregate';
import { ingestRegister } from '../../lib/ingest';
import { CONTENDERS, type Contender } from './ingest-child';
import { median, printTable, REGISTER, ROOT, type Row } from './util';

const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const PROCESSES = Number(process.env.BENCH_PROCESSES ?? 5);

/** Time several functions in interleaved rounds in this process (one heap: each pays for the others' garbage). */
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

type Timed = { median: number; outsideGc: number };

/**
 * One fresh process's median of `runs` runs of a contender on the register repeated `copies` times,
 * and the median of the same runs less the collector's pauses inside them.
 */
function timeInProcess(which: Contender, copies: number, runs: number): Timed {
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'scripts/bench/ingest-child.ts'), which, String(copies), String(runs)],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  if (child.status !== 0) throw new Error(`bench child ${which} failed: ${child.stderr}`);
  const { median, outsideGc } = JSON.parse(child.stdout.trim().split('\n').pop()!);
  return { median, outsideGc };
}

type Plan = { contender: Contender; copies: number; processes: number; runs: number };

/**
 * Fresh processes for every plan, interleaved round by round (one process of each plan per round,
 * while it has rounds left), so that the machine's drift hits the single and the ten-fold runs, and
 * both contenders, alike; each plan's median over its processes, and the same less the collector's
 * pauses. Timed one plan after the other, the ten-fold growth moved with whatever else the machine
 * was doing meanwhile (1.43 in one run whose single-register runs fell in a quiet minute).
 */
function timeInterleaved(plans: Plan[]): { times: number; outsideGc: number }[] {
  const per = plans.map(() => [] as Timed[]);
  const rounds = Math.max(...plans.map((p) => p.processes));
  for (let r = 0; r < rounds; r++)
    plans.forEach((p, i) => {
      if (r < p.processes) per[i].push(timeInProcess(p.contender, p.copies, p.runs));
    });
  return per.map((t) => ({ times: median(t.map((x) => x.median)), outsideGc: median(t.map((x) => x.outsideGc)) }));
}

/** Returns the median ingest time of the register, for the upload benchmark's baseline. */
export function benchIngest(): number {
  const rows: Row[] = [];
  const row = (what: string, ms: number, baseline: string, ratio: string) => rows.push([what, ms.toFixed(1), baseline, ratio]);
  const bytes = readFileSync(REGISTER);

  const single = { copies: 1, processes: PROCESSES, runs: RUNS };
  const tenfold = { copies: 10, processes: PROCESSES, runs: Math.max(3, Math.floor(RUNS / 3)) };
  const [papa1, ingest1, papa10, ingest10] = timeInterleaved([
    { contender: 'papa', ...single },
    { contender: 'ingest', ...single },
    { contender: 'papa', ...tenfold },
    { contender: 'ingest', ...tenfold },
  ]);
  const iso = { papa: papa1.times, ingest: ingest1.times };
  const isoGc = { papa: papa1.outsideGc, ingest: ingest1.outsideGc };
  const iso10 = { papa: papa10.times, ingest: ingest10.times };
  const iso10Gc = { papa: papa10.outsideGc, ingest: ingest10.outsideGc };

  const ingested = ingestRegister(bytes);
  const iranIraq = {
    by: ['recipient', 'supplier', 'year'] as ('recipient' | 'supplier' | 'year')[],
    measure: 'tiv' as const,
    basis: 'delivery' as const,
    filters: { recipients: ['Iran', 'Iraq'] },
  };
  const everything = { ...iranIraq, filters: {} };
  const agg = timeAll({
    aggIranIraq: () => aggregate([ingested], iranIraq),
    aggAll: () => aggregate([ingested], everything),
  });
  const shared = timeAll({ papa: () => CONTENDERS.papa(bytes), ingest: () => CONTENDERS.ingest(bytes) });

  // The same growth for the plain parse, which is linear by construction: what the machine and V8's
  // collector add on a 10× heap (marking ~300,000 live records' objects), which any parser keeping
  // its output pays. Ingest's growth over it is what our code adds.
  const papaGrowth = iso10.papa / (10 * iso.papa);
  const ingestGrowth = iso10.ingest / (10 * iso.ingest);
  row('plain papaparse parse (decode + arrays), own process', iso.papa, '—', 'baseline');
  row('ingest register-all-2025-03.csv, own process', iso.ingest, 'papaparse', `${(iso.ingest / iso.papa).toFixed(2)}× (target ≤ 1.5×)`);
  row(
    'aggregate recipient×supplier×year over all 29,515 deals, Iran+Iraq',
    agg.aggIranIraq,
    'ingest',
    `${((100 * agg.aggIranIraq) / iso.ingest).toFixed(1)}% (target ≤ 5%)`,
  );
  row('same, unfiltered (23k groups; for information)', agg.aggAll, 'ingest', `${((100 * agg.aggAll) / iso.ingest).toFixed(1)}%`);
  row('ingest of the register ×10, own process', iso10.ingest, 'ingest above ×10', `${ingestGrowth.toFixed(2)} (target ≤ 1: linear)`);
  row('for information: plain papaparse parse of the register ×10, own process', iso10.papa, 'papaparse above ×10', papaGrowth.toFixed(2));
  rows.push(['for information: ingest’s growth ×10 over the plain parse’s', '—', '', (ingestGrowth / papaGrowth).toFixed(2)]);
  // Where the excess goes: each run less the collector's main-thread pauses inside it (a ten-fold
  // heap makes V8 mark ~300,000 live records again and again; a single register's mostly die young).
  const growthOutsideGc = (c: Contender) => iso10Gc[c] / (10 * isoGc[c]);
  row(
    'for information: ingest ×10 less garbage-collection pauses',
    iso10Gc.ingest,
    'same, ×1 ×10',
    `${growthOutsideGc('ingest').toFixed(2)} (pauses ~${(iso.ingest - isoGc.ingest).toFixed(0)} ms ×1, ${(iso10.ingest - iso10Gc.ingest).toFixed(0)} ms ×10)`,
  );
  row(
    'for information: papaparse ×10 less garbage-collection pauses',
    iso10Gc.papa,
    'same, ×1 ×10',
    `${growthOutsideGc('papa').toFixed(2)} (pauses ~${(iso.papa - isoGc.papa).toFixed(0)} ms ×1, ${(iso10.papa - iso10Gc.papa).toFixed(0)} ms ×10)`,
  );
  row('for information: papaparse, timed side by side with ingest in one heap', shared.papa, '—', '');
  row('for information: ingest, same heap', shared.ingest, 'papaparse', `${(shared.ingest / shared.papa).toFixed(2)}×`);

  printTable(
    `Ingest and aggregation (parse and ingest: median of ${PROCESSES} fresh processes each, single and ten-fold alternated, each the median of ${RUNS} runs, ${tenfold.runs} ten-fold)`,
    rows,
  );
  return iso.ingest;
}
