import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { aggregate } from '../query/aggregate';
import { aggregateTable } from './api-rows';
import { barRowsFromApi, flowsFromApi } from './api-table-rows';
import { barTable, sankeyTable, TABLE_ROW_CAP } from './chart-tables';
import { ingestRegister } from '../ingest';
import type { AggregateQuery, Dimension } from '../domain/terms';
import { buildBarSeries } from '../series/bar-series';
import { buildSankeySeries, sankeyFlows, sankeyTableSize } from '../series/sankey-series';

const register = (file: string) => ingestRegister(readFileSync(join(process.cwd(), 'data', file)));

/** What GET /api/aggregate answers for this grouping, through JSON as the browser receives it. */
function apiJson(sources: ReturnType<typeof register>[], query: Omit<AggregateQuery, 'by'>, by: Dimension[]): unknown {
  const { records } = aggregateTable(aggregate(sources, { ...query, by }), by, query.measure);
  return JSON.parse(JSON.stringify({ meta: {}, rows: records }));
}

const units = { measure: 'units' as const, basis: 'delivery' as const, filters: { from: 1980, to: 1988 } };

test('the Sankey table read from the API equals the one built from the server’s flows (re-exports: with origin)', () => {
  // The missiles register records Soviet-made Scud-B resold by North Korea: the origin column shows.
  const sources = [register('missiles-1985-1988.csv'), register('nk-iran-sipri-register-1982-1987.csv')];
  const { series, groups } = buildSankeySeries(sources, units, 10);
  const flows = sankeyFlows(groups);
  assert.equal(series.hasOrigin, true);
  const read = flowsFromApi(apiJson(sources, units, ['origin', 'supplier', 'category', 'recipient']));
  assert.ok(read.ok);
  const fromApi = sankeyTable(read.rows, 'units', true);
  // The API rounds values to 1e-6 (sort keys differ there); what the table shows is the same.
  const fromServer = sankeyTable(flows, 'units', true);
  assert.deepEqual([fromApi.columns, fromApi.rows], [fromServer.columns, fromServer.rows]);
  assert.equal(fromApi.columns[0], 'Origin');
  assert.equal(fromApi.rows.length, sankeyTableSize(groups, true));
  // Shares are of the drawn total, which the series also computes.
  const first = fromApi.rows[0];
  const value = read.rows.map((r) => r.value ?? 0).sort((a, b) => b - a)[0];
  assert.equal(first[5], `${Math.round((100 * value) / series.total)}%`);
});

test('without re-exports the Sankey table has no origin column and reads the origin as the supplier', () => {
  const sources = [register('nk-iran-sipri-register-1982-1987.csv')];
  const { series, groups } = buildSankeySeries(sources, units, 10);
  const flows = sankeyFlows(groups);
  assert.equal(series.hasOrigin, false);
  const read = flowsFromApi(apiJson(sources, units, ['supplier', 'category', 'recipient']));
  assert.ok(read.ok);
  assert.ok(read.rows.every((r) => r.origin === r.supplier));
  const table = sankeyTable(read.rows, 'units', false);
  assert.deepEqual(table.columns, ['Supplier', 'Category', 'Recipient', 'Value', 'Share of total', 'Estimated', 'Spread']);
  assert.equal(table.rows.length, sankeyTableSize(groups, false));
  assert.deepEqual(table.rows, sankeyTable(flows, 'units', false).rows);
});

test('the bars table read from the API has the rows its summary counts, shares of each year', () => {
  const sources = [register('nk-iran-sipri-register-1982-1987.csv'), register('timmerman-nk-iran-1980-1983.csv')];
  for (const stack of ['supplier', 'category'] as const) {
    const { tableRows } = buildBarSeries(sources, units, stack, 1980, 1988, 10);
    const read = barRowsFromApi(apiJson(sources, units, ['year', stack]), stack);
    assert.ok(read.ok);
    const table = barTable(read.rows, 'units', stack);
    assert.equal(table.columns[1], stack === 'supplier' ? 'Supplier' : 'Category');
    assert.equal(table.rows.length, tableRows, 'the server counts the rows the API gives');
    const byYear = new Map<string, number>();
    for (const r of table.rows)
      if (r[3].endsWith('%')) byYear.set(r[0], (byYear.get(r[0]) ?? 0) + Number(r[3].replace('%', '').replace('<1', '0')));
    assert.ok(byYear.size > 2);
    // Each share is rounded: a year's shares add up to 100 give or take one per row.
    for (const [year, sum] of byYear) assert.ok(Math.abs(sum - 100) <= table.rows.filter((r) => r[0] === year).length, `${year}: ${sum}%`);
  }
});

test('tables show the largest rows up to the cap and say how many there are', () => {
  const many = Array.from({ length: TABLE_ROW_CAP + 5 }, (_, i) => ({
    origin: 'A',
    supplier: 'A',
    category: 'Aircraft',
    recipient: `R${i}`,
    value: i,
    estimatedShare: 0,
    spreadShare: 0,
  }));
  const table = sankeyTable(many, 'tiv', false);
  assert.equal(table.rows.length, TABLE_ROW_CAP);
  assert.equal(table.total, TABLE_ROW_CAP + 5);
  assert.equal(table.rows[0][2], `R${TABLE_ROW_CAP + 4}`, 'largest first');
  const bars = barTable(
    many.map((f, i) => ({ year: 1950 + (i % 70), key: f.recipient, value: f.value, estimatedShare: i % 2 === 0 ? 1 : 0, spreadShare: 0 })),
    'tiv',
    'supplier',
  );
  assert.equal(bars.rows.length, TABLE_ROW_CAP);
  assert.deepEqual(
    bars.rows.map((r) => Number(r[0])),
    bars.rows.map((r) => Number(r[0])).sort((a, b) => a - b),
    'in year order',
  );
  assert.equal(
    bars.rows.find((r) => r[1] === 'R0'),
    undefined,
    'the smallest fall off',
  );
});

test('unknown values read "n/a" with a dash for their shares, never 0', () => {
  const table = barTable([{ year: 1984, key: 'China', value: null, estimatedShare: null, spreadShare: null }], 'tiv', 'supplier');
  assert.deepEqual(table.rows[0], ['1984', 'China', 'n/a', '—', '—', '—']);
});

test('estimated and spread shares read as whole per cents, a trace as "<1%"', () => {
  const table = barTable(
    [
      { year: 1984, key: 'China', value: 10, estimatedShare: 0.888, spreadShare: 0 },
      { year: 1984, key: 'North Korea', value: 5, estimatedShare: 0.004, spreadShare: 1 },
    ],
    'tiv',
    'supplier',
  );
  assert.deepEqual(
    table.rows.map((r) => r.slice(4)),
    [
      ['89%', '0%'],
      ['<1%', '100%'],
    ],
  );
});

test('malformed API answers are refused with the row and the field named', () => {
  assert.deepEqual(flowsFromApi(null), { ok: false, error: 'the answer has no "rows" list' });
  assert.deepEqual(flowsFromApi({ rows: [3] }), { ok: false, error: 'row 1 is not an object' });
  const good = { supplier: 'China', category: 'Aircraft', recipient: 'Iran', value: 1, estimated_share: 0.25, spread_share: 0 };
  assert.deepEqual(flowsFromApi({ rows: [good, { ...good, value: '12' }] }), { ok: false, error: 'row 2: "value" is not a number' });
  assert.deepEqual(flowsFromApi({ rows: [{ ...good, recipient: undefined }] }), { ok: false, error: 'row 1: "recipient" is missing' });
  for (const bad of [{ spread_share: 'no' }, { estimated_share: 1.5 }, { estimated_share: undefined }])
    assert.deepEqual(flowsFromApi({ rows: [{ ...good, ...bad }] }), {
      ok: false,
      error: 'row 1: "estimated_share" or "spread_share" is not a fraction from 0 to 1',
    });
  assert.deepEqual(barRowsFromApi({ rows: [{ ...good, year: '1984' }] }, 'supplier'), { ok: false, error: 'row 1: "year" is not a year' });
  assert.deepEqual(barRowsFromApi({ rows: [{ ...good, year: 1984 }] }, 'category'), {
    ok: true,
    rows: [{ year: 1984, key: 'Aircraft', value: 1, estimatedShare: 0.25, spreadShare: 0 }],
  });
});
