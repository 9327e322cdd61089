import type { DatasetInfo } from '../store/dataset';

/**
 * Who may see and change an upload: the rules, without IO. lib/server/viewer.ts turns a request's
 * cookies and Authorization header into a Viewer; the routes and pages ask these functions.
 */

/**
 * Who is asking. `keys`: the SHA-256 hashes of the secrets the request holds (the browser's owner
 * cookie, a bearer token), compared with the hashes an upload's metadata keeps; `admin`: it holds the
 * admin's token (or the cookie its sign-in set).
 */
export type Viewer = { keys: string[]; admin: boolean };

export const ANONYMOUS: Viewer = { keys: [], admin: false };

/**
 * What an upload's metadata says about who may see it. `published`: listed for everyone; `owners`:
 * hashes of the secrets that own it (the uploading browser's cookie, the token its answer returned).
 */
export type UploadAccess = { published: boolean; owners: string[] };

/**
 * The access of stored metadata. Uploads stored before access control have neither field: they
 * were listed for everyone, and stay so (published, owned by no one but the admin).
 */
export function accessOfMeta(meta: { published?: unknown; owners?: unknown }): UploadAccess {
  const owners = Array.isArray(meta.owners) ? meta.owners.filter((o): o is string => typeof o === 'string') : [];
  return { published: typeof meta.published === 'boolean' ? meta.published : true, owners };
}

export function owns(access: UploadAccess, viewer: Viewer): boolean {
  return viewer.keys.some((k) => access.owners.includes(k));
}

/**
 * Whether a dataset is listed for this viewer (the dataset picker, GET /api/datasets, the ids an
 * error names). Datasets that are not uploads (`null`: bundled, or in the data folder) always are.
 * One that is not listed still opens for anyone who names its id: the link is the share.
 */
export function isListed(access: UploadAccess | null, viewer: Viewer): boolean {
  return access === null || access.published || viewer.admin || owns(access, viewer);
}

/** What a viewer is told about an upload it sees in a listing. */
export type AccessLabel = NonNullable<DatasetInfo['access']>;

export function accessLabel(access: UploadAccess, viewer: Viewer): AccessLabel {
  return { published: access.published, yours: owns(access, viewer) };
}

export type AccessRefusal = { status: 401 | 403; error: string; detail: string };

/** Deleting an upload takes its owner's secret or the admin's: 401 with none, 403 with others. */
export function deleteRefusal(id: string, access: UploadAccess, viewer: Viewer): AccessRefusal | null {
  if (viewer.admin || owns(access, viewer)) return null;
  if (viewer.keys.length === 0)
    return {
      status: 401,
      error: 'unauthorized',
      detail: `deleting "${id}" needs its owner's token (Authorization: Bearer TOKEN, as its upload answered) or the browser that uploaded it`,
    };
  return {
    status: 403,
    error: 'forbidden',
    detail: `"${id}" is not yours to delete: only the browser or token that uploaded it${access.owners.length === 0 ? ' (it was stored before uploads had owners: only the admin)' : ''}, or the admin, may`,
  };
}

/** Publishing and unpublishing are the admin's: off without ADMIN_TOKEN, 401 without a token, 403 with another. */
export function adminRefusal(viewer: Viewer, adminConfigured: boolean, presented: boolean): AccessRefusal | null {
  if (viewer.admin) return null;
  if (!adminConfigured)
    return { status: 403, error: 'forbidden', detail: 'this server has no admin (ADMIN_TOKEN is not set): nothing can be published' };
  if (!presented)
    return {
      status: 401,
      error: 'unauthorized',
      detail: 'this takes the admin token: Authorization: Bearer ADMIN_TOKEN, or sign in at /admin',
    };
  return { status: 403, error: 'forbidden', detail: 'the token sent is not the admin token' };
}

/**
 * The token of an `Authorization` header: null when there is none; an error for any other scheme or
 * an empty token, so that a mistyped header is not silently taken as anonymous.
 */
export function bearerOf(header: string | null): { token: string | null } | { error: string } {
  if (header === null || header.trim() === '') return { token: null };
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header.trim());
  if (!match) return { error: 'the Authorization header must be "Bearer TOKEN" (the token an upload answered, or ADMIN_TOKEN)' };
  return { token: match[1] };
}

/** A cookie's value from a Cookie header, or null. */
export function cookieOf(header: string | null, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return null;
}

/** A dataset's name in a picker: an upload listed only for its owners says so (its owner may share it by mistake otherwise). */
export function pickerName(d: Pick<DatasetInfo, 'name' | 'access'>): string {
  return d.access && !d.access.published ? `${d.name} (private)` : d.name;
}
