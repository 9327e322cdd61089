import assert from 'node:assert/strict';
import { test } from 'node:test';
import { aggregate, roundHalfUp } from './aggregate';
import { byValue } from './group-table';
import { ingestRegister } from '../ingest';
import { ownRegister } from '../testing/own-register';
import { DELIVERIES_1950_1989, readShared, REGISTER_2025, skipUnlessShared, TIV_IMPORTERS } from '../testing/shared-data';
import { parseTivTable } from '../ingest/tiv-table';

const small = ownRegister([
  'North Korea,Iran,,1982,T-62,tank,,150,150,1982-1984,Second hand,,,,,A',
  'North Korea,Iran,Soviet Union,1985,R-17 Elbrus,SSM,,100,100,1987,Second hand,,,,number_delivered,B',
  'North Korea,Iran,,1985,,naval mine,,,,1985,,no numbers given,,,,C',
  'China,Iraq,,1982,Type-69,tank,,,300,1983,New,,90,,,D',
]);

test('the project format reads with no report entries', () => {
  assert.equal(small.report.error, null);
  assert.equal(small.report.format, 'arms-register');
  assert.deepEqual(small.report.entries, []);
  assert.equal(small.deals.at(1).origin, 'Soviet Union');
});

test('units by year: spread values are flagged, qualitative rows are missing, not zero', () => {
  const rows = aggregate([small], { by: ['year'], measure: 'units', basis: 'delivery', filters: { recipients: ['iran'] } });
  const byYear = Object.fromEntries(rows.map((r) => [r.keys.year, r]));
  assert.equal(byYear[1982].value, 50);
  assert.equal(byYear[1982].spread, true);
  assert.equal(byYear[1985].value, null, 'a row without numbers never becomes 0');
  assert.equal(byYear[1985].missing, 1);
  assert.equal(byYear[1987].value, 100);
  assert.equal(byYear[1987].estimated, true);
  assert.equal(byYear[1987].spread, false);
});

test('summed over years, a spread deal is spread only where the years shown cut its deliveries', () => {
  // The T-62 deal delivers 150 tanks over 1982–1984, 50 a year by our rule.
  const query = (by: ('year' | 'supplier')[], from?: number, to?: number) =>
    aggregate([small], { by, measure: 'units', basis: 'delivery', filters: { recipients: ['iran'], designations: ['T-62'], from, to } });
  assert.deepEqual(
    [query(['supplier'])[0], query(['supplier'], 1980, 1990)[0]].map((r) => [r.value, r.spread]),
    [
      [150, false],
      [150, false],
    ],
    'all its years shown: its exact total',
  );
  assert.deepEqual(
    [query(['supplier'], 1983, 1990)[0], query(['supplier'], 1980, 1983)[0]].map((r) => [r.value, r.spread]),
    [
      [100, true],
      [100, true],
    ],
    'a range that cuts it: part of a total spread by our rule',
  );
  assert.ok(
    query(['year', 'supplier'], 1980, 1990).every((r) => r.spread),
    'by year, every year of it is spread',
  );
});

test('deals are counted once per group; aliases and case in filters', () => {
  const rows = aggregate([small], { by: ['supplier'], measure: 'deals', basis: 'delivery', filters: { suppliers: ['DPRK'] } });
  assert.deepEqual(
    rows.map((r) => [r.keys.supplier, r.value]),
    [['North Korea', 3]],
  );
});

test('origin defaults to the supplier; uncertain data can be excluded', () => {
  const rows = aggregate([small], { by: ['origin'], measure: 'units', basis: 'delivery', filters: { uncertain: 'exclude' } });
  const origins = rows.map((r) => r.keys.origin).sort();
  assert.deepEqual(origins, ['China', 'North Korea']);
});

test('order basis measures what was ordered, in the order year', () => {
  const rows = aggregate([small], { by: ['year'], measure: 'units', basis: 'order', filters: {} });
  const byYear = Object.fromEntries(rows.map((r) => [r.keys.year, r.value]));
  assert.equal(byYear[1982], 450);
  assert.equal(byYear[1985], 100);
});

test('units of different categories summed together are flagged', () => {
  const [row] = aggregate([small], { by: ['recipient'], measure: 'units', basis: 'delivery', filters: { recipients: ['Iran'] } });
  assert.equal(row.mixedCategories, true);
});

test('rounding is half up', () => {
  assert.equal(roundHalfUp(277.5), 278);
  assert.equal(roundHalfUp(277.49999999999), 278);
  assert.equal(roundHalfUp(277.4), 277);
});

test(
  "by recipient and year, the delivery export reproduces SIPRI's importer table 1950–1989",
  { skip: skipUnlessShared(DELIVERIES_1950_1989) || skipUnlessShared(TIV_IMPORTERS) },
  () => {
    const data = ingestRegister(readShared(DELIVERIES_1950_1989));
    const table = parseTivTable(readShared(TIV_IMPORTERS).toString('latin1'));
    const rows = aggregate([data], { by: ['recipient', 'year'], measure: 'tiv', basis: 'delivery', filters: { from: 1950, to: 1989 } });
    const ours = new Map(rows.map((r) => [`${r.keys.recipient}|${r.keys.year}`, r.value ?? 0]));
    let cells = 0;
    const ties: string[] = [];
    for (const [name, byYear] of table.rows) {
      for (const year of table.years.filter((y) => y <= 1989)) {
        const published = byYear.get(year);
        const sum = ours.get(`${name}|${year}`);
        const where = `${name} ${year}`;
        if (published === undefined) {
          assert.equal(sum, undefined, `${where}: SIPRI shows no deliveries, we have ${sum}`);
          continue;
        }
        assert.notEqual(sum, undefined, `${where}: SIPRI shows ${published.value}, we have nothing`);
        cells++;
        const exactTie = Math.abs(sum! - Math.floor(sum!) - 0.5) < 1e-6;
        if (exactTie && roundHalfUp(sum!) !== published.value) {
          // The export's values are rounded to 2 decimals; an exact .5 tie hides which side SIPRI's unrounded sum fell.
          assert.equal(published.value, Math.floor(sum!), `${where}: tie ${sum} vs ${published.value}`);
          ties.push(where);
          continue;
        }
        assert.equal(roundHalfUp(sum!), published.value, `${where}: ours ${sum} rounds to ${roundHalfUp(sum!)}, SIPRI ${published.value}`);
        if (published.underHalf) assert.ok(sum! < 0.5, `${where}: "0 " means under 0.5`);
      }
    }
    for (const key of ours.keys()) assert.ok(table.rows.has(key.split('|')[0]), `${key} is not in SIPRI's table`);
    assert.ok(cells > 3000, `compared ${cells} cells`);
    assert.ok(ties.length <= 5, `exact .5 ties rounded down by SIPRI: ${ties.join(', ')}`);
    const iran = [1980, 1981, 1982, 1983, 1984, 1985, 1986, 1987, 1988].map((y) => roundHalfUp(ours.get(`Iran|${y}`) ?? NaN));
    assert.deepEqual(iran, [278, 487, 498, 467, 558, 639, 805, 806, 466]);
  },
);

test('grouping through a table and through a Map give the same groups, in the same order', () => {
  const dims = [
    ['year'],
    ['recipient', 'supplier', 'year'],
    ['origin', 'supplier', 'category', 'recipient'],
    ['designation', 'year'],
  ] as const;
  for (const by of dims)
    for (const measure of ['tiv', 'units', 'deals'] as const) {
      const query = { by: [...by], measure, basis: 'delivery' as const, filters: {} };
      assert.deepEqual(aggregate([small], query), aggregate([small], query, 0), `${by.join(',')} by ${measure}`);
    }
});

test(
  'on the whole register, the Sankey and bar groupings agree between the table and the Map',
  { skip: skipUnlessShared(REGISTER_2025) },
  () => {
    const register = ingestRegister(readShared(REGISTER_2025));
    for (const by of [
      ['origin', 'supplier', 'category', 'recipient'],
      ['year', 'supplier'],
    ] as const) {
      const query = { by: [...by], measure: 'tiv' as const, basis: 'delivery' as const, filters: { from: 1960, to: 2000 } };
      const dense = aggregate([register], query);
      assert.ok(dense.length > 1000, `${by.join(',')}: ${dense.length} groups`);
      assert.deepEqual(dense, aggregate([register], query, 0));
    }
  },
);

test('groups come largest first, groups without a value last, ties in the order first seen', () => {
  const table = {
    by: ['supplier' as const],
    length: 7,
    keys: [['a', 'b', 'c', 'd', 'e', 'f', 'g']],
    value: Float64Array.from([2, NaN, 5, 2, 0, 5, 0.5]),
    deals: new Int32Array(7),
    missing: new Int32Array(7),
    flags: new Uint8Array(7),
  };
  assert.deepEqual(byValue(table), [2, 5, 0, 3, 6, 4, 1]);
});

test('several registers: groups with the same keys merge (sums and deal counts add, flags join)', () => {
  const query = { by: ['supplier', 'year'] as ('supplier' | 'year')[], measure: 'tiv' as const, basis: 'delivery' as const, filters: {} };
  const once = aggregate([small], query);
  const twice = aggregate([small, small], query);
  assert.equal(twice.length, once.length);
  for (const r of once) {
    const t = twice.find((x) => x.keys.supplier === r.keys.supplier && x.keys.year === r.keys.year)!;
    assert.equal(t.value, r.value === null ? null : 2 * r.value, `${r.keys.supplier} ${r.keys.year}`);
    assert.equal(t.deals, 2 * r.deals);
    assert.equal(t.missing, 2 * r.missing);
    assert.deepEqual([t.estimated, t.spread, t.mixedCategories], [r.estimated, r.spread, r.mixedCategories]);
  }
});
