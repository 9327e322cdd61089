import { benchOnly } from './bench-only';

/**
 * A plain static page, prerendered at build time: the baseline that `npm run bench` measures the
 * dashboard against on the same server.
 */
export const dynamic = 'force-static';

export default function BaselinePage() {
  benchOnly();
  return (
    <main className="mx-auto max-w-7xl px-4 py-4">
      <h1 className="text-2xl font-semibold">Baseline</h1>
      <p>A static page for benchmarks.</p>
    </main>
  );
}
