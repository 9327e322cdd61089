import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dashboardDownloads } from './download-links';
import { parseView } from '../view/view-params';

test('a dashboard chart downloads exactly its view: API links and a file name naming the filters', () => {
  const { view } = parseView({ ds: 'nk-iran', recipient: 'Iran', uncertain: 'exclude' });
  const model = { selected: ['nk-iran'], from: 1982, to: 1987, measure: 'units' as const, view };
  const { links, fileName } = dashboardDownloads(model, 'flows', ['supplier', 'category', 'recipient']);
  const csv = new URLSearchParams(links.csv.split('?')[1]);
  assert.equal(csv.get('by'), 'supplier,category,recipient');
  assert.equal(csv.get('recipient'), 'Iran');
  assert.equal(csv.get('uncertain'), 'exclude');
  assert.equal(csv.get('format'), 'csv');
  // The deals behind the chart: same filters, no grouping and no measure.
  const deals = new URLSearchParams(links.dealsCsv.split('?')[1]);
  assert.equal(deals.get('by'), null);
  assert.equal(deals.get('measure'), null);
  assert.equal(deals.get('from'), '1982');
  assert.equal(fileName, 'flows-by-supplier-category-recipient-iran-1982-1987-units');
});
