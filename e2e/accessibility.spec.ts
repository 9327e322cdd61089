import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { E2E_ADMIN_TOKEN } from './admin-token';
import { QUOTED_VIEW } from './pages/dashboard-page';

/**
 * axe-core (WCAG 2.0/2.1 A and AA, plus best practices) on every page and state, in both themes and
 * at phone width. No rule is disabled: a finding fails the test with its rule, impact and elements.
 */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

async function expectNoViolations(page: Page, state: string) {
  // After the upload the page navigates to the new dataset; while Next.js swaps the document's head
  // there is a moment without a title. Judge the settled page (a page that never gets one still fails).
  await expect(page).toHaveTitle(/\S/);
  await page.waitForLoadState('networkidle');
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const found = violations.map(
    (v) =>
      `${v.impact} ${v.id} (${v.nodes.length}): ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(' | ')}`,
  );
  expect(found, `axe on ${state}`).toEqual([]);
}

/** Open a page and wait for its charts (or its table) to be drawn. */
async function open(page: Page, path: string) {
  await page.goto(path);
  await page.locator('main').waitFor();
  await page.waitForLoadState('networkidle');
}

/** Open the details of these data tables and wait for their rows (fetched when opened). */
async function openTables(page: Page, ids: string[]) {
  for (const id of ids) {
    await page.getByTestId(`${id}-toggle`).locator('summary').click();
    await page.getByTestId(id).locator('tbody tr').first().waitFor();
  }
}

const QUESTIONABLE = [
  'Recipient,Supplier,Year of order, ,Number ordered, ,Weapon designation,Weapon description,Number delivered, ,Year(s) of delivery,status,Comments,SIPRI TIV per unit,SIPRI TIV for total order,SIPRI TIV of delivered weapons',
  'Iran,China,1982,,10,,Type-59,tank,10,,1982,New,accessibility check,1,10,10',
  'Iran,China,1982,,lots,,Type-59,tank,10,,1982,New,,1,10,10',
].join('\n');

const MODES = [
  { name: 'light', colorScheme: 'light' as const, viewport: { width: 1280, height: 900 } },
  { name: 'dark', colorScheme: 'dark' as const, viewport: { width: 1280, height: 900 } },
  { name: 'light, 375 px', colorScheme: 'light' as const, viewport: { width: 375, height: 800 } },
  { name: 'dark, 375 px', colorScheme: 'dark' as const, viewport: { width: 375, height: 800 } },
];

for (const mode of MODES) {
  test.describe(`axe-core, ${mode.name}`, () => {
    test.use({ colorScheme: mode.colorScheme, viewport: mode.viewport });

    test('dashboard: opening view, a drill-down, both data tables, the upload report', async ({ page }) => {
      await open(page, '/');
      await expectNoViolations(page, 'the dashboard');
      await open(page, `/?${QUOTED_VIEW}&d.supplier=North+Korea`);
      await page.getByTestId('drill-deal').first().waitFor();
      await expectNoViolations(page, 'a drill-down');
      await openTables(page, ['sankey-table', 'bars-table']);
      await expectNoViolations(page, 'the data tables open');
      await page
        .getByTestId('file-input')
        .setInputFiles({ name: 'questionable.csv', mimeType: 'text/csv', buffer: Buffer.from(QUESTIONABLE) });
      await expect(page.getByTestId('upload-counts')).toContainText('questionable: 1');
      await expect(page, 'the dashboard moves to the upload').toHaveURL(/ds=u-/);
      await expectNoViolations(page, 'the upload report');
    });

    test('comparison: opening view, a drill-down, its tables', async ({ page }) => {
      await open(page, '/compare');
      await expectNoViolations(page, 'the comparison');
      await open(page, '/compare?d.supplier=China&d.recipient=Iran');
      await page.getByTestId('drill-deal').first().waitFor();
      await openTables(page, ['bars-table-a', 'bars-table-b']);
      await expectNoViolations(page, 'the comparison with a drill-down and tables open');
    });

    test('sources side by side, the rankings, and the page for an unknown address', async ({ page }) => {
      await open(page, '/reconcile');
      await expectNoViolations(page, 'the sources view');
      await open(page, '/rankings?side=importers&sort=country');
      await expectNoViolations(page, 'the rankings');
      await open(page, '/rankings?side=sideways');
      await expectNoViolations(page, 'the rankings with a notice');
      await open(page, '/map');
      await page.getByTestId('map-svg').waitFor();
      await expectNoViolations(page, 'the map');
      await open(page, '/no-such-page');
      await expectNoViolations(page, 'the 404 page');
    });

    test('the admin page: its sign-in, a refused token, the table of uploads', async ({ page }) => {
      await open(page, '/admin');
      await expectNoViolations(page, 'the admin sign-in');
      await page.getByLabel('Admin token').fill('wrong');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByTestId('admin-problem')).toBeVisible();
      await expectNoViolations(page, 'a refused sign-in');
      await page.getByLabel('Admin token').fill(E2E_ADMIN_TOKEN);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByTestId('admin-uploads').waitFor();
      await expectNoViolations(page, 'the admin’s uploads');
    });
  });
}

test('the Sankey is a named group whose marks a screen reader reaches by name', async ({ page }) => {
  await open(page, `/?${QUOTED_VIEW}`);
  // (A colon followed by a space would end the name in the snapshot's YAML: "." stands for it.)
  await expect(page.getByTestId('sankey-svg')).toMatchAriaSnapshot(`
    - group "Sankey diagram of deliveries":
      - button /North Korea → Missiles. 4,120 units .80% of total/
  `);
  await expect(page.getByTestId('bars-svg')).toMatchAriaSnapshot(`
    - group "Stacked bars by supplier and year":
      - button /^North Korea, 1984. /
  `);
});
