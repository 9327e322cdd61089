import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ingestRegister } from '../ingest';
import { DELIVERIES_1950_1989, readShared, skipUnlessShared, TIV_IMPORTERS } from '../testing/shared-data';
import { defaultPeriod, rankable, rankings } from './rankings';

const enc = (s: string) => new TextEncoder().encode(s);
const HEADER =
  'SIPRI AT Database ID,Supplier,Recipient,Designation,Description,Armament category,Order date,Order date is estimate,Numbers delivered,Numbers delivered is estimate,Delivery year,Delivery year is estimate,Status,SIPRI estimate,TIV deal unit,TIV delivery values,Local production';
const row = (id: number, supplier: string, recipient: string, year: number, tiv: number) =>
  `${id},${supplier},${recipient},T-72,tank,Armoured vehicles,${year - 1},No,1,No,${year},No,New,No,1,${tiv},No`;

/** Deliveries: 2015–2019 and the five years before. */
const deliveries = ingestRegister(
  enc(
    [
      HEADER,
      row(1, 'Russia', 'India', 2016, 300),
      row(2, 'Russia', 'China', 2017, 100),
      row(3, 'France', 'India', 2018, 200),
      row(4, 'France', 'Egypt', 2019, 400),
      row(5, 'United States', 'Egypt', 2012, 50),
      row(6, 'Russia', 'India', 2011, 800),
      row(7, 'France', 'India', 2020, 999),
    ].join('\n'),
  ),
);

test('exporters over a period: TIV, share of every exporter, change against the period before, main clients', () => {
  const r = rankings([deliveries], { side: 'exporters', from: 2015, to: 2019, top: 1 });
  assert.deepEqual(r.previous, { from: 2010, to: 2014 });
  assert.equal(r.world, 1000, 'the world total counts every exporter, not only the top 1');
  assert.equal(r.previousWorld, 850);
  assert.equal(r.countries, 2);
  assert.deepEqual(r.rows, [
    {
      rank: 1,
      country: 'France',
      tiv: 600,
      share: 0.6,
      previous: null,
      change: null,
      partners: [
        { country: 'Egypt', tiv: 400, share: 400 / 600 },
        { country: 'India', tiv: 200, share: 200 / 600 },
      ],
    },
  ]);
  const russia = rankings([deliveries], { side: 'exporters', from: 2015, to: 2019, top: 5 }).rows[1];
  assert.equal(russia.change, (400 - 800) / 800, '−50% as −0.5');
});

test('importers: suppliers as partners; a country gone from the period is not ranked', () => {
  const r = rankings([deliveries], { side: 'importers', from: 2015, to: 2019, top: 25 });
  assert.deepEqual(
    r.rows.map((x) => [x.country, x.tiv, x.change]),
    [
      ['India', 500, (500 - 800) / 800],
      ['Egypt', 400, (400 - 50) / 50],
      ['China', 100, null],
    ],
  );
});

test('a world importer table ranks importers without partners, and cannot rank exporters', () => {
  const table = ingestRegister(enc('Recipient,2018,2019\nIndia,200,\nEgypt,,400\nChina,0 ,\nTotal world import,200,400\n'));
  const r = rankings([table], { side: 'importers', from: 2018, to: 2019, top: 25 });
  assert.deepEqual(
    r.rows.map((x) => [x.country, x.tiv, x.partners]),
    [
      ['Egypt', 400, null],
      ['India', 200, null],
      ['China', 0, null],
    ],
    'China received under 0.5 ("0"): ranked, last',
  );
  assert.equal(rankable([table], 'exporters'), false);
  assert.equal(rankable([table], 'importers'), true);
});

test('the default period: the last five complete years, by the export date', () => {
  assert.deepEqual(defaultPeriod(2024, '13 Mar 2025 10:02:49 AM', new Date('2026-01-01')), { from: 2020, to: 2024 });
  assert.deepEqual(defaultPeriod(2025, '13 Mar 2025 10:02:49 AM', new Date('2026-01-01')), { from: 2020, to: 2024 });
  assert.deepEqual(defaultPeriod(1989, null, new Date('2026-01-01')), { from: 1985, to: 1989 });
});

test(
  "importers 1985–1989 against 1980–1984: the delivery export and SIPRI's importer table agree",
  { skip: skipUnlessShared(DELIVERIES_1950_1989) || skipUnlessShared(TIV_IMPORTERS) },
  () => {
    const q = { side: 'importers', from: 1985, to: 1989, top: 1000 } as const;
    const fromDeliveries = rankings([ingestRegister(readShared(DELIVERIES_1950_1989))], q);
    const fromTable = rankings([ingestRegister(readShared(TIV_IMPORTERS))], q);
    assert.equal(fromDeliveries.countries, fromTable.countries);
    // The table's cells are rounded to the unit: five of them sum within ±3 of the exact sum.
    assert.ok(
      Math.abs(fromDeliveries.world - fromTable.world) < 0.5 * fromTable.countries,
      `${fromDeliveries.world} vs ${fromTable.world}`,
    );
    const table = new Map(fromTable.rows.map((r) => [r.country, r]));
    for (const ours of fromDeliveries.rows) {
      const theirs = table.get(ours.country);
      assert.ok(theirs, `${ours.country} is in the table's ranking`);
      assert.ok(Math.abs(ours.tiv - theirs.tiv) <= 3, `${ours.country}: ${ours.tiv} vs ${theirs.tiv}`);
      assert.ok(Math.abs(ours.share - theirs.share) < 0.0005, `${ours.country} share`);
      // A change needs a base of 0.5 or more: within the rounding of five cells one side may lack it.
      if ((ours.change === null) !== (theirs.change === null))
        assert.ok(Math.max(ours.previous ?? 0, theirs.previous ?? 0) < 3, `${ours.country}: change known on one side only`);
      if (ours.change !== null && ours.previous! > 100) assert.ok(Math.abs(ours.change - theirs.change!) < 0.05, `${ours.country} change`);
      if (ours.rank <= 20) assert.ok(Math.abs(ours.rank - theirs.rank) <= 1, `${ours.country}: rank ${ours.rank} vs ${theirs.rank}`);
    }
    assert.equal(fromDeliveries.rows[0].country, 'India');
    assert.equal(fromTable.rows[0].country, 'India');
    assert.ok(fromDeliveries.rows[0].partners!.length > 0, 'the delivery export knows the suppliers');
    assert.equal(fromTable.rows[0].partners, null, 'the table does not');
  },
);
