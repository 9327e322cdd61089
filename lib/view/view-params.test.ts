import assert from 'node:assert/strict';
import { test } from 'node:test';
import { namesList, smallerSuppliers } from '../domain/format';
import { drillParams, parseView, viewToParams } from './view-params';

test('a full view round-trips through the URL', () => {
  const url =
    'ds=a,b&recipient=Iran,Iraq&supplier=DPRK&category=Missiles&from=1982&to=1987&measure=units&basis=order&uncertain=exclude&stack=category&pct=1&top=5&events=0&d.supplier=North%20Korea&d.year=1984&d.page=3';
  const { view, notices } = parseView(Object.fromEntries(new URLSearchParams(url)));
  assert.deepEqual(notices, []);
  assert.deepEqual(view.suppliers, ['North Korea'], 'aliases are resolved');
  assert.deepEqual(view.drill, { supplier: 'North Korea', year: 1984 });
  assert.equal(view.drillPage, 3);
  const again = parseView(Object.fromEntries(viewToParams(view)));
  assert.deepEqual(again.view, view);
});

test('invalid params are ignored with a notice naming them', () => {
  const { view, notices } = parseView({ measure: 'weight', from: 'soon', to: '1987', top: '0', category: 'Spaceships', basis: 'x' });
  assert.equal(view.measure, null);
  assert.equal(view.from, null);
  assert.equal(view.to, 1987);
  assert.equal(view.top, 10);
  assert.deepEqual(notices.map((n) => n.param).sort(), ['basis', 'category', 'from', 'measure', 'top']);
});

test('a reversed year range is swapped and said so', () => {
  const { view, notices } = parseView({ from: '1988', to: '1980' });
  assert.deepEqual([view.from, view.to], [1980, 1988]);
  assert.equal(notices[0].param, 'from');
});

test('a drill-down page is a whole number from 1; anything else shows the first page with a notice', () => {
  for (const bad of ['0', '-1', '2.5', 'last', '9999999']) {
    const { view, notices } = parseView({ 'd.supplier': 'China', 'd.page': bad });
    assert.equal(view.drillPage, 1, bad);
    assert.deepEqual(
      notices.map((n) => n.param),
      ['d.page'],
      bad,
    );
  }
  const first = parseView({ 'd.supplier': 'China', 'd.page': '1' }).view;
  assert.equal(viewToParams(first).has('d.page'), false, 'page 1 is left out of links');
  assert.equal(viewToParams({ ...first, drill: null, drillPage: 4 }).has('d.page'), false, 'no page without a drill-down');
});

test('a drill-down into several suppliers (a merged Sankey link) round-trips as one comma list', () => {
  const drill = { suppliers: ['Italy', 'South Korea', 'Germany'], category: 'Ships', recipient: 'Iran' };
  assert.deepEqual(drillParams(drill), { 'd.suppliers': 'Italy,South Korea,Germany', 'd.category': 'Ships', 'd.recipient': 'Iran' });
  const { view } = parseView({ 'd.suppliers': 'Italy, ROK,FRG', 'd.category': 'Ships', 'd.recipient': 'Iran' });
  assert.deepEqual(view.drill, drill, 'names canonical (ROK → South Korea, FRG → Germany)');
  const again = parseView(Object.fromEntries(viewToParams(view)));
  assert.deepEqual(again.view.drill, drill);
  assert.equal(parseView({ 'd.suppliers': ' , ' }).view.drill, null, 'an empty list is no drill');
  assert.deepEqual(
    parseView({ 'd.suppliers': 'DPRK,North Korea,Italy,DPRK' }).view.drill,
    { suppliers: ['North Korea', 'Italy'] },
    'each once',
  );
});

test('names are listed in prose, the rest counted', () => {
  assert.equal(namesList(['Italy']), 'Italy');
  assert.equal(namesList(['Italy', 'Spain']), 'Italy and Spain');
  assert.equal(namesList(['A', 'B', 'C', 'D', 'E', 'F', 'G'], 5), 'A, B, C, D, E and 2 more');
  assert.equal(smallerSuppliers(['Italy', 'Spain', 'Sweden']), '3 smaller suppliers (Italy, Spain and Sweden)');
  assert.equal(
    smallerSuppliers(
      Array.from({ length: 1200 }, (_, i) => `C${i}`),
      2,
    ),
    '1,200 smaller suppliers (C0, C1 and 1,198 more)',
  );
});
