import { Notices } from '@/components/Notices';
import { ReconcileTable } from '@/components/ReconcileTable';
import { TableDownloads } from '@/components/TableDownloads';
import { countOf } from '@/lib/domain/format';
import { reconcileApiRows } from '@/lib/view/reconcile-view';
import { reconcilePageModel } from '@/lib/server/reconcile-page-model';
import { pageViewer } from '@/lib/server/viewer';
import type { SearchParams } from '@/lib/view/view-params';
import Link from 'next/link';

export const dynamic = 'force-dynamic';

const field = 'rounded border border-[var(--line)] bg-[var(--bg)] px-1 py-0.5';

/** The sources side by side: two datasets' records of one supplier → recipient, weapon by weapon. */
export default async function ReconcilePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const get = (name: string) => {
    const v = params[name];
    return Array.isArray(v) ? v[v.length - 1] : v;
  };
  const { infos, problems, model } = await reconcilePageModel(get, await pageViewer());
  const usable = infos.filter((d) => d.error === null);
  const query = model
    ? new URLSearchParams({
        a: model.a.id,
        b: model.b.id,
        supplier: model.params.supplier,
        recipient: model.params.recipient,
        from: String(model.from),
        to: String(model.to),
      }).toString()
    : '';
  const rows = model ? reconcileApiRows(model) : [];
  const matched = rows.filter((r) => r.match !== 'only a' && r.match !== 'only b').length;
  const differing = rows.filter((r) => r.difference !== null && r.difference !== 0).length;
  return (
    <main className="mx-auto flex max-w-7xl min-w-0 flex-col gap-4 px-4 py-4">
      <div>
        <h1 className="text-2xl font-semibold">Sources side by side</h1>
        <p className="text-sm text-[var(--muted)]" data-testid="reconcile-summary">
          {model
            ? `${model.params.supplier} → ${model.params.recipient}, deliveries ${model.from}–${model.to}: ${countOf(rows.length, 'weapon')}, ${matched} matched on both sides, ${differing} with different numbers.`
            : 'Pick two datasets to hold against each other.'}
        </p>
      </div>
      <form method="get" action="/reconcile" className="flex flex-wrap items-end gap-3 text-sm" data-testid="reconcile-controls">
        {(['a', 'b'] as const).map((side) => (
          <label key={side} className="flex max-w-full min-w-0 flex-col">
            Dataset {side.toUpperCase()}
            <select name={side} defaultValue={side === 'a' ? model?.a.id : model?.b.id} className={`${field} max-w-full`}>
              {usable.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          </label>
        ))}
        <label className="flex flex-col">
          Supplier
          <input name="supplier" defaultValue={model?.params.supplier} className={field} />
        </label>
        <label className="flex flex-col">
          Recipient
          <input name="recipient" defaultValue={model?.params.recipient} className={field} />
        </label>
        <label className="flex flex-col">
          From
          <input name="from" inputMode="numeric" defaultValue={model?.from} className={`${field} w-20`} />
        </label>
        <label className="flex flex-col">
          To
          <input name="to" inputMode="numeric" defaultValue={model?.to} className={`${field} w-20`} />
        </label>
        <button type="submit" className="rounded border border-[var(--line)] px-2 py-0.5">
          Compare
        </button>
      </form>
      <Notices notices={problems.map((p) => ({ param: p.param, message: `${p.detail}; the default is shown` }))} overlaps={[]} />
      {model && (
        <>
          <p className="text-sm">
            A: <strong>{model.a.name}</strong>; B: <strong>{model.b.name}</strong>. Units are those delivered in {model.from}–{model.to} (a
            deal-level register&apos;s deal totals spread evenly over its delivery years). Rows are matched by designation where both name
            one, else by SIPRI&apos;s description (its wording changes between releases are taken as one), else by category.{' '}
            <Link
              href={`/?ds=${model.a.id},${model.b.id}&supplier=${encodeURIComponent(model.params.supplier)}&recipient=${encodeURIComponent(model.params.recipient)}&from=${model.from}&to=${model.to}`}
            >
              Both on the dashboard
            </Link>
          </p>
          <TableDownloads href={`/api/reconcile?${query}`} jsonName="sources-side-by-side.json" testId="reconcile-download" />
          {rows.length > 0 ? (
            <ReconcileTable model={model} />
          ) : (
            <p className="text-sm" data-testid="reconcile-empty">
              Neither dataset records deliveries from {model.params.supplier} to {model.params.recipient} in {model.from}–{model.to}.
            </p>
          )}
          <p className="text-sm text-[var(--muted)]" data-testid="reconcile-source">
            Source: A: {model.a.name}: {model.a.citation} | B: {model.b.name}: {model.b.citation}
          </p>
        </>
      )}
    </main>
  );
}
