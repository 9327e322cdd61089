import Link from 'next/link';

export default function NotFound() {
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
