import fc from 'fast-check';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { factList } from '../store/facts';
import { ingestRegister } from '../ingest';
import { DELIVERIES_1950_1989, readShared, REGISTER_2025, skipUnlessShared, TIV_IMPORTERS } from '../testing/shared-data';
import { applyAll, mutations, physicalLines } from './mutations';

const RUNS = Number(process.env.FUZZ_RUNS ?? 1500);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

/** Seeds: the head of each real export (kept short so that thousands of cases run fast) and the bundled registers. */
function seeds(): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const name of [REGISTER_2025, DELIVERIES_1950_1989, TIV_IMPORTERS]) {
    if (skipUnlessShared(name)) continue;
    const bytes = readShared(name);
    const cut = bytes.indexOf(0x0a, 40_000);
    out.push(new Uint8Array(bytes.subarray(0, cut < 0 ? bytes.length : cut + 1)));
  }
  const data = join(process.cwd(), 'data');
  for (const f of readdirSync(data).filter((n) => n.endsWith('.csv'))) out.push(new Uint8Array(readFileSync(join(data, f))));
  return out;
}

/** The properties every input must keep: no throw, every record accounted for, real line numbers. */
function checkInvariants(bytes: Uint8Array): void {
  const r = ingestRegister(bytes);
  const skipped = r.report.entries.filter((e) => e.severity === 'skipped').length;
  assert.equal(r.report.recordsRead, r.report.recordsProduced + skipped, 'read = produced + skipped');
  const lines = physicalLines(bytes);
  for (const e of r.report.entries)
    assert.ok(Number.isInteger(e.line) && e.line >= 1 && e.line <= lines, `line ${e.line} of ${lines}: ${e.reason}`);
  for (const u of r.report.unknownNames) assert.ok(u.line >= 1 && u.line <= lines, `unknown name line ${u.line}`);
  if (r.report.error?.line !== undefined) assert.ok(r.report.error.line >= 1 && r.report.error.line <= lines);
  for (const d of factList(r.deliveries, r.deals))
    assert.ok(
      Number.isFinite(d.year) && (d.tiv === null || Number.isFinite(d.tiv)) && (d.units === null || Number.isFinite(d.units)),
      'no NaN or infinite values',
    );
}

test(`fuzz: ${RUNS} mutated registers keep the ingest's invariants`, () => {
  const all = seeds();
  fc.assert(
    fc.property(fc.integer({ min: 0, max: all.length - 1 }), mutations, (i, ms) => checkInvariants(applyAll(all[i], ms))),
    { numRuns: RUNS, seed: SEED, endOnFailure: true },
  );
});

/** Failing cases found by the fuzzer, minimised, kept as fixed regressions. */
test('fuzz regressions', () => {
  const header =
    'Recipient,Supplier,Year of order, ,Number ordered, ,Weapon designation,Weapon description,Number delivered, ,Year(s) of delivery,status,Comments,SIPRI TIV per unit,SIPRI TIV for total order,SIPRI TIV of delivered weapons';
  const cases = [
    `${header}\r\rIran,China,1982,,1,,T,tank,1,,1982,New,,1,1,1\r`,
    `${header}\n"Iran,China,1982,,1,,T,tank,1,,1982,New,,1,1,1\nIraq,China,1982,,1,,T,tank,1,,1982,New,,1,1,1`,
    `\uFEFF\uFEFF${header}\nIran,China,1e309,,-0,,T,tank,NaN,,1982-1979,New,,(12),12?,99999`,
  ];
  for (const c of cases) checkInvariants(new TextEncoder().encode(c));
});

test(
  'pathological inputs of about 1 MB take no more than a few times the real 3.8 MB register',
  { skip: skipUnlessShared(REGISTER_2025) },
  () => {
    const time = (bytes: Uint8Array) => {
      const runs: number[] = [];
      for (let i = 0; i < 3; i++) {
        const t = performance.now();
        ingestRegister(bytes);
        runs.push(performance.now() - t);
      }
      return runs.sort((a, b) => a - b)[1];
    };
    const real = time(readShared(REGISTER_2025));
    const header =
      'Recipient,Supplier,Year of order, ,Number ordered, ,Weapon designation,Weapon description,Number delivered, ,Year(s) of delivery,status,Comments,SIPRI TIV per unit,SIPRI TIV for total order,SIPRI TIV of delivered weapons\n';
    const enc = (s: string) => new TextEncoder().encode(s);
    const hostile: Record<string, Uint8Array> = {
      'one field of a megabyte': enc(`${header}Iran,China,1982,,1,,${'A'.repeat(1 << 20)},tank,1,,1982,New,,1,1,1\n`),
      '100,000 empty lines': enc(`${header}${'\n'.repeat(100_000)}`),
      'a megabyte of commas': enc(`${header}${','.repeat(1 << 20)}`),
      'a megabyte of quotes': enc(`${header}${'"'.repeat(1 << 20)}`),
      'an unclosed quote then a megabyte': enc(`${header}"${'x,\n'.repeat(350_000)}`),
      '30,000 short broken rows': enc(`${header}${'Iran,China,x\n'.repeat(30_000)}`),
      'a megabyte without a newline': enc('x'.repeat(1 << 20)),
    };
    for (const [name, bytes] of Object.entries(hostile)) {
      checkInvariants(bytes);
      const t = time(bytes);
      assert.ok(t <= 5 * real, `${name}: ${t.toFixed(0)} ms against ${real.toFixed(0)} ms for the real register`);
    }
  },
);
