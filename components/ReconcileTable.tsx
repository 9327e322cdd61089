import { formatYears } from '@/lib/domain/format';
import { sideTotal, sideYears, type MatchKind } from '@/lib/query/reconcile';
import type { ReconcileModel } from '@/lib/view/reconcile-view';
import type { Deal } from '@/lib/domain/types';

export type ReconcileTableProps = {
  /** The lined-up rows and the two sides' names. */
  model: ReconcileModel;
};

const MATCH_LABELS: Record<MatchKind, string> = {
  designation: 'by designation',
  description: 'by description',
  category: 'by category only',
  'only a': 'only in A',
  'only b': 'only in B',
};

const num = (x: number | null) => (x === null ? '—' : x.toLocaleString('en-GB', { maximumFractionDigits: 2 }));

function DealList({ deals, side }: { deals: Deal[]; side: string }) {
  if (deals.length === 0) return <p className="text-[var(--muted)]">{side}: nothing recorded.</p>;
  return (
    <div>
      <p className="font-semibold">{side}</p>
      <ul className="list-disc pl-5">
        {deals.map((d) => (
          <li key={d.key}>
            {[d.designation, d.description].filter(Boolean).join(' ')}: {d.delivered ?? '?'} delivered
            {d.deliveryYears.length ? ` in ${formatYears(d.deliveryYears)}` : ''}
            {d.orderYear ? `, ordered ${d.orderYear}` : ''}
            {d.comments ? ` — ${d.comments}` : ''}{' '}
            <span className="text-[var(--muted)]">
              (line {d.line}; {d.source})
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Two sources' records of one flow, weapon by weapon: units, years and TIV on each side, the difference, the deals behind. */
export function ReconcileTable({ model }: ReconcileTableProps) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-sm" data-testid="reconcile-table">
        <caption className="sr-only">
          {model.a.name} against {model.b.name}, {model.params.supplier} to {model.params.recipient}, {model.from}–{model.to}
        </caption>
        <thead>
          <tr className="border-b border-[var(--line)] text-left [&>th]:px-2">
            <th scope="col">Weapon</th>
            <th scope="col">Matched</th>
            <th scope="col" className="text-right">
              A: units
            </th>
            <th scope="col" className="text-right">
              B: units
            </th>
            <th scope="col" className="text-right">
              B − A
            </th>
            <th scope="col">A: years</th>
            <th scope="col">B: years</th>
            <th scope="col" className="text-right">
              A: TIV
            </th>
            <th scope="col" className="text-right">
              B: TIV
            </th>
            <th scope="col">Deals behind</th>
          </tr>
        </thead>
        <tbody>
          {model.rows.map((r, i) => {
            const [a, b] = [sideTotal(r.a, 'units'), sideTotal(r.b, 'units')];
            const differs = a !== null && b !== null && Math.abs(a - b) > 1e-9;
            return (
              <tr key={i} className="border-b border-[var(--line)] align-top" data-testid="reconcile-row" data-match={r.match}>
                <th scope="row" className="px-2 text-left font-normal">
                  {r.weapon}
                  <span className="block text-xs text-[var(--muted)]">{r.category}</span>
                </th>
                <td className="px-2">{MATCH_LABELS[r.match]}</td>
                <td className="px-2 text-right tabular-nums">{num(a)}</td>
                <td className="px-2 text-right tabular-nums">{num(b)}</td>
                <td className={`pr-2 text-right tabular-nums ${differs ? 'font-semibold' : ''}`}>
                  {a !== null && b !== null ? `${b - a > 0 ? '+' : ''}${num(b - a)}` : '—'}
                </td>
                <td className="px-2">{formatYears(sideYears(r.a)) || '—'}</td>
                <td className="px-2">{formatYears(sideYears(r.b)) || '—'}</td>
                <td className="px-2 text-right tabular-nums">{num(sideTotal(r.a, 'tiv'))}</td>
                <td className="px-2 text-right tabular-nums">{num(sideTotal(r.b, 'tiv'))}</td>
                <td className="px-2">
                  <details>
                    <summary className="cursor-pointer">
                      {r.aDeals.length} + {r.bDeals.length}
                    </summary>
                    <div className="flex flex-col gap-2 py-1" data-testid="reconcile-deals">
                      <DealList deals={r.aDeals} side={`A: ${model.a.name}`} />
                      <DealList deals={r.bDeals} side={`B: ${model.b.name}`} />
                    </div>
                  </details>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
