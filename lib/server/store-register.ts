import 'server-only';
import { join } from 'node:path';
import type { IngestReport } from '../domain/types';
import { formatMegabytes } from '../domain/format';
import { uploadReport } from '../ingest/upload-report';
import { apiError, json } from './api';
import { uploadsDir, uploadTotalLimitBytes } from './data-dirs';
import { ingestFile } from './held-ingests';
import { forgetIngest, primeUpload } from './load-datasets';
import { accessOfMeta } from '../view/access';
import {
  commitUpload,
  discardStaged,
  explainWriteError,
  forgetUploadsStatus,
  sha256Of,
  stageUpload,
  storedNow,
  uploadsStatus,
  writeMeta,
} from './uploads';
import { hashSecret, newSecret } from './viewer';

/** What storing a register answers: the upload's answer, or a refusal with its HTTP status. */
export type StoreResult =
  | { ok: true; status: 200 | 201; answer: StoredAnswer }
  | { ok: false; status: number; error: string; detail: string; extra?: Record<string, unknown> };

export type StoredAnswer = {
  id: string;
  name: string;
  format: IngestReport['format'];
  records: number;
  existing: boolean;
  /** Listed for everyone, or only for its owners (anyone with its link may still open it). */
  published: boolean;
  /** The upload's own secret, given once: `Authorization: Bearer TOKEN` lists it for its holder and lets them delete it. */
  token: string;
  /** Where it opens: the dashboard's address of it, the link to share. */
  link: string;
  report: ReturnType<typeof uploadReport>;
};

export type StoreOptions = {
  /** The dataset's name (the uploaded file's, or one made from the ingest report). */
  name: string | ((report: IngestReport) => string);
  /** A refusal of a register that reads but is not what the caller expects (the SIPRI fetch wants a delivery export). */
  expect?: (report: IngestReport) => { status: number; error: string; detail: string } | null;
  /** Whether a running server should list it at once (a command-line store has no listing to prime). */
  prime?: boolean;
  /**
   * Who stores it: the hashes of the secrets the request holds (they own the new upload, beside its
   * own token, and find their earlier upload of the same bytes), and whether it is listed for all.
   */
  owner: { keys: string[]; publish: boolean };
};

const STATUS_OF_ERROR = { empty: 400, binary: 415, 'not-a-register': 422, 'missing-columns': 422 } as const;

/**
 * Store a register's bytes as an upload: checked against the space left, written to a temporary
 * file while the ingest reads them, renamed into place with its metadata when the ingest accepts
 * them, left nowhere otherwise. Every upload and every SIPRI fetch goes through here.
 */
export async function storeRegister(bytes: Uint8Array, options: StoreOptions): Promise<StoreResult> {
  if (bytes.length === 0) return { ok: false, status: 400, error: 'empty', detail: 'the register is empty (0 bytes)' };
  const sha256 = sha256Of(bytes);
  const status = await uploadsStatus();
  const { keys, publish } = options.owner;
  const now = status.enabled ? await storedNow(sha256, options.owner) : null;
  const existing = now?.existing ?? null;
  if (now && !existing) {
    // Checked before any work, against what is on disk now (the listing may be a scan old).
    const [used, limit] = [now.bytes, uploadTotalLimitBytes()];
    if (used + bytes.length > limit)
      return {
        ok: false,
        status: 507,
        error: 'uploads full',
        detail: `stored uploads hold ${formatMegabytes(used)} of the ${formatMegabytes(limit)} allowed (UPLOAD_TOTAL_MB); this file needs ${formatMegabytes(bytes.length)}: delete an upload first`,
      };
  }
  // Disk and CPU in parallel: the bytes go to a temporary file while the register is read.
  const staged = status.enabled && !existing ? stageUpload(bytes) : null;
  // Once the file is open and its write submitted, the disk writes while the ingest holds the CPU.
  await staged?.catch(() => undefined);
  const ingested = ingestFile(bytes, sha256.slice(0, 16));
  const { report } = ingested;
  const refusal = report.error
    ? {
        status: STATUS_OF_ERROR[report.error.code],
        error: report.error.code,
        detail: report.error.message,
        extra: { line: report.error.line ?? null },
      }
    : (options.expect?.(report) ?? null);
  if (refusal) {
    if (staged) await discardStaged(staged);
    forgetIngest(ingested.info.version);
    return { ok: false, ...refusal };
  }
  if (!status.enabled) {
    forgetIngest(ingested.info.version);
    return { ok: false, status: 503, error: 'uploads unavailable', detail: status.reason ?? 'uploads are refused' };
  }
  const name = typeof options.name === 'function' ? options.name(report) : options.name;
  // Every answer gives a token of its own; the same file sent again by its owner adds one to it.
  const token = newSecret();
  const tokenKey = hashSecret(token);
  let meta;
  try {
    if (existing) {
      const access = accessOfMeta(existing);
      meta = { ...existing, ...access, published: access.published || publish, owners: [...access.owners, tokenKey] };
      await writeMeta(meta);
    } else {
      const access = { published: publish, owners: [tokenKey, ...keys] };
      meta = await commitUpload(staged ?? stageUpload(bytes), { size: bytes.length, name, sha256, access });
    }
  } catch (e) {
    if (staged) await discardStaged(staged);
    forgetIngest(ingested.info.version);
    forgetUploadsStatus();
    return { ok: false, status: 503, error: 'uploads unavailable', detail: explainWriteError(e) };
  }
  // Lists the new dataset at once (the next listing includes it without a rescan).
  if (options.prime !== false) await primeUpload(join(uploadsDir(), `${meta.id}.csv`), meta, ingested);
  const answer: StoredAnswer = {
    id: meta.id,
    name: meta.name,
    format: report.format,
    records: report.recordsRead,
    existing: existing !== null,
    published: meta.published ?? true,
    token,
    link: `/?ds=${meta.id}`,
    report: uploadReport(report),
  };
  return { ok: true, status: existing ? 200 : 201, answer };
}

/** A stored register's answer, as an upload and a SIPRI fetch both give it. */
export function storedResponse(result: StoreResult): Response {
  if (!result.ok) return apiError(result.status, result.error, result.detail, result.extra);
  return json(result.answer, result.status, { Location: result.answer.link, 'Cache-Control': 'no-store' });
}
