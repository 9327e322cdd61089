import type { Overlap } from '@/lib/query/overlaps';
import Link from 'next/link';
import type { ParamNotice } from '@/lib/view/view-params';

export type NoticesProps = {
  /** URL parameters that were ignored or corrected. */
  notices: ParamNotice[];
  /** Combined datasets that may count the same deliveries twice. */
  overlaps: Overlap[];
};

/** Says what the page did with a bad link or a risky combination, instead of failing or hiding it. */
export function Notices({ notices, overlaps }: NoticesProps) {
  if (notices.length === 0 && overlaps.length === 0) return null;
  return (
    <div
      role="status"
      className="rounded border border-amber-500 bg-amber-50 p-3 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-100"
      data-testid="notices"
    >
      <ul className="list-disc pl-5">
        {notices.map((n, i) => (
          <li key={`n${i}`}>
            Parameter <code>{n.param}</code>: {n.message}
          </li>
        ))}
        {overlaps.map((o, i) => (
          <li key={`o${i}`} data-testid="overlap">
            “{o.a}” and “{o.b}” both record {o.pairs} supplier–recipient–year {o.pairs === 1 ? 'combination' : 'combinations'} (e.g.{' '}
            {o.example}): combined here, the same deliveries may be counted twice.{' '}
            <Link
              href={`/reconcile?${new URLSearchParams({ a: o.aId, b: o.bId, supplier: o.supplier, recipient: o.recipient })}`}
              data-testid="overlap-reconcile"
            >
              Hold them against each other, weapon by weapon
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
