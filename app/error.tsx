'use client';

import Link from 'next/link';

/**
 * The last line of defence for a page: a plain message and a way back, never a blank screen or a
 * stack trace. (Bad URLs and files are answered earlier, with notices naming what was wrong.)
 */
export default function PageError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto max-w-3xl px-4 py-8" role="alert">
      <h1 className="text-xl font-semibold">This view could not be drawn</h1>
      <p className="mt-2">Something went wrong on our side while preparing it. The error has been logged.</p>
      <p className="mt-4 flex gap-4">
        <button type="button" className="rounded border border-[var(--line)] px-3 py-1" onClick={() => reset()}>
          Try again
        </button>
        <Link href="/">Back to the dashboard</Link>
      </p>
    </main>
  );
}
