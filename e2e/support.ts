import type { Download, Page } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const SHARED_SIPRI = resolve(__dirname, '..', '..', 'shared', 'data', 'sipri');

/** Skip reason for specs that need a real SIPRI export from ../shared, or false when it is there. */
export function needsShared(file: string): string | false {
  return existsSync(join(SHARED_SIPRI, file)) ? false : `needs ../shared/data/sipri/${file}, which is absent here`;
}

/** Click a download link and read what the browser saved. */
export async function fetchDownload(page: Page, testId: string): Promise<{ name: string; body: Buffer }> {
  const [download]: [Download, void] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), body: readFileSync(path!) };
}

/** Minimal CSV reader for our own RFC 4180 output. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n') {
      row.push(cell.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  return rows;
}
