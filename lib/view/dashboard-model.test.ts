import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { buildCharts, buildDashboard, withDrill } from './dashboard-model';
import { resolveView } from './resolve-view';
import { availableMeasures, yearSpan, type Dataset } from '../store/dataset';
import { ingestRegister } from '../ingest';
import { parseView } from './view-params';
import { DELIVERIES_1950_1989, readShared, skipUnlessShared } from '../testing/shared-data';

function bundled(id: string, bytes: Uint8Array = readFileSync(join(process.cwd(), 'data', `${id}.csv`))): Dataset {
  const r = ingestRegister(bytes);
  const info = {
    id,
    name: id,
    file: `${id}.csv`,
    origin: 'bundled' as const,
    format: r.report.format,
    citation: '',
    generated: null,
    records: r.report.recordsRead,
    deals: r.deals.length,
    deliveries: r.deliveries.length,
    years: yearSpan(r.deliveries, r.deals),
    version: id,
    bytes: 0,
    error: null,
    issues: 0,
    measures: availableMeasures(r.deals),
    table: null,
  };
  return { ...r, info };
}

test('a recipient or supplier the data never mentions gets a notice naming it, not just an empty chart', () => {
  const data = [bundled('nk-iran-sipri-register-1982-1987')];
  const { view, notices } = parseView({ recipient: 'Narnia,DPRK,Iran', supplier: 'Atlantis' });
  const m = buildDashboard(view, data, [], notices);
  assert.deepEqual(
    m.notices.filter((n) => n.param === 'recipient' || n.param === 'supplier'),
    [
      { param: 'recipient', message: '"Narnia" receives nothing in the data shown' },
      { param: 'recipient', message: '"North Korea" receives nothing in the data shown' },
      { param: 'supplier', message: '"Atlantis" supplies nothing in the data shown' },
    ],
  );
  const known = parseView({ recipient: 'Iran', supplier: 'North Korea' });
  assert.deepEqual(buildDashboard(known.view, data, [], known.notices).notices, []);
});

test('a drill into several suppliers lists the deals of any of them and names them, ten at most', () => {
  const data = [bundled('nk-iran-sipri-register-1982-1987')];
  const { view, notices } = parseView({ 'd.suppliers': 'DPRK,Narnia', 'd.category': 'Missiles' });
  const m = buildDashboard(view, data, [], notices);
  assert.equal(m.drill!.title, 'Deals from any of North Korea and Narnia, Missiles');
  assert.ok(m.drill!.deals.length > 0 && m.drill!.deals.every((d) => d.supplier === 'North Korea' && d.category === 'Missiles'));
  const many = Array.from({ length: 25 }, (_, i) => `Country ${i}`).join(',');
  const wide = buildDashboard(parseView({ 'd.suppliers': many }).view, data, [], []);
  assert.equal(
    wide.drill!.title,
    'Deals from any of Country 0, Country 1, Country 2, Country 3, Country 4, Country 5, Country 6, Country 7, Country 8, Country 9 and 15 more',
  );
  assert.equal(wide.drill!.deals.length, 0);
});

test('one colour per supplier on the page: the Sankey and the bars share one map, Other is grey', () => {
  const data = [bundled('nk-iran-sipri-register-1982-1987'), bundled('missiles-1985-1988')];
  const m = buildDashboard(parseView({ ds: 'nk-iran-sipri-register-1982-1987,missiles-1985-1988', top: '2' }).view, data, [], []);
  const suppliers = [...new Set(m.sankey.links.map((l) => l.supplier))];
  assert.ok(suppliers.length >= 2);
  for (const s of [...suppliers, ...m.bars.keys]) assert.ok(m.colours.sankey[s], `${s} has a colour`);
  assert.equal(m.colours.bars, m.colours.sankey);
  const byCategory = buildDashboard(parseView({ stack: 'category' }).view, data, [], []);
  assert.ok(byCategory.bars.keys.every((k) => byCategory.colours.bars[k]));
});

test('the charts of a view, kept apart, give every drill-down of it exactly what building it whole gives', () => {
  const data = [bundled('nk-iran-sipri-register-1982-1987'), bundled('missiles-1985-1988')];
  const ds = 'nk-iran-sipri-register-1982-1987,missiles-1985-1988';
  const infos = data.map((d) => d.info);
  const plain = parseView({ ds, top: '1' });
  const charts = buildCharts(plain.view, data, [], plain.notices, resolveView(plain.view, infos));
  assert.equal(charts.drill, null);
  for (const drill of [{ 'd.supplier': 'North Korea' }, { 'd.supplier': '~other' }, { 'd.category': 'Missiles', 'd.year': '1987' }]) {
    const { view, notices } = parseView({ ds, top: '1', ...drill });
    const whole = buildDashboard(view, data, [], notices);
    assert.ok(whole.drill && whole.drill.deals.length > 0, JSON.stringify(drill));
    assert.deepEqual(withDrill(charts, view, data), whole, JSON.stringify(drill));
  }
});

test(
  'the summary says how much of each recipient’s imports rests on SIPRI’s estimates',
  { skip: skipUnlessShared(DELIVERIES_1950_1989) },
  () => {
    const data = [bundled('deliveries', readShared(DELIVERIES_1950_1989))];
    const { view, notices } = parseView({ recipient: 'Iran,Iraq', from: '1980', to: '1988', measure: 'tiv' });
    const { summary } = buildDashboard(view, data, [], notices);
    assert.match(summary, /89% of Iran’s TIV 1980–1988 rests on SIPRI’s estimates\./);
    assert.match(summary, /98% of Iraq’s TIV 1980–1988 rests on SIPRI’s estimates\./);
    assert.doesNotMatch(summary, /spread/, 'delivery-level rows are never divided over years');
    const excluded = buildDashboard(parseView({ recipient: 'Iran', from: '1980', to: '1988', uncertain: 'exclude' }).view, data, [], []);
    assert.doesNotMatch(excluded.summary, /estimates/, 'with estimates left out, nothing rests on them');
  },
);

test('on a register in our format the summary names the sources’ estimates and the spread part', () => {
  const data = [bundled('nk-iran-sipri-register-1982-1987')];
  const { summary } = buildDashboard(parseView({ from: '1983', to: '1983', measure: 'units' }).view, data, [], []);
  assert.match(
    summary,
    /of Iran’s units delivered 1983–1983 rests on the sources’ estimates|of Iran’s units delivered 1983–1983, \d+% is spread/,
  );
});
