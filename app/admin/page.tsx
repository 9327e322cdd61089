import { AdminUploads } from '@/components/AdminUploads';
import { listDatasets } from '@/lib/server/load-datasets';
import { adminToken, pageViewer } from '@/lib/server/viewer';
import type { Metadata } from 'next';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Admin · Arms transfers explorer' };

const SIGNIN_PROBLEMS: Record<string, string> = {
  wrong: 'That is not the admin token.',
  missing: 'Enter the admin token.',
  off: 'This server has no admin.',
};

/** The admin's page: a sign-in form, then every upload with publish, unpublish and delete. */
export default async function AdminPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { signin } = await searchParams;
  const viewer = await pageViewer();
  const problem = typeof signin === 'string' ? SIGNIN_PROBLEMS[signin] : undefined;
  const field = 'rounded border border-[var(--line)] bg-[var(--bg)] px-1 py-0.5';
  let body;
  if (adminToken() === null)
    body = (
      <p data-testid="admin-off">
        This server has no admin: ADMIN_TOKEN is not set in its environment. Uploads stay private to whoever made them, and nothing can be
        published or deleted on others’ behalf.
      </p>
    );
  else if (!viewer.admin)
    body = (
      <form method="post" action="/api/admin/session" className="flex flex-wrap items-end gap-2" data-testid="admin-signin">
        <label className="flex flex-col text-sm">
          Admin token
          <input type="password" name="token" autoComplete="current-password" required className={field} />
        </label>
        <button type="submit" className="rounded border border-[var(--line)] px-2 py-0.5">
          Sign in
        </button>
        {problem && (
          <p role="alert" className="w-full text-sm text-red-700 dark:text-red-400" data-testid="admin-problem">
            {problem}
          </p>
        )}
      </form>
    );
  else {
    const uploads = (await listDatasets(viewer))
      .filter((d) => d.origin === 'uploaded')
      .map((d) => ({ id: d.id, name: d.name, records: d.records, published: d.access?.published ?? true }));
    body = (
      <>
        <p className="text-sm">
          Signed in as the admin for 12 hours. A published upload is listed for everyone; an unpublished one only for its owners (and opens
          for anyone with its link).
        </p>
        <AdminUploads uploads={uploads} />
        <form method="post" action="/api/admin/session">
          <input type="hidden" name="action" value="signout" />
          <button type="submit" className="rounded border border-[var(--line)] px-2 py-0.5 text-sm">
            Sign out
          </button>
        </form>
      </>
    );
  }
  return (
    <main className="mx-auto flex max-w-4xl flex-col gap-4 px-4 py-4">
      <h1 className="text-2xl font-semibold">Admin</h1>
      {body}
    </main>
  );
}
