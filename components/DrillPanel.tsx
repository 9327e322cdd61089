import { formatCount, formatValue, formatYears } from '@/lib/domain/format';
import type { DealRow } from '@/lib/query/select-deals';
import Link from 'next/link';
import { DrillRows } from './DrillRows';
import { DRILL_PAGE_SIZE } from '@/lib/view/view-params';

export type DrillPanelProps = {
  /** What was clicked, in words. */
  title: string;
  /** The deals behind it. */
  deals: DealRow[];
  /** Shown datasets that hold totals only (TIV tables): named, since they add to the mark but list no deals. */
  totalsOnly?: string[];
  /** Link that closes the panel (the same view without drill params). */
  closeHref: string;
  /** The page of deals listed (from 1; past the last, the last) and the link to another page. */
  page: number;
  pageHref: (page: number) => string;
};

const q = (flag: boolean) => (flag ? '?' : '');

/** The panel's columns: header, cell text, and whether it is a number (right-aligned). */
const COLUMNS: [string, (d: DealRow) => string, boolean][] = [
  ['Supplier', (d) => (d.origin && d.origin !== d.supplier ? `${d.supplier} (made in ${d.origin})` : d.supplier), false],
  ['Recipient', (d) => d.recipient, false],
  ['Designation', (d) => d.designation || '—', false],
  ['Description', (d) => d.description, false],
  ['Category', (d) => d.category, false],
  ['Ordered', (d) => (d.ordered === null ? '—' : `${formatValue(d.ordered, 'units')}${q(d.orderedEstimated)}`), true],
  ['Delivered', (d) => (d.delivered === null ? 'not given' : `${formatValue(d.delivered, 'units')}${q(d.deliveredEstimated)}`), true],
  ['Order year', (d) => (d.orderYear === null ? '—' : `${d.orderYear}${q(d.orderYearEstimated)}`), false],
  [
    'Delivery years',
    (d) => (d.deliveryYears.length === 0 ? 'none' : `${formatYears(d.deliveryYears)}${q(d.deliveryYearsEstimated)}`),
    false,
  ],
  ['Status', (d) => d.status, false],
  ['TIV delivered', (d) => formatValue(d.tivDelivered, 'tiv'), true],
  ['Value USD m', (d) => (d.valueUsdM === null ? '—' : `${formatValue(d.valueUsdM, 'value')}${q(d.valueEstimated)}`), true],
  ['Comments', (d) => d.comments, false],
  ['Source', (d) => d.source, false],
  ['Dataset', (d) => d.datasetName, false],
];

/** The deals behind a mark, every field shown as text, uncertain fields marked with "?". */
export function DrillPanel({ title, deals, totalsOnly = [], closeHref, page, pageHref }: DrillPanelProps) {
  const pages = Math.max(1, Math.ceil(deals.length / DRILL_PAGE_SIZE));
  const shown = Math.min(page, pages);
  const first = (shown - 1) * DRILL_PAGE_SIZE;
  const listed = deals.slice(first, first + DRILL_PAGE_SIZE);
  return (
    <section aria-labelledby="drill-title" className="min-w-0 rounded border border-[var(--accent)] p-3" data-testid="drill-panel">
      <div className="flex items-baseline justify-between gap-2">
        <h2 id="drill-title" className="text-lg font-semibold">
          {title}: {formatCount(deals.length)} {deals.length === 1 ? 'deal' : 'deals'}
        </h2>
        <Link href={closeHref} scroll={false} className="text-sm">
          Close
        </Link>
      </div>
      {totalsOnly.length > 0 && (
        <p className="text-sm" data-testid="drill-totals-only">
          {totalsOnly.join('; ')} {totalsOnly.length === 1 ? 'holds' : 'hold'} totals only; load a register for the deals.
        </p>
      )}
      <p className="text-sm text-[var(--muted)]">
        “?” marks a number or year the source gives as uncertain.
        {pages > 1 &&
          ` Showing ${formatCount(first + 1)}–${formatCount(first + listed.length)} of ${formatCount(deals.length)}; the charts’ “Deals CSV” downloads hold every deal of the view.`}
      </p>
      {pages > 1 && (
        <nav aria-label="Pages of deals" className="mt-1 flex gap-4 text-sm" data-testid="drill-pages">
          {shown > 1 && (
            <Link href={pageHref(shown - 1)} scroll={false}>
              ← Previous {formatCount(DRILL_PAGE_SIZE)}
            </Link>
          )}
          <span className="text-[var(--muted)]">
            Page {shown} of {pages}
          </span>
          {shown < pages && (
            <Link href={pageHref(shown + 1)} scroll={false}>
              Next {formatCount(Math.min(DRILL_PAGE_SIZE, deals.length - first - DRILL_PAGE_SIZE))} →
            </Link>
          )}
        </nav>
      )}
      {/* A scrolling box is focusable and named, so that the keyboard can scroll it. */}
      {/* No deals (a TIV table's totals, or nothing matches): no empty table of headers. */}
      {deals.length > 0 && (
        <div className="mt-2 max-h-[28rem] overflow-auto" tabIndex={0} role="region" aria-label="Deals behind the selection, scrollable">
          {/* Below 640 px each deal reads as a card of label–value lines (CSS only: one table, no second DOM).
           The explicit roles keep it a table for screen readers, which drop table semantics from
           elements restyled as blocks. */}
          <table role="table" className="w-full text-sm max-sm:block" data-testid="drill-deals">
            <thead role="rowgroup" className="sticky top-0 bg-[var(--panel)] text-left max-sm:sr-only">
              <tr role="row">
                {COLUMNS.map(([h]) => (
                  <th key={h} role="columnheader" scope="col" className="p-1.5">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <DrillRows
              columns={COLUMNS.map(([label, , numeric]) => ({ label, numeric }))}
              rows={listed.map((d) => ({ key: `${d.dataset}:${d.key}`, cells: COLUMNS.map(([, cell]) => cell(d)) }))}
            />
          </table>
        </div>
      )}
    </section>
  );
}
