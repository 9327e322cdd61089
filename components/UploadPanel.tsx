'use client';

import { formatMegabytes } from '@/lib/domain/format';
import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { IngestReportView, storedUpload, type StoredUpload } from './IngestReportView';
import { SipriFetch } from './SipriFetch';

type Phase =
  | { kind: 'idle' }
  | { kind: 'sending'; sent: number; total: number }
  | { kind: 'reading' }
  | { kind: 'done'; stored: StoredUpload }
  | { kind: 'error'; message: string };

export type UploadPanelProps = {
  /** Whether the server stores uploads, and if not why. */
  status: {
    enabled: boolean;
    reason: string | null;
    /** Largest single upload. */
    limitBytes: number;
    /** What stored uploads hold now, and the most they may hold in all (UPLOAD_TOTAL_MB). */
    storedBytes: number;
    totalLimitBytes: number;
  };
};

/** Send a file with progress (XMLHttpRequest reports upload progress; fetch does not). */
function send(
  file: File,
  onProgress: (sent: number, total: number) => void,
  onSent: () => void,
): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/datasets');
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.upload.onload = onSent;
    xhr.onload = () => {
      try {
        resolve({ status: xhr.status, body: JSON.parse(xhr.responseText) });
      } catch {
        reject(new Error(`the server answered ${xhr.status} without a readable body`));
      }
    };
    xhr.onerror = () => reject(new Error('the upload failed: the server could not be reached'));
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}

/** "Load a register": drop zone and file picker, progress, the ingest report, then the charts switch to it. */
export function UploadPanel({ status }: UploadPanelProps) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [over, setOver] = useState(false);
  const upload = async (file: File | undefined) => {
    if (!file) return;
    // The server refuses both (413, 507); saying so here spares sending the file.
    const refusal =
      file.size > status.limitBytes
        ? `the limit is ${formatMegabytes(status.limitBytes)}`
        : status.storedBytes + file.size > status.totalLimitBytes
          ? `stored uploads hold ${formatMegabytes(status.storedBytes)} of the ${formatMegabytes(status.totalLimitBytes)} allowed: delete an upload first`
          : null;
    if (refusal) {
      setPhase({ kind: 'error', message: `${file.name} is ${formatMegabytes(file.size)}; ${refusal}.` });
      return;
    }
    setPhase({ kind: 'sending', sent: 0, total: file.size });
    try {
      const { status: code, body } = await send(
        file,
        (sent, total) => setPhase({ kind: 'sending', sent, total }),
        () => setPhase({ kind: 'reading' }),
      );
      if (code !== 200 && code !== 201) {
        setPhase({ kind: 'error', message: `${file.name}: ${String(body.detail ?? body.error ?? `error ${code}`)}` });
        return;
      }
      const stored = storedUpload(body, code);
      setPhase({ kind: 'done', stored });
      router.push(`/?ds=${encodeURIComponent(stored.id)}`, { scroll: false });
    } catch (e) {
      setPhase({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  };
  const busy = phase.kind === 'sending' || phase.kind === 'reading';
  return (
    <section aria-labelledby="upload-title" className="rounded border border-[var(--line)] p-3" data-testid="upload-panel">
      <h2 id="upload-title" className="font-semibold">
        Load a register
      </h2>
      {!status.enabled ? (
        <p role="alert" className="text-sm text-amber-700 dark:text-amber-400" data-testid="upload-disabled">
          {status.reason}
        </p>
      ) : (
        <div
          data-testid="drop-zone"
          onDragOver={(e) => {
            e.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={(e) => {
            e.preventDefault();
            setOver(false);
            void upload(e.dataTransfer.files[0]);
          }}
          className={`mt-2 flex flex-wrap items-center gap-2 rounded border-2 border-dashed p-4 text-sm ${over ? 'border-[var(--accent)] bg-[var(--panel)]' : 'border-[var(--line)]'}`}
        >
          <span>Drop a SIPRI export or a register (.csv) here, or</span>
          <button
            type="button"
            className="rounded border border-[var(--line)] px-2 py-0.5"
            onClick={() => input.current?.click()}
            disabled={busy}
          >
            choose a file
          </button>
          <input
            ref={input}
            type="file"
            accept=".csv,.txt,text/csv"
            className="sr-only"
            aria-label="Register file to load (.csv)"
            data-testid="file-input"
            onChange={(e) => void upload(e.target.files?.[0])}
          />
        </div>
      )}
      {status.enabled && (
        <p className="mt-1 text-xs text-[var(--muted)]" data-testid="upload-storage">
          What you load is private to this browser until you share its link. Stored uploads: {formatMegabytes(status.storedBytes)} of{' '}
          {formatMegabytes(status.totalLimitBytes)}; one file up to {formatMegabytes(status.limitBytes)}.
        </p>
      )}
      {phase.kind === 'sending' && (
        <div className="mt-2 text-sm">
          <progress className="w-full" max={phase.total || 1} value={phase.sent} data-testid="upload-progress" />
          Sending… {Math.round((100 * phase.sent) / (phase.total || 1))}%
        </div>
      )}
      {phase.kind === 'reading' && (
        <div className="mt-2 text-sm">
          <progress className="w-full" data-testid="upload-progress" /> Reading the register…
        </div>
      )}
      {phase.kind === 'error' && (
        <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-400" data-testid="upload-error">
          {phase.message}
        </p>
      )}
      {phase.kind === 'done' && <IngestReportView stored={phase.stored} />}
      {status.enabled && <SipriFetch />}
    </section>
  );
}
