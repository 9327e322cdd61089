'use client';

import { useRef, useState } from 'react';

/** Who can see a stored upload, and its link to copy: the link is how a private upload is shared. */
export function ShareLink({ id, published, testId }: { id: string; published: boolean; testId: string }) {
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<string | null>(null);
  // The address as the reader's browser sees it (behind a proxy the server may not know it). Shown
  // only after an upload in this browser, never rendered on the server.
  const path = `/?ds=${encodeURIComponent(id)}`;
  const url = typeof window === 'undefined' ? path : `${window.location.origin}${path}`;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('Link copied.');
    } catch {
      // No clipboard outside a secure context (plain http to another machine): select it for the reader.
      field.current?.select();
      setCopied('Selected: press Ctrl+C (⌘C) to copy.');
    }
  };
  return (
    <div className="mt-2 text-sm" data-testid={`${testId}-share`}>
      <p>
        {published
          ? 'Listed for everyone who opens this server.'
          : 'Private: listed only in this browser. Anyone you give this link to can open it (and cannot delete it):'}
      </p>
      <div className="mt-1 flex flex-wrap items-center gap-2">
        <input
          ref={field}
          readOnly
          value={url}
          aria-label="Link to this dataset"
          className="min-w-0 flex-1 rounded border border-[var(--line)] bg-[var(--bg)] px-1 py-0.5 font-mono text-xs"
          data-testid={`${testId}-link`}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" className="rounded border border-[var(--line)] px-2 py-0.5" onClick={() => void copy()}>
          Copy link
        </button>
        <span role="status" className="text-xs text-[var(--muted)]">
          {copied}
        </span>
      </div>
    </div>
  );
}
