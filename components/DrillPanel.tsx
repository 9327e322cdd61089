import { formatValue, formatYears } from '@/lib/format';
import type { DealRow } from '@/lib/select-deals';
import Link from 'next/link';

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
        <table className="w-full text-sm" data-testid="drill-deals">
          <thead className="sticky top-0 bg-[var(--panel)] text-left">
            <tr>
              {[
                'Supplier',
                'Recipient',
                'Designation',
                'Description',
                'Category',
                'Ordered',
                'Delivered',
                'Order year',
                'Delivery years',
                'Status',
                'TIV delivered',
                'Value USD m',
                'Comments',
                'Source',
                'Dataset',
              ].map((h) => (
                <th key={h} scope="col" className="p-1.5">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {deals.slice(0, DRILL_ROW_CAP).map((d) => (
              <tr key={`${d.dataset}:${d.key}`} className="border-t border-[var(--line)] align-top" data-testid="drill-deal">
                <td className="p-1.5">{d.origin && d.origin !== d.supplier ? `${d.supplier} (made in ${d.origin})` : d.supplier}</td>
                <td className="p-1.5">{d.recipient}</td>
                <td className="p-1.5">{d.designation || '—'}</td>
                <td className="p-1.5">{d.description}</td>
                <td className="p-1.5">{d.category}</td>
                <td className="tabular p-1.5 text-right">
                  {d.ordered === null ? '—' : `${formatValue(d.ordered, 'units')}${q(d.orderedEstimated)}`}
                </td>
                <td className="tabular p-1.5 text-right">
                  {d.delivered === null ? 'not given' : `${formatValue(d.delivered, 'units')}${q(d.deliveredEstimated)}`}
                </td>
                <td className="tabular p-1.5">{d.orderYear === null ? '—' : `${d.orderYear}${q(d.orderYearEstimated)}`}</td>
                <td className="tabular p-1.5">
                  {d.deliveryYears.length === 0 ? 'none' : `${formatYears(d.deliveryYears)}${q(d.deliveryYearsEstimated)}`}
                </td>
                <td className="p-1.5">{d.status}</td>
                <td className="tabular p-1.5 text-right">{formatValue(d.tivDelivered, 'tiv')}</td>
                <td className="tabular p-1.5 text-right">
                  {d.valueUsdM === null ? '—' : `${formatValue(d.valueUsdM, 'value')}${q(d.valueEstimated)}`}
                </td>
                <td className="p-1.5">{d.comments}</td>
                <td className="p-1.5">{d.source}</td>
                <td className="p-1.5">{d.datasetName}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
