import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { HOSTILE_REGISTER, smallRegister } from './fixtures';
import { needsShared } from './support';

const SHARED = resolve(__dirname, '..', '..', 'shared', 'data', 'sipri');
const csv = (text: string, name = 'test.csv') => ({ headers: { 'content-type': 'text/csv', 'x-filename': name }, data: Buffer.from(text) });

test.describe('uploads through the API', () => {
  for (const [file, records, status] of [
    ['register-all-2025-03.csv', 29_515, 201],
    ['deliveries-1950-1989-2024-04.csv', 31_319, 201],
  ] as const) {
    test(`${file} uploads as multipart with its record count`, async ({ request }) => {
      test.skip(!!needsShared(file), needsShared(file) || '');
      const res = await request.post('/api/datasets', {
        multipart: { file: { name: file, mimeType: 'text/csv', buffer: readFileSync(join(SHARED, file)) } },
      });
      expect([status, 200], 'stored (or already stored)').toContain(res.status());
      const body = await res.json();
      expect(body.records).toBe(records);
      expect(body.report.recordsRead).toBe(body.report.recordsProduced + body.report.skipped);
      expect(body.id).toMatch(/^u-[0-9a-f]{32}$/);
    });
  }

  test('each bad input gets its status and a JSON reason', async ({ request }) => {
    const empty = await request.post('/api/datasets', { headers: { 'content-type': 'text/csv' }, data: Buffer.alloc(0) });
    expect(empty.status(), 'empty').toBe(400);
    const png = await request.post('/api/datasets', {
      headers: { 'content-type': 'text/csv' },
      data: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    });
    expect(png.status(), 'an image').toBe(415);
    expect((await png.json()).detail).toContain('PNG');
    const zip = await request.post('/api/datasets', {
      multipart: { file: { name: 'a.zip', mimeType: 'application/zip', buffer: Buffer.from('PK\u0003\u0004rest') } },
    });
    expect(zip.status(), 'a zip').toBe(415);
    const notRegister = await request.post('/api/datasets', csv('name,age\nAlice,30\n'));
    expect(notRegister.status(), 'text that is not a register').toBe(422);
    expect((await notRegister.json()).detail).toContain('no header row with Recipient and Supplier found in the first 50 lines');
    const big = await request.post('/api/datasets', {
      headers: { 'content-type': 'text/csv' },
      data: Buffer.alloc(51 * 1024 * 1024, 0x41),
    });
    expect(big.status(), 'over the 50 MB limit').toBe(413);
    const partly = await request.post(
      '/api/datasets',
      csv(smallRegister('partly bad', [',North Korea,1982,,1,,T-62,tank,1,,1982,New,,1,1,1'])),
    );
    expect([200, 201]).toContain(partly.status());
    const body = await partly.json();
    expect(body.report.entries, 'the bad row is in the report with its line').toEqual([
      expect.objectContaining({ line: 3, severity: 'skipped' }),
    ]);
  });

  test('five concurrent uploads all succeed and are listed for their client; a repeat is stored once', async ({ request }) => {
    // A script's own bearer token owns what it sends: the five are its, though sent before any cookie.
    const me = { authorization: 'Bearer upload-api-client-7d1f3b9e2a4c6e8f0a1b' };
    const send = (text: string, name: string) => {
      const body = csv(text, name);
      return request.post('/api/datasets', { ...body, headers: { ...body.headers, ...me } });
    };
    const listedIds = async (headers: Record<string, string>) =>
      (await (await request.get('/api/datasets', { headers })).json()).datasets.map((d: { id: string }) => d.id);
    const tags = Array.from({ length: 5 }, (_, i) => `concurrent ${i} ${Date.now()}`);
    const answers = await Promise.all(tags.map((t) => send(smallRegister(t), `${t}.csv`)));
    expect(answers.map((a) => a.status())).toEqual([201, 201, 201, 201, 201]);
    const ids = await Promise.all(answers.map(async (a) => (await a.json()).id));
    const listed = await listedIds(me);
    for (const id of ids) expect(listed, `${id} listed`).toContain(id);
    const again = await send(smallRegister(tags[0]), 'again.csv');
    expect(again.status(), 'same content: the existing dataset').toBe(200);
    expect((await again.json()).id).toBe(ids[0]);
    expect(
      (await listedIds(me)).filter((id: string) => id === ids[0]),
      'stored once',
    ).toHaveLength(1);
  });

  test('delete: uploads only; bundled 403; traversal impossible', async ({ request }) => {
    const up = await (await request.post('/api/datasets', csv(smallRegister(`to delete ${Date.now()}`)))).json();
    expect((await request.delete(`/api/datasets/${up.id}`)).status()).toBe(200);
    const listed = (await (await request.get('/api/datasets')).json()).datasets.map((d: { id: string }) => d.id);
    expect(listed).not.toContain(up.id);
    expect((await request.delete(`/api/datasets/${up.id}`)).status(), 'gone').toBe(404);
    expect((await request.delete('/api/datasets/nk-iran-sipri-register-1982-1987')).status(), 'bundled').toBe(403);
    for (const evil of ['..%2F..%2Fpackage.json', '%2Fetc%2Fpasswd', 'u-..%2F..%2Fx', 'u-0000%00']) {
      const res = await request.delete(`/api/datasets/${evil}`);
      expect([400, 404], evil).toContain(res.status());
    }
  });

  test('markup in a register stays text in the page, tooltips and downloads', async ({ request, page }) => {
    const up = await (await request.post('/api/datasets', csv(HOSTILE_REGISTER, '<b>evil</b>.csv'))).json();
    let dialogs = 0;
    page.on('dialog', async (d) => {
      dialogs++;
      await d.dismiss();
    });
    await page.goto(`/?ds=${up.id}&d.supplier=North%20Korea`);
    await expect(page.getByTestId('drill-panel'), 'comments shown as text').toContainText('<script>alert("x")</script>');
    await expect(page.getByTestId('drill-panel')).toContainText('<img src=x onerror=alert(1)>');
    expect(
      await page.locator('[data-testid="drill-panel"] script, [data-testid="drill-panel"] img').count(),
      'no element made from data',
    ).toBe(0);
    const deals = await request.get(`/api/deals?dataset=${up.id}&format=csv`);
    expect(await deals.text()).toContain('<script>alert(""x"")</script>');
    expect(dialogs, 'no script ran').toBe(0);
  });
});
