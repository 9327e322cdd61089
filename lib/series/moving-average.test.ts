import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BarSeries } from './bar-series';
import { movingAverage } from './moving-average';
import { averagedRows } from '../query/average-rows';
import { NO_SHARES } from './shares';

/** Bars of one series "A" with these values by year (undefined: no deliveries that year). */
function bars(values: Record<number, number>, from: number, to: number): BarSeries {
  const years = [];
  for (let y = from; y <= to; y++) {
    const v = values[y];
    years.push({
      year: y,
      total: v ?? null,
      hasFacts: v !== undefined,
      cells: v === undefined ? {} : { A: { value: v, shares: { ...NO_SHARES, estimated: y === 1984 ? 1 : 0 }, deals: 1 } },
    });
  }
  return { years, keys: ['A'], labels: { A: 'A' }, others: [], max: 0 };
}

test('each year averages it and the four before; a year without deliveries counts as zero', () => {
  const s = movingAverage(bars({ 1980: 10, 1981: 20, 1982: 30, 1984: 50, 1985: 60 }, 1980, 1986), 1984, 1986, 1950);
  assert.deepEqual(
    s.years.map((y) => [y.year, y.cells.A?.value]),
    [
      [1984, (10 + 20 + 30 + 0 + 50) / 5],
      [1985, (20 + 30 + 0 + 50 + 60) / 5],
      [1986, (30 + 0 + 50 + 60 + 0) / 5],
    ],
  );
  assert.equal(s.max, 32);
  // 1984's 50 is all estimated: of 1985's window sum 160, 50 rests on estimates.
  assert.ok(Math.abs(s.years[1].cells.A.shares.estimated - 50 / 160) < 1e-9);
});

test('the first years of the data average fewer years, not zeros before the data', () => {
  const s = movingAverage(bars({ 1950: 10, 1951: 30 }, 1946, 1952), 1950, 1952, 1950);
  assert.deepEqual(
    s.years.map((y) => y.cells.A?.value),
    [10, 20, 40 / 3],
  );
});

test("the API's averaged rows equal the bars' averages, group by group", () => {
  const row = (year: number, supplier: string, value: number | null) => ({
    keys: { year, supplier },
    value,
    deals: 1,
    missing: value === null ? 1 : 0,
    estimated: false,
    spread: false,
    mixedCategories: false,
    estimatedShare: value === null ? null : 0.5,
    spreadShare: value === null ? null : 0,
    spreadFirmShare: value === null ? null : 0,
  });
  const rows = averagedRows(
    [row(1980, 'A', 10), row(1981, 'A', 20), row(1982, 'A', 30), row(1984, 'A', 50), row(1985, 'A', 60), row(1983, 'B', 5)],
    1984,
    1985,
    1950,
  );
  assert.deepEqual(
    rows.map((r) => [r.keys.year, r.keys.supplier, r.value, r.deals, r.estimatedShare]),
    [
      [1984, 'A', 22, 4, 0.5],
      [1984, 'B', 1, 1, 0.5],
      [1985, 'A', 32, 4, 0.5],
      [1985, 'B', 1, 1, 0.5],
    ],
  );
});
