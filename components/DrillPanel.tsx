import { formatValue, formatYears } from '@/lib/format';
import type { DealRow } from '@/lib/select-deals';
import Link from 'next/link';
import { DrillRows } from './DrillRows';

export type DrillPanelProps = {
  /** What was clicked, in words. */
  title: string;
  /** The deals behind it. */
  deals: DealRow[];
  /** Link that closes the panel (the same view without drill params). */
  closeHref: string;
};

const q = (flag: boolean) => (flag ? '?' : '');

/** A drill into a large supplier of the whole database can hold thousands of deals: list the first ones. */
export const DRILL_ROW_CAP = 500;

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
export function DrillPanel({ title, deals, closeHref }: DrillPanelProps) {
  return (
    <section aria-labelledby="drill-title" className="min-w-0 rounded border border-[var(--accent)] p-3" data-testid="drill-panel">
      <div className="flex items-baseline justify-between gap-2">
        <h2 id="drill-title" className="text-lg font-semibold">
          {title}: {deals.length} {deals.length === 1 ? 'deal' : 'deals'}
        </h2>
        <Link href={closeHref} scroll={false} className="text-sm">
          Close
        </Link>
      </div>
      <p className="text-sm text-[var(--muted)]">
        “?” marks a number or year the source gives as uncertain.
        {deals.length > DRILL_ROW_CAP &&
          ` Showing the first ${DRILL_ROW_CAP} of ${deals.length.toLocaleString('en-GB')}; the charts’ “Deals CSV” downloads hold every deal of the view.`}
      </p>
      <div className="mt-2 max-h-[28rem] overflow-auto">
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
            rows={deals.slice(0, DRILL_ROW_CAP).map((d) => ({ key: `${d.dataset}:${d.key}`, cells: COLUMNS.map(([, cell]) => cell(d)) }))}
          />
        </table>
      </div>
    </section>
  );
}
