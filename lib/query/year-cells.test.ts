import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { aggregateTable, type FactSource } from './aggregate';
import { ingestRegister } from '../ingest';
import type { AggregateQuery, Dimension, Filters, Measure } from '../domain/terms';
import { buildSankeySeries } from '../series/sankey-series';
import { readShared, REGISTER_2025, skipUnlessShared } from '../testing/shared-data';
import { rangeGroups, rangeSums, type SumTable } from './year-cells';

const SANKEY: Dimension[] = ['origin', 'supplier', 'category', 'recipient'];

/** Views whose year ranges move, with the filters that make cells of their own. */
function queries(by: Dimension[], measures: Measure[]): AggregateQuery[] {
  const filters: Filters[] = [
    {},
    { recipients: ['Iran', 'Iraq'] },
    { suppliers: ['DPRK', 'Soviet Union'], uncertain: 'exclude' },
    { categories: ['Missiles', 'Armoured vehicles'] },
  ];
  const ranges = [
    [undefined, undefined],
    [1950, 2024],
    [1953, 2024],
    [1982, 1987],
    [1980, 1980],
    [2030, 2040],
  ];
  return measures.flatMap((measure) =>
    (['delivery', 'order'] as const).flatMap((basis) =>
      filters.flatMap((f) => ranges.map(([from, to]) => ({ by, measure, basis, filters: { ...f, from, to } }))),
    ),
  );
}

const close = (a: number, b: number) => (Number.isNaN(a) ? Number.isNaN(b) : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)));

function assertSameSums(cells: SumTable, facts: SumTable, what: string) {
  assert.equal(cells.length, facts.length, `${what}: groups`);
  assert.deepEqual(cells.keys, facts.keys, `${what}: the same groups in the same order`);
  assert.deepEqual([...cells.missing], [...facts.missing], `${what}: missing`);
  assert.deepEqual([...cells.flags], [...facts.flags], `${what}: flags`);
  for (let g = 0; g < facts.length; g++)
    assert.ok(close(cells.value[g], facts.value[g]), `${what}: group ${g} ${cells.value[g]} vs ${facts.value[g]}`);
  if (cells.codes && cells.names)
    cells.codes.forEach((codes, k) =>
      codes.forEach((c, g) => assert.equal(cells.names![k][c], cells.keys[k][g], `${what}: codes name the keys`)),
    );
}

/** A table from the facts also names each group's first fact (what cells are ordered by): not compared. */
const withoutFirsts = (table: object) => Object.fromEntries(Object.entries(table).filter(([k]) => k !== 'first'));

function checkRegister(source: FactSource, label: string) {
  for (const q of queries(['year', 'supplier'], ['tiv', 'units', 'deals', 'value'])) {
    const what = `${label} ${JSON.stringify(q)}`;
    // Whole groups: exactly the table grouping the facts gives, counts of deals included.
    assert.deepEqual(withoutFirsts(rangeGroups([source], q)), withoutFirsts(aggregateTable([source], q)), what);
  }
  for (const q of queries(SANKEY, ['tiv', 'units', 'value'])) {
    assertSameSums(rangeSums([source], q), aggregateTable([source], q), `${label} ${JSON.stringify(q)}`);
  }
}

function bundled(id: string): FactSource {
  return ingestRegister(readFileSync(join(process.cwd(), 'data', `${id}.csv`)));
}

test('year cells give a bundled register’s groups over any year range as grouping its facts does', () => {
  checkRegister(bundled('nk-iran-sipri-register-1982-1987'), 'nk-iran');
  checkRegister(bundled('missiles-1985-1988'), 'missiles');
});

test(
  'year cells give the whole register’s groups over any year range as grouping its facts does',
  { skip: skipUnlessShared(REGISTER_2025) },
  () => {
    checkRegister(ingestRegister(readShared(REGISTER_2025)), 'register');
  },
);

test('counting deals, and units without the category, are grouped from the facts (cells cannot count them)', () => {
  const source = bundled('nk-iran-sipri-register-1982-1987');
  for (const [by, measure] of [
    [SANKEY, 'deals'],
    [['supplier', 'recipient'], 'units'],
  ] as [Dimension[], Measure][]) {
    const q = { by, measure, basis: 'delivery' as const, filters: { from: 1982, to: 1985 } };
    const table = rangeSums([source], q);
    assert.equal(table.codes, undefined, 'from the facts');
    assert.deepEqual(table, aggregateTable([source], q));
  }
});

test(
  'the Sankey summed from cells is the Sankey grouped from facts: the same nodes and links in the same order',
  { skip: skipUnlessShared(REGISTER_2025) },
  () => {
    const register = ingestRegister(readShared(REGISTER_2025));
    for (const filters of [
      { from: 1950, to: 2024 },
      { from: 1953, to: 2024 },
      { from: 1982, to: 1987, recipients: ['Iran', 'Iraq'] },
    ]) {
      // Sixty kept per side: too many nodes for the links' table, so they are found through a map.
      for (const top of [3, 10, 60]) {
        const query = { measure: 'tiv' as const, basis: 'delivery' as const, filters };
        const cells = buildSankeySeries([register], query, top).series;
        const facts = buildSankeySeries([register], query, top, { fromCells: false }).series;
        assert.deepEqual(buildSankeySeries([register], query, top, { linkTable: false }).series, cells, 'links found through a map');
        const what = `${JSON.stringify(filters)} top ${top}`;
        assert.deepEqual(cells.nodes, facts.nodes, what);
        assert.deepEqual(
          cells.links.map((l) => ({ ...l, value: 0, shares: null })),
          facts.links.map((l) => ({ ...l, value: 0, shares: null })),
          what,
        );
        // Values and shares are sums in another order: equal to rounding.
        cells.links.forEach((l, i) => {
          const f = facts.links[i];
          assert.ok(close(l.value, f.value), `${what}: link ${i}`);
          for (const k of ['estimated', 'spread', 'spreadFirm'] as const)
            assert.ok(Math.abs(l.shares[k] - f.shares[k]) < 1e-9, `${what}: link ${i} ${k} share`);
        });
        assert.ok(close(cells.total, facts.total));
        assert.equal(cells.undrawn, facts.undrawn);
        assert.ok(cells.links.length > 20, `${what}: ${cells.links.length} links`);
        // Every category passes on what it receives, and the suppliers' links carry the total.
        const flow = (end: 'source' | 'target', id: string) => cells.links.filter((l) => l[end] === id).reduce((t, l) => t + l.value, 0);
        for (const n of cells.nodes.filter((n) => n.side === 'category'))
          assert.ok(close(flow('target', n.id), flow('source', n.id)), `${what}: ${n.id} passes on what it receives`);
        const fromSuppliers = cells.links.filter((l) => l.source.startsWith('supplier:')).reduce((t, l) => t + l.value, 0);
        assert.ok(close(fromSuppliers, cells.total), `${what}: the suppliers' links carry the total`);
      }
    }
  },
);
