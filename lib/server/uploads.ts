import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { access, constants, mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { uploadedBytes, type DatasetInfo } from '../store/dataset';
import { scanIntervalMs, uploadLimitBytes, uploadsDir, uploadsOff, uploadTotalLimitBytes } from './data-dirs';
import { readOnlyRefusal } from '../view/write-policy';
import { accessOfMeta, type UploadAccess } from '../view/access';

/**
 * What is kept beside an uploaded file: its id, the name it was uploaded under, its size and hash,
 * and who may see it (`published`, and the hashes of its owners' secrets; both absent in metadata
 * written before uploads had owners: see accessOfMeta).
 */
export type UploadMeta = {
  id: string;
  name: string;
  size: number;
  sha256: string;
  uploadedAt: string;
  published?: boolean;
  owners?: string[];
};

/**
 * Upload ids: "u-" and 32 random hex digits (128 bits: knowing one is having been given the link).
 * Uploads stored before access control have "u-" and the first 16 hex digits of their content's
 * hash; they keep their ids. Nothing else ever reaches a path.
 */
export const UPLOAD_ID = /^u-(?:[0-9a-f]{32}|[0-9a-f]{16})$/;
const LEGACY_ID = /^u-[0-9a-f]{16}$/;

export function newUploadId(): string {
  return `u-${randomBytes(16).toString('hex')}`;
}

/** Whether stored bytes still are the upload's: their hash is the one kept (and, for an old id, the one it was made from). */
export function contentMatches(meta: UploadMeta, sha256: string): boolean {
  return meta.sha256 === sha256 && (!LEGACY_ID.test(meta.id) || meta.id === `u-${sha256.slice(0, 16)}`);
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A display name from a client-supplied file name: no folders, no control characters, bounded. */
export function safeName(raw: string | null | undefined): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  const clean = base
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim()
    .slice(0, 120);
  return clean || 'uploaded register';
}

function pathsOf(id: string) {
  if (!UPLOAD_ID.test(id)) throw new Error(`invalid upload id ${JSON.stringify(id)}`);
  const dir = uploadsDir();
  return { csv: join(dir, `${id}.csv`), meta: join(dir, `${id}.json`) };
}

/**
 * A temporary file being written: opened, with all its bytes handed to the disk in one write that the
 * thread pool carries out on its own. It is not listed until renamed.
 */
export type StagedFile = { finish: () => Promise<string>; discard: () => Promise<void> };

/** Open a new temporary file and submit its bytes; `finish` waits for them, fsyncs and closes it. */
async function startTemporary(bytes: Uint8Array): Promise<StagedFile> {
  const dir = uploadsDir();
  await mkdir(dir, { recursive: true });
  const tmp = join(dir, `.tmp-${process.pid}-${randomBytes(6).toString('hex')}`);
  const handle = await open(tmp, 'wx');
  // One write call for the whole buffer (looped only if the kernel writes part of it): each call
  // needs the main thread to issue the next, and FileHandle.writeFile's 512 KiB chunks made the
  // write wait for the register's ingest, which holds that thread, instead of running beside it.
  const written = (async () => {
    for (let at = 0; at < bytes.length;) {
      const { bytesWritten } = await handle.write(bytes, at, bytes.length - at, at);
      if (bytesWritten === 0) throw Object.assign(new Error('the disk took no bytes'), { code: 'ENOSPC' });
      at += bytesWritten;
    }
  })();
  written.catch(() => undefined); // reported by finish or discard
  const discard = async () => {
    await written.catch(() => undefined);
    await handle.close().catch(() => undefined);
    await rm(tmp, { force: true });
  };
  const finish = async () => {
    try {
      await written;
      await handle.sync();
    } catch (e) {
      // A full disk leaves a partial file: remove it, or it would keep the space until swept.
      await discard();
      throw e;
    }
    await handle.close();
    return tmp;
  };
  return { finish, discard };
}

/** Write bytes to a new temporary file and fsync it; it is not listed until renamed. */
async function writeTemporary(bytes: Uint8Array): Promise<string> {
  return (await startTemporary(bytes)).finish();
}

async function syncDir(): Promise<void> {
  const dirHandle = await open(uploadsDir(), 'r');
  try {
    await dirHandle.sync();
  } finally {
    await dirHandle.close();
  }
}

/** Write a file so that a crash leaves either nothing or the whole file: temporary file, fsync, rename. */
async function writeAtomic(path: string, bytes: Uint8Array): Promise<void> {
  await rename(await writeTemporary(bytes), path);
  await syncDir();
}

/**
 * Start writing an upload's bytes to disk before they are validated, so that the disk works while
 * the CPU reads the register: await it before the ingest (the file is then open and its write
 * submitted), then commit (renamed into place) or discard it. A failure is reported by either.
 */
export function stageUpload(bytes: Uint8Array): Promise<StagedFile> {
  const staged = startTemporary(bytes);
  staged.catch(() => undefined);
  return staged;
}

export async function discardStaged(staged: Promise<StagedFile>): Promise<void> {
  const file = await staged.catch(() => null);
  if (file) await file.discard();
}

/** Whether uploads are stored (and why not); `off`: the server is read-only by its setting, and shows no upload panel. */
type UploadsStatus = { enabled: boolean; reason: string | null; off: boolean };

// Asked by every dashboard view; answered from the last check for as long as a scan of the data
// folders serves (DATA_SCAN_MS). Before the first upload creates the folder, each check failed its
// way up the path with ENOENT errors: ~0.3 ms of every page.
let lastStatus: { at: number; status: Promise<UploadsStatus> } | null = null;

/** Whether uploads can be stored, and if not, why (read-only, missing and uncreatable, full…). */
export function uploadsStatus(): Promise<UploadsStatus> {
  if (lastStatus && Date.now() - lastStatus.at < scanIntervalMs()) return lastStatus.status;
  lastStatus = { at: Date.now(), status: checkUploadsStatus() };
  return lastStatus.status;
}

/**
 * What the upload panel and GET /api/datasets tell: whether uploads are stored (and why not), the
 * largest file, and what the stored uploads among these listed datasets hold against their limit.
 */
export async function uploadLimits(listed: DatasetInfo[]) {
  return {
    ...(await uploadsStatus()),
    limitBytes: uploadLimitBytes(),
    storedBytes: uploadedBytes(listed),
    totalLimitBytes: uploadTotalLimitBytes(),
  };
}

/** Check again at the next question (after a write failed, or the folders changed). */
export function forgetUploadsStatus(): void {
  lastStatus = null;
}

async function checkUploadsStatus(): Promise<UploadsStatus> {
  const setting = uploadsOff();
  if (setting.off) return { enabled: false, reason: readOnlyRefusal(setting.problem).detail, off: true };
  // One access() call, and nothing created (the first upload creates the folders). A folder not
  // there yet counts as writable when its nearest parent is.
  let dir = uploadsDir();
  for (;;) {
    try {
      await access(dir, constants.W_OK);
      return { enabled: true, reason: null, off: false };
    } catch (e) {
      const parent = dirname(dir);
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT' || parent === dir)
        return { enabled: false, reason: explainWriteError(e), off: false };
      dir = parent;
    }
  }
}

/** A write failure in words a person can act on. */
export function explainWriteError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOSPC'
      ? 'the disk is full'
      : code === 'EROFS' || code === 'EACCES' || code === 'EPERM'
        ? `it is read-only, ${code}`
        : code === 'ENOENT' || code === 'ENOTDIR'
          ? `it is missing and cannot be created, ${code}`
          : (code ?? String(e));
  return `uploads are refused: the data directory ${uploadsDir()} cannot be written (${why})`;
}

/**
 * What is stored now, read from disk (a listing may be a scan old): the bytes the uploads hold, and
 * the upload with this content that one of these owners' secrets owns, if any (the same file sent
 * again by its owner answers with it; sent by someone else, it is a new upload of theirs), or that
 * is published, when published is what is asked.
 */
export async function storedNow(
  sha256: string,
  owner: { keys: string[]; publish: boolean },
): Promise<{ bytes: number; existing: UploadMeta | null }> {
  const uploads = await listUploads();
  // Something to publish is the published copy already there, whoever stored it.
  const same = (meta: UploadMeta) => {
    const access = accessOfMeta(meta);
    return (owner.publish && access.published) || access.owners.some((o) => owner.keys.includes(o));
  };
  const existing = uploads.find((u) => u.meta.sha256 === sha256 && same(u.meta));
  return { bytes: uploads.reduce((sum, u) => sum + u.size, 0), existing: existing?.meta ?? null };
}

/**
 * Store an upload: the bytes as received (already staged), then its metadata; the metadata's
 * presence lists it, so a crash between the two leaves an unlisted file, never a half-listed one.
 */
export async function commitUpload(
  staged: Promise<StagedFile>,
  upload: { size: number; name: string; sha256: string; access: UploadAccess },
): Promise<UploadMeta> {
  const id = newUploadId();
  const paths = pathsOf(id);
  const { size, sha256, access } = upload;
  const meta: UploadMeta = { id, name: safeName(upload.name), size, sha256, uploadedAt: new Date().toISOString(), ...access };
  await rename(await (await staged).finish(), paths.csv);
  await writeMeta(meta);
  return meta;
}

/** Rewrite an upload's metadata whole (a new owner's token, published or not): a crash leaves the old or the new. */
export async function writeMeta(meta: UploadMeta): Promise<void> {
  await writeAtomic(pathsOf(meta.id).meta, Buffer.from(JSON.stringify(meta, null, 2)));
}

/** An upload's stored metadata, or null when there is no such upload (or its id is not an upload id). */
export async function readMeta(id: string): Promise<UploadMeta | null> {
  if (!UPLOAD_ID.test(id)) return null;
  try {
    const meta = JSON.parse(await readFile(pathsOf(id).meta, 'utf8')) as UploadMeta;
    return meta.id === id && typeof meta.sha256 === 'string' ? meta : null;
  } catch {
    return null;
  }
}

/** Remove an upload: metadata first, so that it is never listed half-deleted. */
export async function deleteUpload(id: string): Promise<void> {
  const paths = pathsOf(id);
  await rm(paths.meta, { force: true });
  await rm(paths.csv, { force: true });
}

/** Uploads with complete metadata and file; leftovers of interrupted writes are ignored (and swept). */
export async function listUploads(): Promise<{ meta: UploadMeta; path: string; mtimeMs: number; size: number }[]> {
  const dir = uploadsDir();
  const names = await readdir(dir).catch(() => [] as string[]);
  // Read concurrently: one upload after another, a scan of hundreds of uploads took ~0.5 ms each.
  const ids = names.map((n) => n.replace(/\.json$/, '')).filter((id, i) => names[i].endsWith('.json') && UPLOAD_ID.test(id));
  const found = await Promise.all(
    ids.map(async (id) => {
      const [meta, s] = await Promise.all([readMeta(id), stat(pathsOf(id).csv).catch(() => null)]);
      return meta && s?.isFile() ? { meta, path: pathsOf(id).csv, mtimeMs: s.mtimeMs, size: s.size } : null;
    }),
  );
  const out = found.filter((u) => u !== null);
  // Temporary files older than a minute belong to writes that died.
  for (const n of names.filter((x) => x.startsWith('.tmp-'))) {
    const s = await stat(join(dir, n)).catch(() => null);
    if (s && Date.now() - s.mtimeMs > 60_000) await rm(join(dir, n), { force: true }).catch(() => undefined);
  }
  return out;
}
