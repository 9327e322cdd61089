import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseRankingsPage, parseRankingsQuery, rankingsHref } from './rankings-query';

const q = (s: string) => parseRankingsQuery(new URLSearchParams(s));

test('defaults: exporters, top 25, the period from the data, JSON', () => {
  assert.deepEqual(q(''), { dataset: null, side: 'exporters', from: null, to: null, top: 25, format: 'json' });
  assert.deepEqual(q('dataset=x&side=importers&from=1985&to=1989&top=10&format=csv'), {
    dataset: 'x',
    side: 'importers',
    from: 1985,
    to: 1989,
    top: 10,
    format: 'csv',
  });
});

test('each bad parameter is named', () => {
  const cases: [string, string, RegExp][] = [
    ['side=buyers', 'side', /"buyers" is not a side/],
    ['top=0', 'top', /from 1 to 500/],
    ['top=ten', 'top', /from 1 to 500/],
    ['from=1990&to=1980', 'from', /after/],
    ['to=19x', 'to', /not a year/],
    ['dataset=a,b', 'dataset', /one dataset at a time/],
    ['sort=tiv', 'sort', /unknown parameter/],
    ['side=importers&side=exporters', 'side', /more than once/],
    ['format=xml', 'format', /not allowed/],
  ];
  for (const [s, param, detail] of cases) {
    const r = q(s);
    assert.ok('error' in r, s);
    assert.equal(r.param, param, s);
    assert.match(r.detail, detail, s);
  }
});

test('the page drops a bad parameter with a notice naming it, and keeps the rest', () => {
  const s = parseRankingsPage({ ds: 'x', side: 'buyers', top: '10', sort: 'colour', dir: 'up', extra: '1' });
  assert.equal(s.query.dataset, 'x');
  assert.equal(s.query.side, 'exporters');
  assert.equal(s.query.top, 10);
  assert.equal(s.sort, 'tiv');
  assert.equal(s.dir, 'desc');
  assert.deepEqual(
    s.notices.map((n) => n.param),
    ['extra', 'side', 'sort', 'dir'],
  );
  assert.equal(rankingsHref(s), '/rankings?ds=x&top=10');
  const back = parseRankingsPage({ ds: 'x', side: 'importers', from: '1985', to: '1989', sort: 'country', dir: 'desc' });
  assert.equal(rankingsHref(back), '/rankings?ds=x&side=importers&from=1985&to=1989&sort=country&dir=desc');
  assert.deepEqual(back.notices, []);
});
