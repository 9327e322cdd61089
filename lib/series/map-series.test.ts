import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ingestRegister } from '../ingest';
import { buildMapSeries } from './map-series';

const HEADER =
  'SIPRI AT Database ID,Supplier,Recipient,Designation,Description,Armament category,Order date,Order date is estimate,Numbers delivered,Numbers delivered is estimate,Delivery year,Delivery year is estimate,Status,SIPRI estimate,TIV deal unit,TIV delivery values,Local production';
const row = (id: number, supplier: string, recipient: string, year: number, tiv: number) =>
  `${id},${supplier},${recipient},T-72,tank,Armoured vehicles,${year - 1},No,1,No,${year},No,New,No,1,${tiv},No`;
const data = ingestRegister(
  new TextEncoder().encode(
    [
      HEADER,
      row(1, 'Soviet Union', 'Iraq', 1982, 300),
      row(2, 'China', 'Iran', 1983, 100),
      row(3, 'China', 'Iraq', 1983, 50),
      row(4, 'France', 'Iraq', 1990, 7),
    ].join('\n'),
  ),
);
const query = { measure: 'tiv' as const, basis: 'delivery' as const, filters: { from: 1980, to: 1988 } };

test('by recipient: every country valued, the largest flows as arcs, the total for shares', () => {
  const s = buildMapSeries([data], query, 'recipient', 2);
  assert.deepEqual(s.values, [
    { name: 'Iraq', value: 350 },
    { name: 'Iran', value: 100 },
  ]);
  assert.equal(s.total, 450);
  assert.deepEqual(s.flows, [
    { supplier: 'Soviet Union', recipient: 'Iraq', value: 300 },
    { supplier: 'China', recipient: 'Iran', value: 100 },
  ]);
});

test('by supplier, over the years asked only', () => {
  const s = buildMapSeries([data], query, 'supplier', 20);
  assert.deepEqual(
    s.values.map((v) => [v.name, v.value]),
    [
      ['Soviet Union', 300],
      ['China', 150],
    ],
  );
  assert.equal(s.flows.length, 3);
});
