import { benchOnly } from '../bench-only';
import { dashboardPageModel } from '@/lib/server/dashboard-page-model';
import { pageViewer } from '@/lib/server/viewer';
import type { SearchParams } from '@/lib/view/view-params';

/**
 * The dashboard's model for this URL, as the dashboard gets it (from the same cache once warm), with
 * one line rendered: `npm run bench` times it beside the dynamic baseline and the dashboard, so that
 * the dashboard's figure splits into what any dynamic page costs, what getting its model adds, and
 * what rendering its sections adds. Like the other baselines it is not behind the CSP proxy.
 */
export const dynamic = 'force-dynamic';

export default async function ModelBaselinePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  benchOnly();
  const { model } = await dashboardPageModel(await searchParams, await pageViewer());
  return (
    <main className="mx-auto max-w-7xl px-4 py-4">
      <h1 className="text-2xl font-semibold">Model baseline</h1>
      <p data-testid="model-baseline">{model.summary}</p>
    </main>
  );
}
