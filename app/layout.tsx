import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: 'Arms transfers explorer',
  description: 'Who armed whom: SIPRI registers and cited accounts as Sankey diagrams and stacked bars.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        <header className="border-b border-[var(--line)] bg-[var(--panel)]">
          <nav className="mx-auto flex max-w-7xl flex-wrap items-baseline gap-x-6 gap-y-1 px-4 py-3">
            <Link href="/" className="text-lg font-semibold text-[var(--fg)] no-underline">
              Arms transfers explorer
            </Link>
            <Link href="/">Dashboard</Link>
            <Link href="/compare">Compare Iran and Iraq</Link>
            <Link href="/reconcile">Sources side by side</Link>
            <Link href="/rankings">Rankings</Link>
            <Link href="/map">Map</Link>
          </nav>
        </header>
        {children}
        <footer className="mx-auto max-w-7xl px-4 py-6 text-sm text-[var(--muted)]">
          SIPRI figures: Information from the SIPRI Arms Transfers Database (c) SIPRI; calculations made from them are ours, not SIPRI’s.
          TIV is a volume indicator, not a price. Bundled registers cite their sources row by row.{' '}
          <Link href="/admin" className="underline">
            Admin
          </Link>
        </footer>
      </body>
    </html>
  );
}
