import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { needsShared } from './support';

const SHARED = resolve(__dirname, '..', '..', 'shared', 'data', 'sipri');

/** Drop a file on the drop zone the way a browser does: a DataTransfer holding a File. */
async function dropFile(page: Page, name: string, bytes: Buffer, type = 'text/csv') {
  const transfer = await page.evaluateHandle(
    ({ name, base64, type }) => {
      const raw = atob(base64);
      const data = new Uint8Array(raw.length);
      for (let i = 0; i < raw.length; i++) data[i] = raw.charCodeAt(i);
      const dt = new DataTransfer();
      dt.items.add(new File([data], name, { type }));
      return dt;
    },
    { name, base64: bytes.toString('base64'), type },
  );
  await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer: transfer });
}

test.describe('load a register in the browser', () => {
  test('drop a real SIPRI export: the report, then the charts switch to it', async ({ page }) => {
    const file = 'deliveries-1950-1989-2024-04.csv';
    test.skip(!!needsShared(file), needsShared(file) || '');
    await page.goto('/');
    await dropFile(page, file, readFileSync(join(SHARED, file)));
    await expect(page.getByTestId('upload-report'), 'the format detected').toContainText('SIPRI delivery-level export', {
      timeout: 20_000,
    });
    await expect(page.getByTestId('upload-counts')).toContainText('Records read: 31,319');
    await expect(page.getByTestId('upload-report')).toContainText('16 Apr 2024');
    await expect(page, 'the dashboard shows the new dataset').toHaveURL(/ds=u-[0-9a-f]{32}/);
    await expect(page.getByTestId('summary'), 'charts drawn from it').toContainText('SIPRI TIV');
  });

  test('a broken file gets a plain error next to the drop zone', async ({ page }) => {
    await page.goto('/');
    await dropFile(page, 'notes.csv', Buffer.from('name,age\nAlice,30\n'));
    await expect(page.getByTestId('upload-error')).toContainText('no header row with Recipient and Supplier');
    await dropFile(page, 'photo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'image/png');
    await expect(page.getByTestId('upload-error')).toContainText('image/png');
  });

  test('the file picker works too, and questionable rows are listed with their lines', async ({ page }) => {
    await page.goto('/');
    const text = [
      'Recipient,Supplier,Year of order, ,Number ordered, ,Weapon designation,Weapon description,Number delivered, ,Year(s) of delivery,status,Comments,SIPRI TIV per unit,SIPRI TIV for total order,SIPRI TIV of delivered weapons',
      `Iran,China,1982,,10,,Type-59,tank,10,,1982,New,picker ${Date.now()},1,10,10`,
      'Iran,China,1982,,lots,,Type-59,tank,10,,1982,New,,1,10,10',
    ].join('\n');
    // A refused file first, then a good one on the same page (the listing must not be stale).
    await page
      .getByTestId('file-input')
      .setInputFiles({ name: 'notes.csv', mimeType: 'text/csv', buffer: Buffer.from('name,age\nAlice,30\n') });
    await expect(page.getByTestId('upload-error')).toBeVisible();
    await page.getByTestId('file-input').setInputFiles({ name: 'picked.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
    await expect(page.getByTestId('upload-counts')).toContainText('questionable: 1');
    await expect(page).toHaveURL(/ds=u-/);
    await expect(page.getByTestId('summary'), 'the charts show the new dataset').toContainText('China supplied 100% of Iran');
    await expect(page.getByTestId('notices'), 'no stale "no dataset" notice').toHaveCount(0);
    await page.getByTestId('upload-report').locator('summary').click();
    await expect(page.getByTestId('upload-entries')).toContainText('Line 3 (warning): number ordered: "lots" is not a number');
  });
});
