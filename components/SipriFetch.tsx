'use client';

import { formatMegabytes } from '@/lib/domain/format';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { IngestReportView, storedUpload, type StoredUpload } from './IngestReportView';

type Progress = { phase: 'requesting' | 'downloading' | 'reading'; received: number; total: number | null };

type Phase =
  | { kind: 'idle' }
  | { kind: 'fetching'; progress: Progress | null }
  | { kind: 'done'; stored: StoredUpload }
  | { kind: 'error'; message: string };

const FIRST_YEAR = 1950;

function progressLine(p: Progress | null): string {
  if (!p || p.phase === 'requesting') return 'Asking SIPRI’s data service…';
  if (p.phase === 'downloading') return `Downloading… ${formatMegabytes(p.received)}${p.total ? ` of ${formatMegabytes(p.total)}` : ''}`;
  return 'Reading the export…';
}

/** "Get SIPRI's data": the server fetches SIPRI's deliveries of the years chosen and stores them like an upload. */
export function SipriFetch() {
  const router = useRouter();
  const lastFullYear = new Date().getFullYear() - 1;
  const [from, setFrom] = useState(String(FIRST_YEAR));
  const [to, setTo] = useState(String(lastFullYear));
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const start = async () => {
    setPhase({ kind: 'fetching', progress: null });
    // The answer comes once the export is stored; meanwhile the server says how far it got.
    const poll = setInterval(async () => {
      const body = await fetch('/api/datasets/sipri', { cache: 'no-store' })
        .then((r) => r.json())
        .catch(() => null);
      if (body?.fetching) setPhase((p) => (p.kind === 'fetching' ? { kind: 'fetching', progress: body.fetching } : p));
    }, 250);
    try {
      const res = await fetch('/api/datasets/sipri', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ from: Number(from), to: Number(to) }),
      });
      const body = await res.json().catch(() => ({ detail: `the server answered ${res.status} without a readable body` }));
      if (res.status !== 200 && res.status !== 201) {
        setPhase({ kind: 'error', message: String(body.detail ?? body.error ?? `error ${res.status}`) });
        return;
      }
      const stored = storedUpload(body, res.status);
      setPhase({ kind: 'done', stored });
      router.push(`/?ds=${encodeURIComponent(stored.id)}`, { scroll: false });
    } catch {
      setPhase({ kind: 'error', message: 'the server could not be reached' });
    } finally {
      clearInterval(poll);
    }
  };
  const busy = phase.kind === 'fetching';
  const field = 'w-20 rounded border border-[var(--line)] bg-transparent px-1';
  return (
    <div className="mt-3 border-t border-[var(--line)] pt-2 text-sm" data-testid="sipri-fetch">
      <form
        className="flex flex-wrap items-center gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          void start();
        }}
      >
        <span>Or get SIPRI’s whole database, deliveries</span>
        <label>
          from{' '}
          <input
            className={field}
            type="number"
            min={FIRST_YEAR}
            max={lastFullYear + 1}
            value={from}
            onChange={(e) => setFrom(e.target.value)}
          />
        </label>
        <label>
          to{' '}
          <input
            className={field}
            type="number"
            min={FIRST_YEAR}
            max={lastFullYear + 1}
            value={to}
            onChange={(e) => setTo(e.target.value)}
          />
        </label>
        <button type="submit" className="rounded border border-[var(--line)] px-2 py-0.5" disabled={busy}>
          Get SIPRI’s data
        </button>
      </form>
      {phase.kind === 'fetching' && (
        <div className="mt-2" data-testid="sipri-progress">
          <progress
            className="w-full"
            aria-label="SIPRI fetch progress"
            {...(phase.progress?.phase === 'downloading' && phase.progress.total
              ? { max: phase.progress.total, value: phase.progress.received }
              : {})}
          />
          {progressLine(phase.progress)}
        </div>
      )}
      {phase.kind === 'error' && (
        <p role="alert" className="mt-2 text-red-700 dark:text-red-400" data-testid="sipri-error">
          {phase.message.replace(/\.$/, '')}. You can instead export the data from SIPRI’s site (armstransfers.sipri.org) and load the file
          above.
        </p>
      )}
      {phase.kind === 'done' && <IngestReportView stored={phase.stored} testId="sipri" />}
    </div>
  );
}
