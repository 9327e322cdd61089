import { expect, test, type Page } from '@playwright/test';
import { DashboardPage, QUOTED_VIEW } from './pages/dashboard-page';
import { MAX_HATCHED_HAIRLINES } from '../lib/chart/mark-paths';
import { needsShared } from './support';

test.describe('dashboard on the bundled data', () => {
  test('renders the quoted register: Sankey nodes and links, a bar per year', async ({ page }) => {
    const dash = new DashboardPage(page);
    await dash.open(QUOTED_VIEW);
    await expect(dash.summary, 'summary names the supplier and its share').toContainText('North Korea supplied 100% of Iran');
    await expect(dash.sankeyNodes, 'North Korea, five categories, Iran').toHaveCount(7);
    await expect(dash.sankeyLinks, 'five categories in and out').toHaveCount(10);
    await expect(dash.barSegments, 'one segment per year 1982–1987').toHaveCount(6);
    await expect(page.locator('[data-hatched]').first(), 'the quoted register rests on estimates: hatched').toBeVisible();
    // The hatching is one overlay per chart, over exactly the hatched marks: one band or box each
    // (hairlines included: the bundled register has a few, not hundreds).
    for (const [chart, mark] of [
      ['sankey-hatching', 'sankey-link'],
      ['bars-hatching', 'bar-segment'],
    ]) {
      const hatched = await page.locator(`[data-testid="${mark}"][data-hatched]`).count();
      expect(hatched, `${mark}: some marks are hatched`).toBeGreaterThan(0);
      const pieces = (await page.getByTestId(chart).getAttribute('d'))!.split('M').length - 1;
      expect(pieces, `${chart}: one piece per hatched mark`).toBe(hatched);
    }
  });

  test('hover on a link shows its value and share', async ({ page }) => {
    const dash = new DashboardPage(page);
    await dash.open(QUOTED_VIEW);
    await dash.sankeyLink('supplier:North Korea', 'category:Missiles').hover();
    await expect(dash.tooltip, 'anti-tank 4,000 + anti-ship 20 + R-17 100').toContainText('4,120');
    await expect(dash.tooltip, 'share of the total').toContainText('80% of total');
  });

  test('clicking a link lists the deals behind it, and the drill is in the URL', async ({ page }) => {
    const dash = new DashboardPage(page);
    await dash.open(QUOTED_VIEW);
    await dash.sankeyLink('category:Missiles', 'recipient:Iran').click();
    await expect(page, 'drill params in the URL').toHaveURL(/d\.category=Missiles/);
    await expect(dash.drillDeals, 'anti-tank, anti-ship and R-17 rows').toHaveCount(3);
    await expect(dash.drillPanel).toContainText('anti-tank missile');
    await expect(dash.drillPanel).toContainText('anti-ship missile');
    await expect(dash.drillPanel).toContainText('R-17 Elbrus (Scud-B)');
    await page.reload();
    await expect(dash.drillDeals, 'reload restores the panel').toHaveCount(3);
  });

  test('a click in the middle of a bar drills down, even where a time-line event line crosses it', async ({ page }) => {
    const dash = new DashboardPage(page);
    await dash.open();
    const bar1982 = page.locator('[data-testid="bar-segment"][data-col="1982"]').first();
    await expect(page.getByTestId('event-marker').first(), 'an event line is drawn over the bars').toBeVisible();
    // Playwright clicks the centre and refuses when another element would take the click.
    await bar1982.click();
    await expect(page, 'the bar drill is in the URL').toHaveURL(/d\.year=1982/);
    await expect(dash.drillDeals.first()).toBeVisible();
  });

  test('a URL with filters restores the view; back returns to the previous one', async ({ page }) => {
    const dash = new DashboardPage(page);
    await dash.open('stack=category&category=Missiles,Artillery');
    await expect(dash.legendItems, 'stacked by the two categories').toHaveText(['Missiles', 'Artillery']);
    await page.getByTestId('percent').click();
    await expect(page).toHaveURL(/pct=1/);
    await page.goBack();
    await expect(page, 'back restores absolute').not.toHaveURL(/pct=1/);
    await expect(page.getByRole('button', { name: 'absolute' })).toHaveAttribute('aria-pressed', 'true');
  });

  test('keyboard: the Sankey is one Tab stop, arrows follow the flows, Enter drills down', async ({ page }) => {
    const dash = new DashboardPage(page);
    await dash.open(QUOTED_VIEW);
    const inSankey = () =>
      page.evaluate(() => !!document.activeElement?.closest('[data-testid="sankey-svg"]') && document.activeElement !== null);
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await inSankey();
    }
    expect(reached, 'Tab reaches the chart').toBe(true);
    await expect(dash.sankeyNode('supplier:North Korea'), 'the first stop is the top-left node').toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(dash.sankeyLink('supplier:North Korea', 'category:Missiles'), 'Right: its topmost (largest) outgoing link').toBeFocused();
    await expect(dash.tooltip, 'focus shows the tooltip').toContainText('4,120');
    await expect(page.locator('[data-testid="sankey-svg"] [tabindex="0"]'), 'one Tab stop: the focused mark').toHaveCount(1);
    // Down: the next link leaving North Korea, lower down; Right: the category it goes to.
    const top = (selector: string) => page.locator(selector).evaluate((el) => el.getBoundingClientRect().top);
    await page.keyboard.press('ArrowDown');
    const next = page.locator('[data-testid="sankey-link"]:focus');
    await expect(next).toHaveAttribute('data-source', 'supplier:North Korea');
    const category = await next.getAttribute('data-target');
    expect(category).not.toBe('category:Missiles');
    await page.keyboard.press('ArrowRight');
    await expect(dash.sankeyNode(category!), 'Right from a link: its target node').toBeFocused();
    expect(await top(`[data-testid="sankey-node"][data-id="${category}"] rect`)).toBeGreaterThan(
      await top('[data-testid="sankey-node"][data-id="category:Missiles"] rect'),
    );
    // Up the category column to Missiles, Right into its flow to Iran, Enter lists its deals.
    for (let i = 0; i < 5; i++) {
      if (await dash.sankeyNode('category:Missiles').evaluate((el) => el === document.activeElement)) break;
      await page.keyboard.press('ArrowUp');
    }
    await expect(dash.sankeyNode('category:Missiles'), 'Up: the node above in the same column').toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(dash.sankeyLink('category:Missiles', 'recipient:Iran')).toBeFocused();
    await page.keyboard.press('ArrowLeft');
    await expect(dash.sankeyNode('category:Missiles'), 'Left from a link: its source node').toBeFocused();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await expect(dash.drillDeals, 'Enter opens the same drill-down as a click').toHaveCount(3);
  });

  test('keyboard: Tab leaves a chart in one press, whatever its number of marks', async ({ page }) => {
    const dash = new DashboardPage(page);
    await dash.open();
    await dash.sankeyLinks.first().focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('[data-testid="sankey-svg"]')), 'left the Sankey').toBe(false);
    await page.keyboard.press('Shift+Tab');
    await expect(dash.sankeyLinks.first(), 'Shift+Tab comes back to the mark last focused').toBeFocused();
  });

  test('keyboard: in the bars, Up and Down move within a year, Left and Right to the same series in the next year', async ({ page }) => {
    const dash = new DashboardPage(page);
    await dash.open('stack=category');
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as SVGElement | null;
        return { col: el?.dataset.col, row: el?.dataset.row, y: el?.getBoundingClientRect().y ?? 0 };
      });
    await dash.barSegments.first().focus();
    const start = await focused();
    await page.keyboard.press('ArrowUp');
    const up = await focused();
    expect(up.col, 'same year').toBe(start.col);
    expect(up.y, 'higher in the stack').toBeLessThan(start.y);
    await page.keyboard.press('ArrowRight');
    const right = await focused();
    expect(Number(right.col), 'the next year').toBeGreaterThan(Number(up.col));
    const sameSeries = await page.locator(`[data-testid="bar-segment"][data-col="${right.col}"][data-row="${up.row}"]`).count();
    if (sameSeries > 0) expect(right.row, 'the same series when that year has it').toBe(up.row);
    await page.keyboard.press('ArrowLeft');
    expect((await focused()).col, 'and back').toBe(up.col);
  });

  test('an empty selection says so; invalid params get a notice, not an error', async ({ page }) => {
    const dash = new DashboardPage(page);
    await dash.open('recipient=Atlantis&measure=weight&from=soon');
    await expect(dash.sankeyEmpty).toContainText('No deliveries match');
    await expect(dash.notices, 'names the bad parameter').toContainText('measure');
    await expect(dash.notices).toContainText('from');
    await expect(dash.notices, 'names the country the data does not know').toContainText('"Atlantis" receives nothing in the data shown');
    await expect(page.getByTestId('bar-gap-no-data').first(), 'years without data are marked').toBeVisible();
  });

  test('rows without numbers are "n/a", never zero', async ({ page }) => {
    const dash = new DashboardPage(page);
    // Libya's Scud-B to Iran in 1985 has no number in the source.
    await dash.open('ds=missiles-1985-1988&measure=units&supplier=Libya&from=1984&to=1986');
    await expect(page.getByTestId('bar-gap-no-numbers'), '1985 has deliveries without numbers').toHaveCount(1);
    await expect(page.getByTestId('bar-gap-no-data'), '1984 and 1986 have none').toHaveCount(2);
    await expect(dash.sankeyEmpty, 'nothing to draw, and it says why').toContainText('(1 group has none)');
  });

  test('combining overlapping sources warns about double counting', async ({ page }) => {
    const dash = new DashboardPage(page);
    await dash.open('ds=nk-iran-sipri-register-1982-1987,missiles-1985-1988&measure=units');
    await expect(page.getByTestId('overlap')).toContainText('North Korea → Iran');
  });

  test('the data table holds exactly the drawn numbers', async ({ page }) => {
    const dash = new DashboardPage(page);
    await dash.open(QUOTED_VIEW);
    const table = await dash.openTable('sankey-table');
    await expect(table.locator('tbody tr'), 'one row per supplier → category → recipient flow').toHaveCount(5);
    await expect(table.locator('tbody tr').first()).toContainText('4,120');
  });

  test('data tables load when opened, follow the view, and say so when they cannot load', async ({ page }) => {
    const dash = new DashboardPage(page);
    await dash.open(QUOTED_VIEW);
    let fail = true;
    await page.route('**/api/aggregate?**', (route) =>
      fail
        ? route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: 'busy', detail: 'try later' }) })
        : route.continue(),
    );
    const disclosure = page.getByTestId('bars-table-toggle');
    await expect(disclosure.locator('summary'), 'the row count is known before loading').toHaveText('Data table (6 rows)');
    await disclosure.locator('summary').click();
    await expect(disclosure.getByRole('alert')).toContainText('The table could not be loaded: the server answered 503 (busy: try later)');
    fail = false;
    await disclosure.getByRole('button', { name: 'Try again' }).click();
    const table = page.getByTestId('bars-table');
    await expect(table.locator('thead')).toContainText('Supplier');
    await expect(table.locator('tbody tr'), 'a row per year 1982–1987').toHaveCount(6);
    await expect(table.locator('tbody tr').first()).toContainText('1982');
    await page.getByRole('button', { name: 'category', exact: true }).click();
    await expect(table.locator('thead'), 'the open table follows the view').toContainText('Category');
    await expect(table.locator('tbody tr').first()).toContainText('1982');
    await expect(disclosure.getByRole('alert')).toHaveCount(0);
    // Pointing at a table's disclosure starts its request; opening it then uses that answer.
    const requests: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/aggregate?') && r.url().includes('by=supplier%2Ccategory%2Crecipient')) requests.push(r.url());
    });
    const sankeyTable = page.getByTestId('sankey-table-toggle').locator('summary');
    await sankeyTable.hover();
    await expect.poll(() => requests.length, 'pointing starts the request').toBe(1);
    await sankeyTable.click();
    await expect(page.getByTestId('sankey-table').locator('tbody tr')).toHaveCount(5);
    expect(requests, 'opening does not ask again').toHaveLength(1);
  });

  test('a phone-sized viewport has no horizontal scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    const dash = new DashboardPage(page);
    await dash.open();
    await expect(page.getByTestId('bars-svg'), 'the bars re-lay out to the phone width').toHaveAttribute('width', /^[23]\d\d$/);
    await expect(page.getByTestId('sankey-svg'), 'the Sankey keeps room for its labels and scrolls inside its box').toHaveAttribute(
      'width',
      '640',
    );
    const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    expect(scroll, 'page width fits the phone').toBeLessThanOrEqual(inner);
    // The chart's box scrolls, and says so; where it fits, the hint is gone.
    const hint = page.getByTestId('sankey-scroll-hint');
    await expect(hint, 'a phone is told to scroll the Sankey sideways').toBeVisible();
    const overflows = await page.locator('.arms-sankey').evaluate((e) => e.scrollWidth > e.clientWidth);
    expect(overflows, 'the hint shows only where the chart overflows its box').toBe(true);
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect(hint, 'no hint where the chart fits').toBeHidden();
  });

  test('on a phone the drill-down lists each deal as a card of labelled lines', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    const dash = new DashboardPage(page);
    await dash.open(`${QUOTED_VIEW}&d.supplier=North%20Korea`);
    const deal = dash.drillDeals.first();
    await expect(deal).toBeVisible();
    const box = (await deal.boundingBox())!;
    expect(box.width, 'a deal fits the phone instead of a 15-column row scrolled sideways').toBeLessThanOrEqual(375);
    const source = deal.locator('td[data-label="Source"]');
    await expect(source).toContainText('SIPRI');
    const label = await source.evaluate((td) => getComputedStyle(td, '::before').content);
    expect(label, 'each line is labelled').toBe('"Source"');
    await expect(page.getByRole('columnheader', { name: 'Delivery years' }), 'the header row stays for screen readers').toHaveCount(1);
    await expect(page.getByRole('row'), 'the cards are still table rows to assistive technology').toHaveCount(11);
  });
});

test.describe('dashboard on real SIPRI exports', () => {
  test('Iran 1980–1988 from the delivery-level export', async ({ page }) => {
    test.skip(!!needsShared('deliveries-1950-1989-2024-04.csv'), needsShared('deliveries-1950-1989-2024-04.csv') || '');
    const dash = new DashboardPage(page);
    await dash.open('ds=deliveries-1950-1989-2024-04&recipient=Iran&from=1980&to=1988');
    await expect(dash.summary, 'China leads by TIV').toContainText('China supplied');
    const table = await dash.openTable('bars-table');
    await expect(table).toContainText('1980');
    await dash.open('ds=deliveries-1950-1989-2024-04&recipient=Iran&from=1986&to=1986');
    await dash.sankeyNode('recipient:Iran').hover();
    await expect(dash.tooltip, "SIPRI's importer table: Iran 1986 = 805").toContainText('805 TIV m');
  });

  test('the whole register at once folds the rest into "Other"', async ({ page }) => {
    test.skip(!!needsShared('register-all-2025-03.csv'), needsShared('register-all-2025-03.csv') || '');
    const dash = new DashboardPage(page);
    await dash.open('ds=register-all-2025-03&from=1950&to=2024');
    await expect(page.locator('[data-testid="sankey-node"][data-id="supplier:~other"]')).toHaveCount(1);
    await expect(
      page.locator(
        '[data-testid="sankey-node"][data-id="recipient:~other"] ~ text, [data-testid="sankey-node"][data-id="recipient:~other"] text',
      ),
    ).toContainText(/Other \(\d+ countries\)/);
    await expect(dash.barSegments.first()).toBeVisible();
    // Every node's "name value" label fits in the drawing (the widest, "Other (244 countries) 1,376,219", was cut).
    expect(await misplacedLabels(page), 'labels cut at the edge or over the links').toEqual([]);
    // A flow's suppliers too small to see are one link (their ~590 hairlines were a tangle).
    const merged = page.locator('[data-testid="sankey-link"][data-supplier="~smaller"]');
    expect(await merged.count(), 'merged links').toBeGreaterThan(20);
    expect(await dash.sankeyLinks.count(), 'a few hundred links, not ~700').toBeLessThan(400);
    await expect(page.getByTestId('smaller-legend'), 'the legend explains them').toBeVisible();
    // Many hairlines: only the thicker hatched links are under the hatching overlay; few: all of them.
    const hairlines = await page.locator('[data-testid="sankey-link"][data-hairline]').count();
    const hatched = await page
      .locator(`[data-testid="sankey-link"][data-hatched]${hairlines > MAX_HATCHED_HAIRLINES ? ':not([data-hairline])' : ''}`)
      .count();
    const pieces = (await page.getByTestId('sankey-hatching').getAttribute('d'))!.split('M').length - 1;
    expect(pieces, `one piece per hatched link (${hairlines} hairlines)`).toBe(hatched);
    // Pointing at a supplier lights its flows, merged links it is part of included, and dims the rest.
    await dash.sankeyNode('supplier:Italy').dispatchEvent('mousemove', { clientX: 10, clientY: 10 });
    await expect(dash.tooltip).toContainText('Italy');
    const shown = await dash.sankeyLinks.evaluateAll((paths) =>
      paths.map((p) => ({ opacity: p.getAttribute('fill-opacity'), supplier: p.dataset.supplier, members: p.dataset.members ?? '' })),
    );
    const italys = (l: (typeof shown)[number]) => l.supplier === 'Italy' || l.members.split(',').includes('Italy');
    expect(shown.filter((l) => l.opacity === '0.85').every(italys), 'only Italy’s flows are lit').toBe(true);
    expect(shown.filter((l) => l.opacity !== '0.85').some(italys), 'all of them').toBe(false);
    expect(shown.filter((l) => l.opacity === '0.85' && l.supplier === '~smaller').length, 'merged links with Italy').toBeGreaterThan(0);
    await dash.sankeyNode('supplier:Italy').dispatchEvent('mouseleave');
    // A merged link names its suppliers and drills into the deals of exactly those, in that flow.
    const link = page.locator('[data-supplier="~smaller"]:not([data-members*="~other"])').first();
    const members = (await link.getAttribute('data-members'))!.split(',');
    const [source, target] = [await link.getAttribute('data-source'), await link.getAttribute('data-target')];
    expect(members.length, 'two or more suppliers').toBeGreaterThanOrEqual(2);
    await link.dispatchEvent('mousemove', { clientX: 10, clientY: 10 });
    await expect(dash.tooltip, 'the tooltip names them').toContainText(`${members.length} smaller supplier`);
    await link.focus();
    await link.press('Enter');
    await expect(page).toHaveURL(/d\.suppliers=/);
    await expect(dash.drillDeals.first()).toBeVisible();
    const rows = await dash.drillDeals.evaluateAll((trs) =>
      trs.map((tr) => Object.fromEntries([...tr.querySelectorAll('td')].map((td) => [td.dataset.label, td.textContent ?? '']))),
    );
    const [category, recipient] = [source!.replace('category:', ''), target!.replace('recipient:', '')];
    for (const r of rows) {
      const supplier = r.Supplier.replace(/ \(made in .*\)$/, '');
      expect(members, `${supplier} is one of the merged suppliers`).toContain(supplier);
      expect([r.Category, r.Recipient]).toEqual([category, recipient]);
    }
    expect(
      new Set(rows.map((r) => r.Supplier.replace(/ \(made in .*\)$/, ''))).size,
      'deals of more than one of them',
    ).toBeGreaterThanOrEqual(2);
    // One that merges "Other" suppliers with named ones lists the folded suppliers' deals too.
    const withOther = page.locator('[data-supplier="~smaller"][data-members*="~other"]').first();
    await withOther.focus();
    await withOther.press('Enter');
    await expect(dash.drillPanel, 'the title names the folded suppliers').toContainText(/other suppliers \(\d+\)/);
    const named = (await withOther.getAttribute('data-members'))!.split(',');
    const suppliers = await dash.drillDeals.evaluateAll((trs) => trs.map((tr) => tr.querySelector('td')?.textContent ?? ''));
    expect(
      suppliers.some((x) => !named.includes(x.replace(/ \(made in .*\)$/, ''))),
      'deals of folded suppliers are listed',
    ).toBe(true);
    await dash.open('ds=register-all-2025-03&from=1950&to=2024&d.supplier=United%20States');
    await expect(dash.drillDeals, 'a large drill-down lists its deals 500 a page').toHaveCount(500);
    await expect(dash.drillPanel).toContainText(/Showing 1–500 of \d{1,2},\d{3}/);
    const firstOnPage1 = await dash.drillDeals.first().textContent();
    await page
      .getByTestId('drill-pages')
      .getByRole('link', { name: /Next 500/ })
      .click();
    await expect(dash.drillPanel, 'the next page, in the URL').toContainText('Showing 501–1,000 of');
    await expect(page).toHaveURL(/d\.page=2/);
    await expect(dash.drillDeals).toHaveCount(500);
    expect(await dash.drillDeals.first().textContent(), 'other deals').not.toBe(firstOnPage1);
    await page
      .getByTestId('drill-pages')
      .getByRole('link', { name: /Previous/ })
      .click();
    await expect(dash.drillPanel).toContainText('Showing 1–500 of');
  });

  test('on a phone the Sankey labels its first column on the left, every label inside the drawing', async ({ page }) => {
    test.skip(!!needsShared('register-all-2025-03.csv'), needsShared('register-all-2025-03.csv') || '');
    await page.setViewportSize({ width: 375, height: 800 });
    const dash = new DashboardPage(page);
    await dash.open('ds=register-all-2025-03&from=1950&to=2024');
    await expect(dash.sankeyNodes.first()).toBeAttached();
    expect(await misplacedLabels(page)).toEqual([]);
  });

  test('the year axis of 75 years labels round years and event numbers, never overlapping, on a desktop and a phone', async ({ page }) => {
    test.skip(!!needsShared('register-all-2025-03.csv'), needsShared('register-all-2025-03.csv') || '');
    const dash = new DashboardPage(page);
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 900 });
      await dash.open('ds=register-all-2025-03&from=1950&to=2024');
      const labels = page.getByTestId('bars-svg').locator('[data-year-label]');
      await expect(labels.first()).toBeVisible();
      const boxes = await labels.evaluateAll((els) =>
        els.map((e) => {
          const r = e.getBoundingClientRect();
          return { text: e.textContent ?? '', left: r.left, right: r.right };
        }),
      );
      expect(boxes.length, `${width} px: several years labelled`).toBeGreaterThanOrEqual(5);
      expect(boxes.length, `${width} px: not all 75`).toBeLessThan(75);
      const years = boxes.map((b) => Number(b.text));
      const step = years[1] - years[0];
      expect(
        years.every((y) => y % step === 0),
        `${width} px: round years (${years.join(', ')})`,
      ).toBe(true);
      for (let i = 1; i < boxes.length; i++)
        expect(boxes[i].left, `${width} px: ${boxes[i].text} clear of ${boxes[i - 1].text}`).toBeGreaterThan(boxes[i - 1].right);
      // The time line's numbers along the top do not print over each other either (three events in 1980).
      const numbers = await page
        .getByTestId('bars-svg')
        .locator('[data-event-number]')
        .evaluateAll((els) => els.map((e) => ({ text: e.textContent ?? '', box: e.getBoundingClientRect().toJSON() as DOMRect })));
      expect(numbers.length, `${width} px: events marked`).toBeGreaterThanOrEqual(5);
      for (let i = 0; i < numbers.length; i++)
        for (let j = i + 1; j < numbers.length; j++) {
          const [a, b] = [numbers[i].box, numbers[j].box];
          const apart = a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
          expect(apart, `${width} px: event ${numbers[i].text} clear of ${numbers[j].text}`).toBe(true);
        }
    }
    // A few years keep every label.
    await page.setViewportSize({ width: 1280, height: 900 });
    await dash.open('ds=register-all-2025-03&from=1980&to=1988');
    await expect(page.getByTestId('bars-svg').locator('[data-year-label]')).toHaveText([
      '1980',
      '1981',
      '1982',
      '1983',
      '1984',
      '1985',
      '1986',
      '1987',
      '1988',
    ]);
  });

  test('a supplier has one colour in the Sankey and the bars, kept when the years change', async ({ page }) => {
    test.skip(!!needsShared('register-all-2025-03.csv'), needsShared('register-all-2025-03.csv') || '');
    const dash = new DashboardPage(page);
    const colours = async () =>
      page.evaluate(() => {
        const sankey: Record<string, string> = {};
        for (const p of document.querySelectorAll<SVGPathElement>('[data-testid="sankey-link"]'))
          sankey[p.dataset.supplier!] = p.getAttribute('fill')!;
        const bars: Record<string, string> = {};
        for (const r of document.querySelectorAll<SVGRectElement>('[data-testid="bar-segment"]'))
          bars[r.dataset.row!] = r.getAttribute('fill')!;
        return { sankey, bars };
      });
    await dash.open('ds=register-all-2025-03&recipient=Iran,Iraq&from=1980&to=1988');
    await expect(dash.barSegments.first()).toBeVisible();
    const all = await colours();
    const shared = Object.keys(all.bars).filter((k) => k in all.sankey && k !== '~other');
    // Syria, Austria and the United Kingdom had other colours in the bars than in the Sankey.
    expect(shared.length, 'suppliers drawn in both charts').toBeGreaterThan(5);
    for (const k of shared) expect(all.bars[k], k).toBe(all.sankey[k]);
    expect(new Set(shared.map((k) => all.bars[k])).size, 'distinct colours').toBe(shared.length);
    // Both legends list the suppliers in one order, largest first, Other last.
    const sankeyLegend = await page.getByRole('list', { name: 'Suppliers (link colours)' }).locator('li').allTextContents();
    const barsLegend = await page.getByRole('list', { name: 'Legend: supplier' }).locator('li').allTextContents();
    const named = (items: string[]) => items.map((t) => t.trim()).filter((t) => !t.startsWith('Other') && !t.startsWith('Smaller'));
    expect(named(sankeyLegend)).toEqual(named(barsLegend).filter((k) => named(sankeyLegend).includes(k)));
    expect(named(sankeyLegend).length).toBeGreaterThan(5);
    await dash.open('ds=register-all-2025-03&recipient=Iran,Iraq&from=1985&to=1988');
    await expect(dash.barSegments.first()).toBeVisible();
    const later = await colours();
    // The largest suppliers of the data shown (over all years) keep their colours; a small one may
    // take another colour left free.
    for (const k of ['Soviet Union', 'China', 'France']) expect(later.bars[k], `${k} after the years changed`).toBe(all.bars[k]);
  });

  test('pointing at or focusing a supplier in the Sankey’s legend lights exactly its flows', async ({ page }) => {
    test.skip(!!needsShared('register-all-2025-03.csv'), needsShared('register-all-2025-03.csv') || '');
    const dash = new DashboardPage(page);
    await dash.open('ds=register-all-2025-03&from=1950&to=2024');
    const lit = () =>
      dash.sankeyLinks.evaluateAll((paths) =>
        paths.map((p) => ({
          on: p.getAttribute('fill-opacity') === '0.85',
          supplier: p.dataset.supplier,
          members: p.dataset.members ?? '',
        })),
      );
    const of = (name: string) => (l: { supplier?: string; members: string }) => l.supplier === name || l.members.split(',').includes(name);
    const entry = page.getByTestId('sankey-legend-item').filter({ hasText: /^Russia$/ });
    await entry.hover();
    await expect.poll(async () => (await lit()).filter((l) => l.on).length, 'Russia’s flows are lit').toBeGreaterThan(3);
    const shown = await lit();
    expect(shown.filter((l) => l.on).every(of('Russia')), 'only Russia’s').toBe(true);
    expect(shown.filter((l) => !l.on).some(of('Russia')), 'all of them').toBe(false);
    await page.mouse.move(0, 0);
    await expect.poll(async () => (await lit()).some((l) => l.on), 'leaving the legend lights nothing').toBe(false);
    await page
      .getByTestId('sankey-legend-item')
      .filter({ hasText: /^France$/ })
      .focus();
    await expect.poll(async () => (await lit()).filter((l) => l.on).every(of('France')) && (await lit()).some((l) => l.on)).toBe(true);
  });

  test('time-line events are marked only on charts of the countries they concern', async ({ page }) => {
    test.skip(!!needsShared('register-all-2025-03.csv'), needsShared('register-all-2025-03.csv') || '');
    const dash = new DashboardPage(page);
    await dash.open('ds=register-all-2025-03&supplier=United%20States&recipient=Japan&from=1978&to=1990');
    await expect(dash.barSegments.first(), 'United States → Japan has bars').toBeVisible();
    await expect(page.getByTestId('event-marker'), 'no North Korea–Iran event on a chart of the US and Japan').toHaveCount(0);
    await expect(page.getByTestId('no-events'), 'the events toggle says why nothing is marked').toHaveText(
      '(none for the countries shown)',
    );
    await dash.open('ds=register-all-2025-03&recipient=Iran&from=1978&to=1990');
    await expect(dash.barSegments.first()).toBeVisible();
    // The bundled time line has nine events in 1978–1990, all about Iran, Iraq and North Korea.
    await expect(page.getByTestId('event-marker')).toHaveCount(9);
    await expect(page.getByTestId('no-events')).toHaveCount(0);
  });
});

/**
 * Sankey node labels drawn outside the drawing, or on the wrong side of their node: the first
 * column's labels end left of their node, the others' start right of it.
 */
async function misplacedLabels(page: Page): Promise<string[]> {
  return page.getByTestId('sankey-svg').evaluate((svg) => {
    const box = svg.getBoundingClientRect();
    const nodes = [...svg.querySelectorAll<SVGGElement>('[data-testid="sankey-node"]')];
    const first = nodes.some((g) => g.dataset.id!.startsWith('origin:')) ? 'origin:' : 'supplier:';
    return nodes.flatMap((g) => {
      const text = g.querySelector('text')!.getBoundingClientRect();
      const node = g.querySelector('rect')!.getBoundingClientRect();
      const inside = text.left >= box.left - 0.5 && text.right <= box.right + 0.5;
      const side = g.dataset.id!.startsWith(first) ? text.right <= node.left : text.left >= node.right;
      return inside && side ? [] : [`${g.dataset.id}${inside ? '' : ' (cut)'}${side ? '' : ' (wrong side)'}`];
    });
  });
}
