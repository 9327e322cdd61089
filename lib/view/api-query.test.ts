import assert from 'node:assert/strict';
import { test } from 'node:test';
import { downloadName, parseApiQuery, type ApiParamError } from './api-query';

const parse = (q: string, needBy = true) => parseApiQuery(new URLSearchParams(q), { needBy });

test('a good query', () => {
  const q = parse('dataset=a,b&by=recipient,year&measure=tiv&recipient=Iran,Iraq&from=1980&to=1988&format=csv');
  assert.ok(!('error' in q));
  assert.deepEqual(q.by, ['recipient', 'year']);
  assert.deepEqual(q.filters.recipients, ['Iran', 'Iraq']);
  assert.equal(q.format, 'csv');
  assert.equal(q.average, false);
  const averaged = parse('by=year,supplier&average=5');
  assert.ok(!('error' in averaged) && averaged.average);
});

test('every bad parameter gets its own 400 body naming it', () => {
  const cases: [string, string][] = [
    ['by=year&colour=red', 'colour'],
    ['', 'by'],
    ['by=weight', 'by'],
    ['by=year,year', 'by'],
    ['by=year&measure=kg', 'measure'],
    ['by=year&basis=arrival', 'basis'],
    ['by=year&uncertain=maybe', 'uncertain'],
    ['by=year&format=xml', 'format'],
    ['by=year&from=soon', 'from'],
    ['by=year&to=99999', 'to'],
    ['by=year&from=1990&to=1980', 'from'],
    ['by=year&category=Spaceships', 'category'],
    ['by=year&measure=tiv&measure=units', 'measure'],
    ['by=year&average=3', 'average'],
    ['by=supplier&average=5', 'average'],
  ];
  for (const [query, param] of cases) {
    const r = parse(query) as ApiParamError;
    assert.equal(r.error, 'bad parameter', query);
    assert.equal(r.param, param, query);
    assert.ok(r.detail.length > 5);
  }
  assert.ok((parse('by=weight') as ApiParamError).allowed?.includes('supplier'), 'lists what is allowed');
});

test('deals need no "by"', () => {
  assert.ok(!('error' in parse('recipient=Iran', false)));
});

test('file names say what is inside', () => {
  const q = parse('by=supplier&recipient=Iran,Iraq&from=1980&to=1988&measure=tiv');
  assert.ok(!('error' in q));
  assert.equal(downloadName('deliveries', q), 'deliveries-by-supplier-iran-iraq-1980-1988-tiv');
});

test('file names keep the letters of accented names', () => {
  const q = parse('by=supplier&recipient=Türkiye&measure=units');
  assert.ok(!('error' in q));
  assert.equal(downloadName('deliveries', q), 'deliveries-by-supplier-turkiye-units');
});
