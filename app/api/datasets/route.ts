import { guarded, json } from '@/lib/server/api';
import { loadDatasets } from '@/lib/server/load-datasets';

export const dynamic = 'force-dynamic';

/** GET /api/datasets: every dataset with its format, source, size, date and year span. */
export function GET() {
  return guarded(async () => {
    const datasets = (await loadDatasets()).map(({ info }) => info);
    return json({ datasets });
  });
}
