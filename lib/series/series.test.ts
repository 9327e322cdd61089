import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ingestRegister } from '../ingest';
import { layoutSankey, SMALLER } from '../chart/sankey-layout';
import { selectDeals } from '../query/select-deals';
import { OTHER } from '../domain/terms';
import { buildBarSeries } from './bar-series';
import { linkDrill } from './sankey-drill';
import { buildSankeySeries, sankeyCountries, sankeyFlows, sankeyTableSize } from './sankey-series';
import { legendSuppliers } from './legend-order';
import { paletteOrder } from './palette-order';
import { aggregate } from '../query/aggregate';
import { packBars, packSankey, unpackBars, unpackSankey } from './transport';
import { packShares, unpackShares } from './shares';

const enc = (s: string) => new TextEncoder().encode(s);
const data = ingestRegister(
  enc(
    [
      'supplier,recipient,origin,order_year,designation,description,number_delivered,delivery_years,tiv_delivered,estimates,source',
      'North Korea,Iran,,1982,T-62,tank,150,1982-1984,30,,S',
      'North Korea,Iran,Soviet Union,1985,R-17,SSM,100,1987,20,number_delivered,S',
      'China,Iran,,1982,Type-59,tank,100,1983,10,,S',
      'China,Iraq,,1982,Type-69,tank,300,1983,40,,S',
      'Iran,Syria,,1984,Type-59,tank,10,1984,2,,S',
      'France,Iraq,,1982,Mirage F-1,fighter aircraft,10,1986,,,S',
    ].join('\n'),
  ),
);
const query = { measure: 'tiv' as const, basis: 'delivery' as const, filters: {} };

test('sankey: side-prefixed nodes, origin layer when re-exports exist, no cycles for a country on both sides', () => {
  const { series: s } = buildSankeySeries([data], query, 10);
  assert.equal(s.hasOrigin, true);
  const ids = s.nodes.map((n) => n.id);
  assert.ok(ids.includes('supplier:Iran') && ids.includes('recipient:Iran'), 'Iran appears once per side');
  assert.ok(ids.includes('origin:Soviet Union'));
  assert.equal(s.total, 102);
  assert.equal(s.undrawn, 1, 'the Mirage row has no TIV: counted, not drawn');
  for (const l of s.links) assert.ok(Number.isFinite(l.value) && l.value > 0);
  const nkToMissiles = s.links.find((l) => l.source === 'supplier:North Korea' && l.target === 'category:Missiles');
  assert.equal(nkToMissiles?.value, 20);
  assert.deepEqual(nkToMissiles?.shares, { estimated: 1, spread: 0, spreadFirm: 0 }, 'the R-17 row is an estimate, whole');
});

test('sankey: the rest beyond top n is one "Other" node that drills down to its members', () => {
  const { series: s } = buildSankeySeries([data], query, 1);
  const other = s.nodes.find((n) => n.id === `supplier:${OTHER}`);
  assert.ok(other);
  assert.equal(other.label, 'Other (2 countries)');
  assert.deepEqual(other.members.sort(), ['Iran', 'North Korea'], 'China and North Korea tie at 50; ties go by name');
  const deals = selectDeals([{ ...data, id: 'x', name: 'X' }], 'delivery', {}, { supplier: OTHER }, s.others);
  assert.deepEqual(deals.map((d) => d.designation).sort(), ['R-17', 'T-62', 'Type-59']);
});

test('sankey: an empty selection gives no nodes and no NaN', () => {
  const { series: s } = buildSankeySeries([data], { ...query, filters: { recipients: ['Atlantis'] } }, 10);
  assert.deepEqual([s.nodes.length, s.links.length, s.total], [0, 0, 0]);
});

test('bars: a bar per year; no data differs from zero; spread and estimated shares travel', () => {
  const { series: b } = buildBarSeries([data], { ...query, filters: { recipients: ['Iran'] } }, 'supplier', 1981, 1988, 10);
  assert.deepEqual(
    b.years.map((y) => y.year),
    [1981, 1982, 1983, 1984, 1985, 1986, 1987, 1988],
  );
  const y = Object.fromEntries(b.years.map((x) => [x.year, x]));
  assert.equal(y[1981].hasFacts, false);
  assert.equal(y[1981].total, null);
  assert.equal(y[1983].total, 20);
  assert.deepEqual(y[1983].cells['North Korea'].shares, { estimated: 0, spread: 1, spreadFirm: 1 }, 'a third of the T-62 deal, spread');
  assert.deepEqual(y[1987].cells['North Korea'].shares, { estimated: 1, spread: 0, spreadFirm: 0 });
  assert.deepEqual(b.keys, ['North Korea', 'China']);
});

test('bars by category with units: rows without numbers keep the year "n/a", not zero', () => {
  const { series: b } = buildBarSeries(
    [data],
    { measure: 'tiv', basis: 'delivery', filters: { recipients: ['Iraq'] } },
    'category',
    1986,
    1986,
    10,
  );
  assert.equal(b.years[0].hasFacts, true);
  assert.equal(b.years[0].total, null);
});

test('drill-down: the deals behind a link', () => {
  const deals = selectDeals(
    [{ ...data, id: 'x', name: 'X' }],
    'delivery',
    {},
    { supplier: 'DPRK', category: 'Missiles', recipient: 'Iran' },
  );
  assert.deepEqual(
    deals.map((d) => d.designation),
    ['R-17'],
  );
  assert.equal(deals[0].dataset, 'x');
});

test('drill-down: "Other" categories of the bars list the deals of the folded categories', () => {
  const { series: b } = buildBarSeries([data], query, 'category', 1982, 1987, 1);
  assert.ok(b.others.length > 0, 'some categories folded');
  const deals = selectDeals([{ ...data, id: 'x', name: 'X' }], 'delivery', {}, { category: OTHER }, { category: b.others });
  assert.ok(deals.length > 0);
  assert.ok(deals.every((d) => b.others.includes(d.category)));
});

test('the unfolded groups come apart from the chart series (tables and downloads, not the browser)', () => {
  const { series, groups } = buildSankeySeries([data], query, 1);
  const flows = sankeyFlows(groups);
  assert.equal(flows.length, 6, 'one flow per origin, supplier, category and recipient group, Other unfolded');
  assert.ok(!('groups' in series) && !('flows' in series));
  assert.equal(sankeyTableSize(groups, series.hasOrigin), new Set(flows.map((f) => `${f.supplier}|${f.category}|${f.recipient}`)).size);
  assert.ok(['Soviet Union', 'North Korea', 'Iran'].every((c) => sankeyCountries(groups).has(c)));
  const { series: bars, tableRows } = buildBarSeries([data], query, 'supplier', 1982, 1987, 1);
  const unfolded = aggregate([data], { ...query, by: ['year', 'supplier'], filters: { from: 1982, to: 1987 } });
  assert.ok(bars.keys.length < unfolded.length, 'the bars fold');
  assert.equal(tableRows, unfolded.length, 'the table counts every year and supplier, folded ones too');
  assert.ok(!('rows' in bars));
});

test('drill-down: the drill of every link names its ends and supplier, and lists exactly the deals its value sums', () => {
  const { series } = buildSankeySeries([data], query, 10);
  const source = [{ ...data, id: 'x', name: 'X' }];
  assert.deepEqual(linkDrill({ source: 'origin:Soviet Union', target: 'supplier:North Korea', supplier: 'North Korea' }), {
    origin: 'Soviet Union',
    supplier: 'North Korea',
  });
  assert.deepEqual(linkDrill({ source: 'category:Missiles', target: 'recipient:Iran', supplier: 'North Korea' }), {
    supplier: 'North Korea',
    category: 'Missiles',
    recipient: 'Iran',
  });
  assert.deepEqual(
    Object.keys(linkDrill({ source: 'supplier:A: B', target: 'category:Ships', supplier: 'A: B' })),
    ['supplier', 'category'],
    'a name with a colon stays whole',
  );
  for (const l of series.links) {
    const deals = selectDeals(source, 'delivery', {}, linkDrill(l));
    const tiv = deals.reduce((sum, d) => sum + (d.tivDelivered ?? 0), 0);
    assert.ok(Math.abs(tiv - l.value) < 1e-9, `${l.source} → ${l.target} (${l.supplier}): ${tiv} vs ${l.value}`);
  }
  // Laid out so small that the tanks' flows into Iran fall under a hairline: their merged link's drill
  // lists any of its suppliers' deals of that flow, and again exactly its value.
  // With one country per side kept, "Other" suppliers merge with named ones: OTHER among a merged
  // link's suppliers stands for every folded supplier.
  for (const top of [10, 1]) {
    const { series: s } = buildSankeySeries([data], query, top);
    const { links } = layoutSankey(s, { left: 0, top: 0, right: 300, bottom: 4 });
    const merged = links.filter((l) => l.supplier === SMALLER);
    assert.ok(merged.length > 0, 'some links merged');
    if (top === 1)
      assert.ok(
        merged.some((l) => l.members.includes(OTHER)),
        'Other merged with a named supplier',
      );
    for (const l of links) {
      const drill = linkDrill(l);
      if (l.supplier === SMALLER) assert.deepEqual(drill.suppliers, l.members);
      const tiv = selectDeals(source, 'delivery', {}, drill, s.others).reduce((sum, d) => sum + (d.tivDelivered ?? 0), 0);
      assert.ok(
        Math.abs(tiv - l.value) < 1e-9,
        `top ${top}: ${l.source} → ${l.target} (${l.members.join(', ') || l.supplier}): ${tiv} vs ${l.value}`,
      );
    }
  }
});

/** A series with its shares in thousandths, as they travel (a tooltip shows whole per cents). */
function sharesInThousandths<T>(x: T): T {
  return JSON.parse(JSON.stringify(x), (key, v) =>
    v && typeof v === 'object' && 'spreadFirm' in v ? unpackShares(...packShares(v)) : v,
  ) as T;
}

test('the series cross to the browser packed, and unpack to what was built, shares in thousandths', () => {
  for (const top of [10, 1]) {
    const { series: sankey } = buildSankeySeries([data], query, top);
    const packedSankey = packSankey(sankey);
    assert.deepEqual(unpackSankey(JSON.parse(JSON.stringify(packedSankey))), sharesInThousandths(sankey), `Sankey, top ${top}`);
    for (const stack of ['supplier', 'category'] as const) {
      const { series: bars } = buildBarSeries([data], query, stack, 1980, 1990, top);
      assert.deepEqual(unpackBars(JSON.parse(JSON.stringify(packBars(bars)))), sharesInThousandths(bars), `bars by ${stack}, top ${top}`);
    }
  }
  // Rows without numbers (France's Mirage has no TIV): a null value and a null year total survive.
  const { series: units } = buildBarSeries([data], { ...query, measure: 'tiv' }, 'supplier', 1986, 1986, 10);
  assert.equal(units.years[0].cells['France'].value, null);
  assert.deepEqual(unpackBars(JSON.parse(JSON.stringify(packBars(units)))), sharesInThousandths(units));
  // Smaller: names once, numbers in flat arrays.
  const { series: big } = buildSankeySeries([data], query, 10);
  assert.ok(JSON.stringify(packSankey(big)).length < JSON.stringify(big).length / 2);
});

test('colours: the suppliers ranked over all years, with the view’s other filters; categories in their fixed order', () => {
  const years = { ...query, filters: { recipients: ['Iran'], from: 1987, to: 1987 } };
  const order = paletteOrder([data], years, 'supplier');
  assert.deepEqual(
    order,
    paletteOrder([data], { ...years, filters: { recipients: ['Iran'] } }, 'supplier'),
    'the year range changes nothing',
  );
  assert.deepEqual(order, ['North Korea', 'China'], 'suppliers of Iran only, largest first');
  assert.equal(paletteOrder([data], query, 'category')[0], 'Aircraft');
});

test('the Sankey legend lists suppliers by their totals, Other last, in the bars legend’s order', () => {
  for (const top of [1, 10]) {
    const { series } = buildSankeySeries([data], query, top);
    const { series: bars } = buildBarSeries([data], query, 'supplier', 1982, 1987, top);
    const drawn = legendSuppliers(series);
    // The bars also list a supplier whose deliveries have no figure (France: "n/a"), the Sankey does not.
    assert.deepEqual(
      drawn,
      bars.keys.filter((k) => drawn.includes(k)),
      `top ${top}`,
    );
  }
  assert.equal(legendSuppliers(buildSankeySeries([data], query, 1).series).at(-1), OTHER);
  // North Korea and China tie at 50: by name. Iran 2 (France's deliveries have no TIV: not drawn).
  assert.deepEqual(legendSuppliers(buildSankeySeries([data], query, 10).series), ['China', 'North Korea', 'Iran']);
});
