'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';

export type AdminUpload = { id: string; name: string; records: number; published: boolean };

/** The admin's table of every upload: publish (list for everyone), unpublish, delete. */
export function AdminUploads({ uploads }: { uploads: AdminUpload[] }) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const act = async (upload: AdminUpload, action: 'publish' | 'unpublish' | 'delete') => {
    if (action === 'delete' && !window.confirm(`Delete “${upload.name}” (${upload.id})? This cannot be undone.`)) return;
    const res = await fetch(action === 'delete' ? `/api/datasets/${upload.id}` : `/api/datasets/${upload.id}/${action}`, {
      method: action === 'delete' ? 'DELETE' : 'POST',
    }).catch(() => null);
    const body = res ? await res.json().catch(() => ({})) : {};
    setMessage(
      res?.ok
        ? `${upload.name}: ${action === 'delete' ? 'deleted' : action === 'publish' ? 'listed for everyone' : 'listed for its owners only'}.`
        : `${upload.name}: ${String(body.detail ?? (res ? `error ${res.status}` : 'the server could not be reached'))}`,
    );
    router.refresh();
  };
  if (uploads.length === 0) return <p data-testid="admin-uploads">No uploads are stored.</p>;
  return (
    <div>
      {/* At phone width the ids break and the table scrolls in its own box, never the page. */}
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm" data-testid="admin-uploads">
          <caption className="sr-only">Stored uploads</caption>
          <thead>
            <tr>
              <th scope="col">Upload</th>
              <th scope="col">Records</th>
              <th scope="col">Listed for</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {uploads.map((u) => (
              <tr key={u.id} className="border-t border-[var(--line)]" data-id={u.id}>
                <td className="py-1">
                  <a href={`/?ds=${u.id}`} className="underline">
                    {u.name}
                  </a>{' '}
                  <span className="block font-mono text-xs break-all text-[var(--muted)]">{u.id}</span>
                </td>
                <td>{u.records.toLocaleString('en-GB')}</td>
                <td>{u.published ? 'everyone' : 'its owners'}</td>
                <td className="flex flex-wrap gap-1 py-1">
                  <button
                    type="button"
                    className="rounded border border-[var(--line)] px-2 py-0.5"
                    onClick={() => void act(u, u.published ? 'unpublish' : 'publish')}
                  >
                    {u.published ? 'Unpublish' : 'Publish'}
                  </button>
                  <button type="button" className="rounded border border-[var(--line)] px-2 py-0.5" onClick={() => void act(u, 'delete')}>
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p role="status" className="mt-2 text-sm" data-testid="admin-message">
        {message}
      </p>
    </div>
  );
}
