import { benchOnly } from '../bench-only';
/**
 * The least a server render costs: a page rendered on every request that reads its search params and
 * renders one line. `npm run bench` times it beside the static page and the dashboard, so that the
 * dashboard's figure can be read against what any dynamic page costs on the same server.
 */
export const dynamic = 'force-dynamic';

export default async function DynamicBaselinePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  benchOnly();
  const params = Object.keys(await searchParams).length;
  return (
    <main className="mx-auto max-w-7xl px-4 py-4">
      <h1 className="text-2xl font-semibold">Dynamic baseline</h1>
      <p data-testid="dynamic-baseline">Rendered on request, with {params === 1 ? '1 search parameter' : `${params} search parameters`}.</p>
    </main>
  );
}
