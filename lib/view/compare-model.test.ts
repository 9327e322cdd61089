import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { roundHalfUp } from '../query/aggregate';
import { buildCompare, checkSides, parsePair, type MirrorRow } from './compare-model';
import { readTimeline } from '../ingest/context-tables';
import { availableMeasures, yearSpan, type Dataset } from '../store/dataset';
import { ingestRegister } from '../ingest';
import { DELIVERIES_1950_1989, readShared, skipUnlessShared, SUPPLIED_BOTH_IRAN_IRAQ_1980_1988 } from '../testing/shared-data';
import { parseView } from './view-params';
import { NO_SHARES } from '../series/shares';

function dataset(id: string, bytes: Uint8Array): Dataset {
  const r = ingestRegister(bytes);
  return {
    ...r,
    info: {
      id,
      name: id,
      file: `${id}.csv`,
      origin: 'dropped',
      format: r.report.format,
      citation: 'SIPRI',
      generated: r.report.generated,
      records: r.report.recordsRead,
      deals: r.deals.length,
      deliveries: r.deliveries.length,
      years: yearSpan(r.deliveries, r.deals),
      version: id,
      bytes: bytes.length,
      error: null,
      issues: 0,
      measures: availableMeasures(r.deals),
      table: null,
    },
  };
}

test('the pair defaults to Iran and Iraq; aliases resolve; the same country twice is refused', () => {
  const notices: never[] = [];
  assert.deepEqual(parsePair({}, notices), { a: 'Iran', b: 'Iraq' });
  assert.deepEqual(parsePair({ a: 'DPRK', b: 'ROK' }, notices), { a: 'North Korea', b: 'South Korea' });
  const n: { param: string; message: string }[] = [];
  assert.deepEqual(parsePair({ a: 'Iraq', b: 'iraq' }, n), { a: 'Iraq', b: 'Iran' });
  assert.equal(n[0].param, 'b');
});

test('sides versus deliveries: agreements and every kind of disagreement', () => {
  const row = (key: string, a: number | null, b: number | null): MirrorRow => ({
    key,
    a,
    b,
    aDeals: a === null ? 0 : 1,
    bDeals: b === null ? 0 : 1,
    both: a !== null && b !== null,
    aShares: NO_SHARES,
    bShares: NO_SHARES,
  });
  const sides = [
    { country: 'Canada', side: 'iraq' as const, note: '', source: 's', line: 2 },
    { country: 'China', side: 'both' as const, note: '', source: 's', line: 3 },
    { country: 'Sweden', side: 'iran' as const, note: '', source: 's', line: 4 },
    { country: 'Japan', side: 'both' as const, note: '', source: 's', line: 5 },
  ];
  const checked = checkSides(sides, [row('Canada', 5, 10), row('China', 100, 200), row('Sweden', null, 3)], 'Iran', 'Iraq');
  assert.deepEqual(
    checked.map((c) => c.status),
    ['delivered to Iran too', 'agrees', 'delivered to Iraq too', 'no deliveries in data'],
  );
});

test(
  'Iran and Iraq 1980–1988 from the delivery-level export match SIPRI’s figures',
  { skip: skipUnlessShared(DELIVERIES_1950_1989) },
  () => {
    const d = dataset('deliveries', readShared(DELIVERIES_1950_1989));
    const { view, notices } = parseView({});
    const m = buildCompare(view, { a: 'Iran', b: 'Iraq' }, [d], [], [], notices);
    assert.equal(m.measure, 'tiv');
    assert.deepEqual([m.from, m.to], [1980, 1988]);
    const iran = m.suppliers.filter((r) => r.aDeals > 0).sort((x, y) => (y.a ?? 0) - (x.a ?? 0));
    const iraq = m.suppliers.filter((r) => r.bDeals > 0).sort((x, y) => (y.b ?? 0) - (x.b ?? 0));
    assert.equal(iran.length, 19);
    assert.equal(iraq.length, 22);
    const near = (x: number | null, want: number) => Math.abs(roundHalfUp(x ?? NaN) - want) <= 1;
    for (const [name, want] of [
      ['China', 1943],
      ['North Korea', 996],
      ['Soviet Union', 306],
      ['Syria', 224],
      ['Libya', 221],
    ] as const) {
      assert.ok(near(iran.find((r) => r.key === name)!.a, want), `${name} → Iran`);
    }
    assert.deepEqual(
      iran.slice(0, 5).map((r) => r.key),
      ['China', 'North Korea', 'Soviet Union', 'Syria', 'Libya'],
    );
    for (const [name, want] of [
      ['Soviet Union', 16973],
      ['France', 4699],
      ['China', 4270],
      ['Brazil', 565],
      ['Egypt', 331],
    ] as const) {
      assert.ok(near(iraq.find((r) => r.key === name)!.b, want), `${name} → Iraq`);
    }
    assert.deepEqual(
      iraq.slice(0, 5).map((r) => r.key),
      ['Soviet Union', 'France', 'China', 'Brazil', 'Egypt'],
    );
    const both = new Set(m.suppliers.filter((r) => r.both).map((r) => r.key));
    for (const name of SUPPLIED_BOTH_IRAN_IRAQ_1980_1988) assert.ok(both.has(name), `${name} supplied both`);
    const cat = (key: string) => m.categories.find((r) => r.key === key)!;
    assert.ok(near(cat('Armoured vehicles').a, 1923) && near(cat('Artillery').a, 1058), "Iran's imports by category");
    assert.ok(near(cat('Aircraft').b, 12633) && near(cat('Armoured vehicles').b, 8048), "Iraq's imports by category");
    // The mirrored bars' shares, weighted by value, give each side's share on SIPRI's estimates.
    const weighted = (rows: MirrorRow[], side: 'a' | 'b') => {
      const value = rows.reduce((s, r) => s + (r[side] ?? 0), 0);
      return rows.reduce((s, r) => s + (r[side] ?? 0) * r[`${side}Shares`].estimated, 0) / value;
    };
    assert.equal(weighted(iran, 'a').toFixed(3), '0.888');
    assert.equal(weighted(iraq, 'b').toFixed(3), '0.980');
    assert.ok(
      iran.every((r) => r.aShares.spread === 0),
      'delivery-level rows are never spread',
    );
  },
);

test('each side marks the events naming its recipient or one of its suppliers; the list and its numbers are shared', () => {
  const read = (f: string) => readFileSync(join(process.cwd(), 'data', f));
  const d = dataset('nk', read('nk-iran-sipri-register-1982-1987.csv'));
  const timeline = readTimeline(read('timeline.csv').toString('utf8')).rows;
  const { view, notices } = parseView({ from: '1980', to: '1988' });
  const m = buildCompare(view, { a: 'Iran', b: 'Iraq' }, [d], [], timeline, notices);
  assert.ok(m.events.length > 3);
  const named = (i: number, country: string) => m.events[i].countries.length === 0 || m.events[i].countries.includes(country);
  // Iran's supplier in this register is North Korea; Iraq has none here.
  assert.deepEqual(
    m.eventSides.a,
    m.events.flatMap((_, i) => (named(i, 'Iran') || named(i, 'North Korea') ? [i] : [])),
  );
  assert.deepEqual(
    m.eventSides.b,
    m.events.flatMap((_, i) => (named(i, 'Iraq') ? [i] : [])),
  );
  assert.ok(m.eventSides.b.length < m.eventSides.a.length, 'North Korea → Iran events are not marked on Iraq’s chart');
  assert.ok(m.eventSides.b.length > 0, 'the war’s start concerns Iraq');
  const off = parseView({ from: '1980', to: '1988', events: '0' });
  const none = buildCompare(off.view, { a: 'Iran', b: 'Iraq' }, [d], [], timeline, off.notices);
  assert.deepEqual([none.events, none.eventSides], [[], { a: [], b: [] }]);
});

test(
  'a side’s "Other" bar segment drills into the deals of the suppliers its bars folded',
  { skip: skipUnlessShared(DELIVERIES_1950_1989) },
  () => {
    const d = dataset('deliveries', readShared(DELIVERIES_1950_1989));
    const { view, notices } = parseView({ top: '3', 'd.supplier': '~other', 'd.recipient': 'Iraq', 'd.year': '1985' });
    const m = buildCompare(view, { a: 'Iran', b: 'Iraq' }, [d], [], [], notices);
    const folded = m.barsB.others;
    assert.ok(folded.length > 0, 'Iraq’s bars fold suppliers beyond the top 3');
    assert.equal(m.drill!.title, `Deals from other suppliers (${folded.length}), to Iraq, in 1985`);
    assert.ok(m.drill!.deals.length > 0, 'the folded suppliers’ deals are listed');
    assert.ok(m.drill!.deals.every((x) => folded.includes(x.supplier) && x.recipient === 'Iraq'));
  },
);
