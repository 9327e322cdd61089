// Browser figures in Debian's Chromium: first-load JavaScript, and a filter change on the full register (dashboard and map).
import { chromium, type Browser, type Page } from '@playwright/test';
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
export type Navigation = {
  /** From the user's event to the first frame painted after the new view. */
  inPage: number;
  /** From the user's event to the end of the server's answer (the RSC payload). */
  answered: number;
  /** Around Playwright's calls. */
  driven: number;
};

export async function navigate(page: Page, act: () => Promise<void>): Promise<Navigation> {
  // A string, not a function: the TypeScript loader would wrap a named function in a helper the page lacks.
  // The resource timing buffer holds 250 entries: emptied per navigation, its last RSC entry is this one's.
  await page.evaluate(`{
    window.__benchStart = 0;
    performance.clearResourceTimings();
    if (!window.__benchListening) {
      window.__benchListening = true;
      for (const type of ['keydown', 'click'])
        document.addEventListener(type, (e) => {
          if (e.type === 'click' || e.key === 'Enter') window.__benchStart ||= performance.now();
        }, { capture: true });
    }
  }`);
  const t = performance.now();
  const answer = page.waitForResponse((r) => r.request().headers()['rsc'] === '1', { timeout: 30_000 });
  await act();
  await answer;
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
  const driven = performance.now() - t;
  // The answer's end, from the page's resource timing: its entry appears only once the body has been
  // read to its end, which may come after the painted frame (read then, a third of the entries were
  // missing), so it is waited for (and left NaN if it never comes).
  await page
    .waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.includes('_rsc=')), null, { timeout: 2_000 })
    .catch(() => undefined);
  const answered = await page.evaluate(() => {
    const rsc = performance.getEntriesByType('resource').filter((e) => e.name.includes('_rsc='));
    const end = (rsc[rsc.length - 1] as PerformanceResourceTiming | undefined)?.responseEnd ?? NaN;
    return end - (window as unknown as { __benchStart: number }).__benchStart;
  });
  return { inPage, answered, driven };
}

/**
 * Where navigations' time goes: the median time until the server's answer had arrived, and the
 * browser's work after it to the painted frame. React renders from the answer's first chunks, so
 * the frame is now and then painted before the answer's last byte (that navigation's share is then
 * negative): an approximate split, read as medians. Now and then a navigation leaves no resource
 * entry (its figures are NaN): those are left out, and `n` says how many were timed.
 */
export function splitAtAnswer(runs: Navigation[]): { answered: number; after: number; n: number } {
  const timed = runs.filter((x) => Number.isFinite(x.answered));
  return { answered: median(timed.map((x) => x.answered)), after: median(timed.map((x) => x.inPage - x.answered)), n: timed.length };
}

/** Debian's Chromium, as the benchmark drives it. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
}

/** The whole register over 1950–2024, where the filter changes are timed. */
export const WHOLE_REGISTER = '/?ds=register-all-2025-03&from=1950&to=2024';

/** A filter change: a new first year, so the server computes a new view (unless it was seen before). */
export function changeFirstYear(page: Page, year: number): Promise<Navigation> {
  return navigate(page, async () => {
    const from = page.getByTestId('year-from');
    await from.fill(String(year));
    await from.press('Enter');
  });
}

/** The same page again with an unchanged filter: the pressed "supplier" toggle re-requests the same URL. */
export function reRenderUnchanged(page: Page): Promise<Navigation> {
  return navigate(page, () => page.getByRole('button', { name: 'supplier', exact: true }).click());
}

/** The map of the whole register over 1950–2024, where its filter changes are timed. */
export const WHOLE_REGISTER_MAP = '/map?ds=register-all-2025-03&from=1950&to=2024';

/** The map again with an unchanged view: its pressed "received" link re-requests the same URL. */
export function reRenderMapUnchanged(page: Page): Promise<Navigation> {
  return navigate(page, () => page.getByTestId('map-side-recipient').click());
}

/** Filter changes and unchanged re-renders, alternated, after two untimed rounds (they compile the client code and warm the server). */
async function alternate(page: Page, unchanged: (page: Page) => Promise<Navigation>, runs: number) {
  const changed: Navigation[] = [];
  const same: Navigation[] = [];
  const WARM_UP = 2;
  for (let i = -WARM_UP; i < runs; i++) {
    const c = await changeFirstYear(page, 1951 + WARM_UP + i);
    const u = await unchanged(page);
    if (i < 0) continue;
    changed.push(c);
    same.push(u);
  }
  return { changed, unchanged: same, firstYear: 1951 + WARM_UP };
}

export async function benchBrowser(server: BenchServer, runs: number): Promise<Row[]> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const dashJs = await scriptBytes(page, server.url + DASHBOARD);
    const emptyJs = await scriptBytes(await browser.newPage(), `${server.url}/baseline`);
    // The map's script (its topology is fetched as data, not part of it).
    const mapJs = await scriptBytes(await browser.newPage(), `${server.url}/map?ds=register-all-2025-03`);
    await page.goto(server.url + WHOLE_REGISTER, { waitUntil: 'networkidle' });
    const { changed, unchanged, firstYear } = await alternate(page, reRenderUnchanged, runs);
    // The same changes once more: their models are now in the server's cache, so what is left of the
    // difference is the browser's (for information: where the time of a change goes).
    const again: number[] = [];
    for (let i = 0; i < runs; i++) {
      again.push((await changeFirstYear(page, firstYear + i)).inPage);
    }
    // The map: the same filter changes (its own models: the page's cache keys them apart from the dashboard's).
    const mapPage = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await mapPage.goto(server.url + WHOLE_REGISTER_MAP, { waitUntil: 'networkidle' });
    await mapPage.getByTestId('map-svg').waitFor();
    const onMap = await alternate(mapPage, reRenderMapUnchanged, runs);
    const mc = median(onMap.changed.map((x) => x.inPage));
    const mu = median(onMap.unchanged.map((x) => x.inPage));
    const c = median(changed.map((x) => x.inPage));
    const u = median(unchanged.map((x) => x.inPage));
    const a = median(again);
    const cd = median(changed.map((x) => x.driven));
    const ud = median(unchanged.map((x) => x.driven));
    const [cs, us] = [splitAtAnswer(changed), splitAtAnswer(unchanged)];
    return [
      ['first-load JS, empty page /baseline', `${(emptyJs / 1024).toFixed(0)} KiB`, '—', 'baseline'],
      ['first-load JS, dashboard', `${(dashJs / 1024).toFixed(0)} KiB`, '/baseline', `${(dashJs / emptyJs).toFixed(2)}× (target ≤ 2×)`],
      ['first-load JS, map', `${(mapJs / 1024).toFixed(0)} KiB`, '/baseline', `${(mapJs / emptyJs).toFixed(2)}× (target ≤ 2×)`],
      ['re-render, unchanged filter, full register (event → painted frame)', `${u.toFixed(0)} ms`, '—', 'baseline'],
      ['filter change to updated charts, full register (same)', `${c.toFixed(0)} ms`, 'unchanged', `${(c / u).toFixed(2)}× (target ≤ 2×)`],
      ['map: re-render, unchanged view, full register (event → painted frame)', `${mu.toFixed(0)} ms`, '—', 'baseline'],
      [
        'map: filter change to the updated map, full register (same)',
        `${mc.toFixed(0)} ms`,
        'map unchanged',
        `${(mc / mu).toFixed(2)}× (target ≤ 2×)`,
      ],
      [
        'for information: the same changes again, their models cached on the server',
        `${a.toFixed(0)} ms`,
        'unchanged',
        `${(a / u).toFixed(2)}×`,
      ],
      [
        'for information: of those, until the server’s answer has arrived (changed / unchanged)',
        `${cs.answered.toFixed(0)} / ${us.answered.toFixed(0)} ms`,
        '',
        `${(cs.answered / us.answered).toFixed(2)}×${cs.n < runs || us.n < runs ? ` (of ${cs.n} / ${us.n} of ${runs} navigations)` : ''}`,
      ],
      [
        'for information: and the browser’s work after it, to the painted frame',
        `${cs.after.toFixed(0)} / ${us.after.toFixed(0)} ms`,
        '',
        `${(cs.after / us.after).toFixed(2)}×`,
      ],
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
