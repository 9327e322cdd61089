import type { SideCheck } from '@/lib/view/compare-model';
import { formatValue } from '@/lib/domain/format';
import type { Measure } from '@/lib/domain/terms';
import Link from 'next/link';

export type SidesTableProps = {
  /** Each listed supplier with what the data shows. */
  rows: SideCheck[];
  a: string;
  b: string;
  measure: Measure;
  /** Builds the link that drills into a supplier's deals to one recipient. */
  drillHref: (supplier: string, recipient: string) => string;
};

const SIDE_LABEL = { iraq: 'Iraq only', both: 'both sides', iran: 'Iran only' } as const;

/** The war's listed supplier sides beside the loaded deliveries, disagreements first. */
export function SidesTable({ rows, a, b, measure, drillHref }: SidesTableProps) {
  const sorted = [...rows].sort(
    (x, y) =>
      Number(y.status.startsWith('delivered') || y.status.startsWith('no deliveries to')) -
        Number(x.status.startsWith('delivered') || x.status.startsWith('no deliveries to')) || x.line - y.line,
  );
  const cell = (value: number | null, supplier: string, recipient: string) =>
    value === null ? (
      '—'
    ) : (
      <Link href={drillHref(supplier, recipient)} scroll={false}>
        {formatValue(value, measure)}
      </Link>
    );
  return (
    <div className="max-h-[30rem] overflow-auto rounded border border-[var(--line)]">
      <table className="w-full text-sm" data-testid="sides-table">
        <caption className="p-2 text-left text-[var(--muted)]">
          Listed side (bundled table, with its source) against deliveries in the loaded data; click a figure for the deals.
        </caption>
        <thead className="sticky top-0 bg-[var(--panel)] text-left">
          <tr>
            <th className="p-2">Country</th>
            <th className="p-2">Listed as supplying</th>
            <th className="p-2 text-right">To {a}</th>
            <th className="p-2 text-right">To {b}</th>
            <th className="p-2">Data</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => {
            const disagrees = r.status !== 'agrees' && r.status !== 'no deliveries in data';
            return (
              <tr key={r.country} className="border-t border-[var(--line)]" data-testid="side-row" data-disagrees={disagrees}>
                <td className="p-2">{r.country}</td>
                <td className="p-2">
                  {SIDE_LABEL[r.side]}
                  {r.note && <span className="text-[var(--muted)]"> ({r.note})</span>}
                </td>
                <td className="tabular p-2 text-right">{cell(r.toA, r.country, a)}</td>
                <td className="tabular p-2 text-right">{cell(r.toB, r.country, b)}</td>
                <td className={`p-2 ${disagrees ? 'font-semibold text-amber-700 dark:text-amber-400' : 'text-[var(--muted)]'}`}>
                  {r.status}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
