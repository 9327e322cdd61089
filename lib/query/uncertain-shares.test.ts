import assert from 'node:assert/strict';
import { test } from 'node:test';
import { aggregate, aggregateTable, type FactSource } from './aggregate';
import { rangeGroups, rangeSums } from './year-cells';
import { ingestRegister } from '../ingest';
import { ownRegister } from '../testing/own-register';
import { DELIVERIES_1950_1989, readShared, REGISTER_2025, skipUnlessShared } from '../testing/shared-data';
import type { AggregateQuery } from '../domain/terms';

/** How much of each value rests on estimates and on spread values: the shares, from crafted and real registers. */

// Iran 1983: 40 TIV firm (A), 40 TIV estimated (B): half estimated by value. Two of three deals to
// Iraq carry an estimate (C by the estimates column, D by an inline "?").
const crafted = ownRegister([
  'China,Iran,,1982,Type-59,tank,,10,10,1983,New,,40,,,A',
  'China,Iran,,1982,Type-69,tank,,10,10,1983,New,,40,,number_delivered,B',
  'France,Iraq,,1980,Mirage F-1,fighter aircraft,,4,4,1981,New,,100,,number_delivered,C',
  'France,Iraq,,1980,AMX-30,tank,,20,20?,1981,New,,10,,,D',
  'France,Iraq,,1980,Roland,SAM system,,2,2,1981,New,,30,,,E',
  'USSR,Iraq,,1980,T-72,tank,,100,100,1981-1984,New,,400,,,F',
]);

const q = (by: AggregateQuery['by'], measure: AggregateQuery['measure'], filters: AggregateQuery['filters'] = {}): AggregateQuery => ({
  by,
  measure,
  basis: 'delivery',
  filters,
});

test('a group half estimated by value has an estimated share of 0.5', () => {
  assert.deepEqual(crafted.report.entries, []);
  const [iran] = aggregate([crafted], q(['recipient'], 'tiv', { recipients: ['Iran'] }));
  assert.equal(iran.value, 80);
  assert.equal(iran.estimatedShare, 0.5);
  assert.equal(iran.spreadShare, 0);
});

test('counting deals, the estimated share is the share of deals with an estimated fact', () => {
  const [france] = aggregate([crafted], q(['supplier'], 'deals', { suppliers: ['France'] }));
  assert.equal(france.value, 3);
  assert.equal(france.estimatedShare, 2 / 3);
  assert.equal(france.spreadShare, 0, 'a deal is counted whole, never divided');
  const [iran] = aggregate([crafted], q(['recipient'], 'units', { recipients: ['Iran'] }));
  assert.equal(iran.estimatedShare, 0.5, 'by units: 10 of 20');
});

test('a deal spread over its years is wholly spread by year, not at all over a range holding it whole, partly where the range cuts it', () => {
  const byYear = aggregate([crafted], q(['year'], 'tiv', { suppliers: ['Soviet Union'] }));
  assert.deepEqual(
    byYear.map((r) => [r.keys.year, r.value, r.spreadShare]),
    [1981, 1982, 1983, 1984].map((y) => [y, 100, 1]),
  );
  const [whole] = aggregate([crafted], q(['supplier'], 'tiv', { suppliers: ['Soviet Union'], from: 1980, to: 1988 }));
  assert.equal(whole.spreadShare, 0);
  const [cut] = aggregate([crafted], q(['recipient'], 'tiv', { recipients: ['Iraq'], from: 1981, to: 1982 }));
  // 1981: Mirage 100 (estimated), AMX 10 (estimated), Roland 30, T-72 100 (spread); 1982: T-72 100.
  assert.equal(cut.value, 340);
  assert.equal(cut.spreadShare, 200 / 340);
  assert.equal(cut.estimatedShare, 110 / 340);
});

test('an unknown value has unknown shares; exclude leaves only firm values', () => {
  const naval = ownRegister(['North Korea,Iran,,1985,,naval mine,,,,1985,,no numbers,,,number_delivered,C']);
  const [row] = aggregate([naval], q(['recipient'], 'units'));
  assert.equal(row.value, null);
  assert.equal(row.estimatedShare, null);
  assert.equal(row.spreadShare, null);
  const [firm] = aggregate([crafted], q(['recipient'], 'tiv', { recipients: ['Iran'], uncertain: 'exclude' }));
  assert.deepEqual([firm.value, firm.estimatedShare], [40, 0]);
});

test('merged across registers, the parts add up like the values', () => {
  const [both] = aggregate([crafted, crafted], q(['recipient'], 'tiv', { recipients: ['Iran'] }));
  assert.deepEqual([both.value, both.estimatedShare], [160, 0.5]);
});

/** Every group's parts through the year cells equal those of grouping the facts. */
function sameParts(source: FactSource, query: AggregateQuery): void {
  const direct = aggregateTable([source], query);
  const cells = query.by.includes('year') ? rangeGroups([source], query) : rangeSums([source], query);
  assert.equal(cells.length, direct.length);
  for (let g = 0; g < direct.length; g++)
    for (const part of ['estimated', 'spread', 'spreadFirm'] as const)
      assert.ok(Math.abs(cells[part][g] - direct[part][g]) < 1e-6, `${part} of group ${g}: ${cells[part][g]} against ${direct[part][g]}`);
}

test('the year cells give every group the same parts as grouping the facts, wherever the range cuts deals', () => {
  sameParts(crafted, q(['supplier', 'recipient'], 'tiv', { from: 1982, to: 1983 }));
  sameParts(crafted, q(['year', 'supplier'], 'tiv', { from: 1982, to: 1983 }));
});

test(
  "SIPRI's delivery export: 88.8% of Iran's and 98.0% of Iraq's TIV 1980–1988 rest on SIPRI's estimates",
  { skip: skipUnlessShared(DELIVERIES_1950_1989) },
  () => {
    const deliveries = ingestRegister(readShared(DELIVERIES_1950_1989));
    const rows = aggregate([deliveries], q(['recipient'], 'tiv', { recipients: ['Iran', 'Iraq'], from: 1980, to: 1988 }));
    const share = Object.fromEntries(rows.map((r) => [r.keys.recipient, Math.round(r.estimatedShare! * 1000) / 1000]));
    assert.deepEqual(share, { Iran: 0.888, Iraq: 0.98 });
    assert.ok(
      rows.every((r) => r.spreadShare === 0),
      'delivery-level rows are never spread',
    );
  },
);

test(
  "SIPRI's trade register: the year cells' parts equal the facts' on the whole register, over ranges that cut deals",
  { skip: skipUnlessShared(REGISTER_2025) },
  () => {
    const register = ingestRegister(readShared(REGISTER_2025));
    sameParts(register, q(['origin', 'supplier', 'category', 'recipient'], 'tiv', { from: 1980, to: 1988 }));
    sameParts(register, q(['year', 'supplier'], 'tiv', { from: 1980, to: 1988 }));
    // A multi-year deal alone in its supplier, recipient and designation: spread share 1 by year,
    // 0 over a range that holds it whole, between where the range cuts it.
    const count = new Map<string, number>();
    const keyOf = (i: number) => ['supplier', 'recipient', 'designation'].map((f) => register.deals.text(i, f as 'supplier')).join('|');
    for (let i = 0; i < register.deals.length; i++) count.set(keyOf(i), (count.get(keyOf(i)) ?? 0) + 1);
    let found = -1;
    for (let i = 0; i < register.deals.length && found < 0; i++) {
      const d = register.deals.at(i);
      if (count.get(keyOf(i)) === 1 && d.deliveryYears.length >= 3 && d.tivDelivered && !d.deliveredEstimated && !d.deliveryYearsEstimated)
        found = i;
    }
    assert.ok(found >= 0, 'the register has such a deal');
    const d = register.deals.at(found);
    const filters = { suppliers: [d.supplier], recipients: [d.recipient], designations: [d.designation] };
    const [from, to] = [Math.min(...d.deliveryYears), Math.max(...d.deliveryYears)];
    const perYear = aggregate([register], q(['year'], 'tiv', { ...filters, from, to }));
    assert.equal(perYear.length, new Set(d.deliveryYears).size);
    assert.ok(perYear.every((r) => r.spreadShare === 1 && r.estimatedShare === 0));
    const [whole] = aggregate([register], q(['supplier'], 'tiv', { ...filters, from, to }));
    assert.deepEqual([whole.spreadShare, Math.round(whole.value!)], [0, Math.round(d.tivDelivered!)]);
    const [cut] = aggregate([register], q(['supplier'], 'tiv', { ...filters, from: from + 1, to }));
    assert.equal(cut.spreadShare, 1);
  },
);
