import Link from 'next/link';
import { connection } from 'next/server';

/**
 * Rendered per request, not prerendered: the proxy's CSP allows only scripts carrying this request's
 * nonce, and a page prerendered at build has none (its scripts were all refused, so its links did
 * not navigate client-side and the console filled with CSP errors).
 */
export default async function NotFound() {
  await connection();
  return (
    <main className="mx-auto max-w-3xl px-4 py-8">
      <h1 className="text-xl font-semibold">No such page</h1>
      <p className="mt-2">
        Try the <Link href="/">dashboard</Link> or the <Link href="/compare">comparison of Iran and Iraq</Link>; the data is also available
        through the API (<Link href="/api/datasets">/api/datasets</Link>).
      </p>
    </main>
  );
}
