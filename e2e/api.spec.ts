import { expect, test } from '@playwright/test';
import { expectImporterTable } from './importer-table';
import { needsShared } from './support';

test.describe('HTTP API', () => {
  test('GET /api/datasets lists the bundled registers with their facts', async ({ request }) => {
    const res = await request.get('/api/datasets');
    expect(res.status()).toBe(200);
    const { datasets } = await res.json();
    const nk = datasets.find((d: { id: string }) => d.id === 'nk-iran-sipri-register-1982-1987');
    expect(nk, 'the quoted register is listed').toBeTruthy();
    expect(nk.records).toBe(10);
    expect(nk.years).toEqual([1982, 1987]);
    expect(nk.origin).toBe('bundled');
  });

  test('aggregate by recipient and year reproduces SIPRI’s importer table 1950–1989', async ({ request }) => {
    test.skip(!!needsShared('deliveries-1950-1989-2024-04.csv'), needsShared('deliveries-1950-1989-2024-04.csv') || '');
    const res = await request.get('/api/aggregate?dataset=deliveries-1950-1989-2024-04&by=recipient,year&measure=tiv&from=1950&to=1989');
    expect(res.status()).toBe(200);
    const { rows, meta } = await res.json();
    expect(meta.measure.unit).toBe('SIPRI TIV, millions');
    expect(meta.citation, 'states the citation and the data date').toContain('16 Apr 2024');
    expectImporterTable(rows);
  });

  test('CSV has a BOM, a descriptive file name and a 304 on repeat', async ({ request }) => {
    const url = '/api/aggregate?by=year,category&measure=units&format=csv';
    const res = await request.get(url);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('text/csv');
    expect(res.headers()['content-disposition']).toContain('deliveries-by-year-category-units.csv');
    const body = await res.body();
    expect([...body.subarray(0, 3)], 'UTF-8 BOM').toEqual([0xef, 0xbb, 0xbf]);
    expect(body.toString('utf8')).toContain('year,category,value,unit,estimated_share,spread_share,uncertain,spread,deals,missing');
    const again = await request.get(url, { headers: { 'If-None-Match': res.headers()['etag'] } });
    expect(again.status(), 'unchanged data answers 304').toBe(304);
  });

  test('deals behind a selection, with aliases in filters', async ({ request }) => {
    const res = await request.get('/api/deals?dataset=nk-iran-sipri-register-1982-1987&supplier=DPRK&recipient=iran&category=Missiles');
    expect(res.status()).toBe(200);
    const { deals } = await res.json();
    expect(deals.map((d: { description: string }) => d.description).sort()).toEqual([
      'anti-ship missile',
      'anti-tank missile',
      'short-range ballistic missile',
    ]);
    expect(deals[0].source).toContain('SIPRI Arms Transfers Database');
  });

  test('bad parameters answer 400 naming them; unknown datasets 404; never a 500', async ({ request }) => {
    for (const [query, param] of [
      ['by=weight', 'by'],
      ['by=year&measure=kg', 'measure'],
      ['by=year&from=soon', 'from'],
      ['by=year&colour=red', 'colour'],
      ['', 'by'],
    ]) {
      const res = await request.get(`/api/aggregate?${query}`);
      expect(res.status(), query).toBe(400);
      expect((await res.json()).param, query).toBe(param);
    }
    const missing = await request.get('/api/deals?dataset=..%2F..%2Fetc%2Fpasswd');
    expect(missing.status()).toBe(404);
    expect((await missing.json()).error).toBe('unknown dataset');
  });
});
