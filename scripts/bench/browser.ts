// Browser figures in Debian's Chromium: first-load JavaScript, and a filter change on the full register.
import { chromium, type Page } from '@playwright/test';
import { median, type BenchServer, type Row } from './util';
import { DASHBOARD } from './server';

async function scriptBytes(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'networkidle' });
  return page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((e) => (e as PerformanceResourceTiming).initiatorType === 'script' || e.name.endsWith('.js'))
      .reduce((s, e) => s + ((e as PerformanceResourceTiming).encodedBodySize || (e as PerformanceResourceTiming).transferSize), 0),
  );
}

/**
 * Time one client navigation inside the page: from the user's event (the Enter key or the click,
 * caught before the app sees it) to the first frame painted after the new view is in place. Timed in
 * the page, not around Playwright's calls: finding the clicked button among ~1,400 chart marks
 * (role=button) took Playwright ~30 ms, which would have been counted as the app's time.
 */
async function navigate(page: Page, act: () => Promise<void>): Promise<{ inPage: number; driven: number }> {
  // A string, not a function: the TypeScript loader would wrap a named function in a helper the page lacks.
  await page.evaluate(`{
    window.__benchStart = 0;
    if (!window.__benchListening) {
      window.__benchListening = true;
      for (const type of ['keydown', 'click'])
        document.addEventListener(type, (e) => {
          if (e.type === 'click' || e.key === 'Enter') window.__benchStart ||= performance.now();
        }, { capture: true });
    }
  }`);
  const t = performance.now();
  const answered = page.waitForResponse((r) => r.request().headers()['rsc'] === '1', { timeout: 30_000 });
  await act();
  await answered;
  await page.waitForFunction(() => document.querySelector('[data-testid="view-controls"]')?.getAttribute('aria-busy') !== 'true');
  // A task queued from a frame callback runs once that frame has been painted.
  const inPage = await page.evaluate(
    () =>
      new Promise<number>((resolve) =>
        requestAnimationFrame(() =>
          setTimeout(() => resolve(performance.now() - (window as unknown as { __benchStart: number }).__benchStart)),
        ),
      ),
  );
  return { inPage, driven: performance.now() - t };
}

export async function benchBrowser(server: BenchServer, runs: number): Promise<Row[]> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const dashJs = await scriptBytes(page, server.url + DASHBOARD);
    const emptyJs = await scriptBytes(await browser.newPage(), `${server.url}/baseline`);
    await page.goto(`${server.url}/?ds=register-all-2025-03&from=1950&to=2024`, { waitUntil: 'networkidle' });
    const changed: { inPage: number; driven: number }[] = [];
    const unchanged: { inPage: number; driven: number }[] = [];
    // Two untimed rounds first: the first navigations compile the client code and warm the server.
    const WARM_UP = 2;
    for (let i = -WARM_UP; i < runs; i++) {
      // A filter change: a new first year, so the server computes a new view.
      const c = await navigate(page, async () => {
        const from = page.getByTestId('year-from');
        await from.fill(String(1951 + WARM_UP + i));
        await from.press('Enter');
      });
      // The same page again with an unchanged filter: the pressed "supplier" toggle re-requests the same URL.
      const u = await navigate(page, () => page.getByRole('button', { name: 'supplier', exact: true }).click());
      if (i < 0) continue;
      changed.push(c);
      unchanged.push(u);
    }
    // The same changes once more: their models are now in the server's cache, so what is left of the
    // difference is the browser's (for information: where the time of a change goes).
    const again: number[] = [];
    for (let i = 0; i < runs; i++) {
      const r = await navigate(page, async () => {
        const from = page.getByTestId('year-from');
        await from.fill(String(1951 + WARM_UP + i));
        await from.press('Enter');
      });
      again.push(r.inPage);
    }
    const c = median(changed.map((x) => x.inPage));
    const u = median(unchanged.map((x) => x.inPage));
    const a = median(again);
    const cd = median(changed.map((x) => x.driven));
    const ud = median(unchanged.map((x) => x.driven));
    return [
      ['first-load JS, empty page /baseline', `${(emptyJs / 1024).toFixed(0)} KiB`, '—', 'baseline'],
      ['first-load JS, dashboard', `${(dashJs / 1024).toFixed(0)} KiB`, '/baseline', `${(dashJs / emptyJs).toFixed(2)}× (target ≤ 2×)`],
      ['re-render, unchanged filter, full register (event → painted frame)', `${u.toFixed(0)} ms`, '—', 'baseline'],
      ['filter change to updated charts, full register (same)', `${c.toFixed(0)} ms`, 'unchanged', `${(c / u).toFixed(2)}× (target ≤ 2×)`],
      ['for information: the same changes again, their models cached on the server', `${a.toFixed(0)} ms`, 'unchanged', `${(a / u).toFixed(2)}×`],
      [
        'for information: the same two as Playwright drives them (with its own waits)',
        `${cd.toFixed(0)} / ${ud.toFixed(0)} ms`,
        '',
        `${(cd / ud).toFixed(2)}×`,
      ],
    ];
  } finally {
    await browser.close();
  }
}
