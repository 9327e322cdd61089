import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accounted } from '../testing/accounted';
import { ingestRegister, type IngestResult } from '.';
import { factList } from '../store/facts';
import { readShared, skipUnlessShared, TIV_IMPORTERS } from '../testing/shared-data';
import { ALL_RECIPIENTS, ALL_SUPPLIERS } from '../domain/types';

const enc = (s: string) => new TextEncoder().encode(s);

/** name → year → TIV, from the facts. */
function cells(r: IngestResult, side: 'supplier' | 'recipient'): Map<string, Map<number, number>> {
  const out = new Map<string, Map<number, number>>();
  for (const f of factList(r.deliveries, r.deals)) {
    const byYear = out.get(f[side]) ?? new Map<number, number>();
    assert.equal(byYear.has(f.year), false, `${f[side]} ${f.year} twice`);
    byYear.set(f.year, f.tiv!);
    out.set(f[side], byYear);
  }
  return out;
}

/** A partners table of SIPRI's older layout, as downloaded: title, notes, empty first header cell, trailing commas. */
const PARTNERS = [
  'TIV of arms exports from Russia, 2012-2015',
  'Generated: 2022-03-14',
  '',
  'Figures are SIPRI Trend Indicator Values (TIVs) expressed in millions.',
  "A '0' indicates that the value of deliveries is less than 0.5m",
  '',
  ',2012,2013,2014,2015,Total,',
  'Algeria,947,207,411,,1565,',
  'Turkey,,0 ,3,,3,',
  'Houthi rebels (Yemen)*,,,0 ,,0 ,',
  'United Nations**,5,,,,5,',
  '',
  'Total,952,207,414,0,1573,',
].join('\n');

test('a partners table ("exports from Russia"): rows are its clients, Russia the supplier; 0 and empty stay apart', () => {
  const r = ingestRegister(enc(PARTNERS));
  assert.equal(r.report.error, null);
  assert.equal(r.report.format, 'sipri-tiv-table');
  assert.deepEqual(r.report.table, { rows: 'importers', country: 'Russia', title: 'TIV of arms exports from Russia, 2012-2015' });
  assert.equal(r.report.generated, '2022-03-14');
  assert.equal(r.report.headerLine, 7);
  const byRecipient = cells(r, 'recipient');
  assert.deepEqual([...byRecipient.keys()], ['Algeria', 'Turkiye', 'Houthi rebels (Yemen)*', 'United Nations**']);
  assert.deepEqual(
    [...byRecipient.get('Algeria')!],
    [
      [2012, 947],
      [2013, 207],
      [2014, 411],
    ],
    'the empty 2015 is no fact',
  );
  assert.deepEqual(
    [...byRecipient.get('Turkiye')!],
    [
      [2013, 0],
      [2014, 3],
    ],
    '"0 " is a fact of 0',
  );
  assert.ok(factList(r.deliveries, r.deals).every((f) => f.supplier === 'Russia' && f.category === 'All categories' && f.units === null));
  assert.deepEqual(r.report.unknownNames, []);
  assert.equal(r.report.dealsProduced, 0, 'totals, not deals');
  assert.equal(r.report.recordsRead, 5);
  assert.equal(r.report.entries.length, 1);
  assert.match(r.report.entries[0].reason, /^"Total": the table's total row, not data; it equals the sum/);
  assert.equal(r.report.entries[0].line, 13);
  accounted(r);
});

test('an "imports to X" title makes the rows its suppliers', () => {
  const r = ingestRegister(enc(PARTNERS.replace('exports from Russia', 'imports to Iran')));
  assert.deepEqual(r.report.table?.rows, 'exporters');
  assert.ok(factList(r.deliveries, r.deals).every((f) => f.recipient === 'Iran'));
  assert.ok(cells(r, 'supplier').has('Algeria'));
});

test('an exporter table of the current site: "Exports by" heads the rows, the other side is every recipient', () => {
  const csv = [
    'Volume of transfers of major arms',
    '',
    'Exports by supplier,2020,2021,2020-2021,Percentage,Sum total years,Percentage of total',
    'France,1995,1600,3595,60.0%,3595,60.0%',
    'Kurdistan Regional Government (Iraq)*,,0 ,0 ,0.0%,0 ,0.0%',
    'China,760,1640,2400,40.0%,2400,40.0%',
    'Total world export,2755,3240,5995,100.0%,5995,100.0%',
  ].join('\r\n');
  const r = ingestRegister(enc(csv));
  assert.equal(r.report.error, null);
  assert.deepEqual(r.report.table, { rows: 'exporters', country: null, title: 'TIV of arms exports by exporter' });
  const bySupplier = cells(r, 'supplier');
  assert.deepEqual(
    [...bySupplier.get('France')!],
    [
      [2020, 1995],
      [2021, 1600],
    ],
  );
  assert.ok(factList(r.deliveries, r.deals).every((f) => f.recipient === ALL_RECIPIENTS));
  assert.equal(r.report.entries.length, 1);
  accounted(r);
});

test('a total row that does not add up is reported with the years and figures; a row total too', () => {
  const tampered = PARTNERS.replace('Total,952,207,414', 'Total,1952,207,414').replace(
    'Algeria,947,207,411,,1565',
    'Algeria,947,207,411,,1700',
  );
  const r = ingestRegister(enc(tampered));
  assert.equal(r.report.error, null);
  const total = r.report.entries.find((e) => e.line === 13)!;
  assert.equal(total.severity, 'skipped');
  assert.match(total.reason, /differs from the sum of the cells by more than rounding in 1 year \(2012: 1952, the cells sum to 952\)/);
  const row = r.report.entries.find((e) => e.line === 8)!;
  assert.equal(row.severity, 'warning');
  assert.match(row.reason, /its total 1700 \("Total"\) differs from the sum of its years, 1565/);
  accounted(r);
});

test('a cell that is not a figure is named and left out; a nameless row and a note are skipped, each on its line', () => {
  const csv = PARTNERS.replace('United Nations**,5,', 'United Nations**,five,').replace(
    '\n\nTotal',
    '\n,4,,,,,\nSee the notes on sipri.org,,,,,,\n\nTotal',
  );
  const r = ingestRegister(enc(csv));
  const reasons = r.report.entries.map((e) => `${e.line} ${e.severity}: ${e.reason}`);
  assert.ok(
    reasons.some((x) => /^11 warning: 2012: "five" is not a TIV figure/.test(x)),
    reasons.join('\n'),
  );
  assert.ok(
    reasons.some((x) => /^12 skipped: no country name/.test(x)),
    reasons.join('\n'),
  );
  assert.ok(
    reasons.some((x) => /^13 skipped: "See the notes on sipri.org" has no figure/.test(x)),
    reasons.join('\n'),
  );
  accounted(r);
});

test(
  "SIPRI's importer table as downloaded: every cell kept, its total row checked and passing",
  { skip: skipUnlessShared(TIV_IMPORTERS) },
  () => {
    const bytes = readShared(TIV_IMPORTERS);
    const r = ingestRegister(bytes);
    assert.equal(r.report.error, null);
    assert.equal(r.report.format, 'sipri-tiv-table');
    assert.deepEqual(r.report.table?.rows, 'importers');
    assert.equal(r.report.generated, '13 Oct 2024 12:33:29 PM');
    accounted(r);
    assert.equal(r.report.entries.length, 1, r.report.entries.map((e) => e.reason).join('\n'));
    assert.match(r.report.entries[0].reason, /^"Total world import": .* equals the sum of the cells in every year/);
    // Every non-empty year cell of the file is one fact, with its value.
    const lines = bytes.toString('latin1').split('\n');
    const header = lines[9].split(',');
    const byRecipient = cells(r, 'recipient');
    let nonEmpty = 0;
    for (const line of lines.slice(10)) {
      const c = line.split(',');
      if (!c[0] || c[0].startsWith('Total')) continue;
      for (let i = 1; i < header.length && /^\d{4}$/.test(header[i]); i++) {
        const got = byRecipient.get(c[0] === 'Turkey' ? 'Turkiye' : c[0])?.get(Number(header[i]));
        if (c[i].trim() === '') assert.equal(got, undefined, `${c[0]} ${header[i]}`);
        else {
          nonEmpty++;
          assert.equal(got, Number(c[i]), `${c[0]} ${header[i]}`);
        }
      }
    }
    assert.equal(r.deliveries.length, nonEmpty);
    assert.equal(byRecipient.get('Saudi Arabia')!.get(1950), 0, '"0 " in 1950');
    assert.equal(byRecipient.get('Saudi Arabia')!.has(1951), false, 'empty in 1951');
    assert.ok(factList(r.deliveries, r.deals).every((f) => f.supplier === ALL_SUPPLIERS));
  },
);
