import { formatMegabytes } from '@/lib/format';
import { uploadReport } from '@/lib/upload-report';
import { apiError, guarded, json } from '@/lib/server/api';
import { uploadLimitBytes, uploadsDir, uploadTotalLimitBytes } from '@/lib/server/data-dirs';
import { ingestFile } from '@/lib/server/held-ingests';
import { corruptUploads, forgetIngest, listDatasets, primeUpload } from '@/lib/server/load-datasets';
import { join } from 'node:path';
import { readUpload } from '@/lib/server/read-upload';
import {
  commitUpload,
  discardStaged,
  existingUpload,
  explainWriteError,
  forgetUploadsStatus,
  sha256Of,
  stageUpload,
  storedUploadBytes,
  uploadIdOf,
  uploadLimits,
  uploadsStatus,
} from '@/lib/server/uploads';

export const dynamic = 'force-dynamic';

/** GET /api/datasets: every dataset, whether uploads are accepted (and why not), and damaged uploads. */
export function GET() {
  return guarded(async () => {
    const datasets = await listDatasets();
    return json({ datasets, uploads: await uploadLimits(datasets), corrupt: corruptUploads() });
  });
}

const STATUS_OF_ERROR = { empty: 400, binary: 415, 'not-a-register': 422, 'missing-columns': 422 } as const;

/** POST /api/datasets: store a register (multipart field `file`, or a raw text/csv body) and report what was read. */
export function POST(request: Request) {
  return guarded(async () => {
    const body = await readUpload(request, uploadLimitBytes());
    if (!body.ok) return apiError(body.status, body.error, body.detail);
    if (body.bytes.length === 0) return apiError(400, 'empty', 'the upload is empty (0 bytes)');
    const sha256 = sha256Of(body.bytes);
    const status = await uploadsStatus();
    const existing = status.enabled ? await existingUpload(sha256) : null;
    if (status.enabled && !existing) {
      // Checked before any work, against what is on disk now (the listing may be a scan old).
      const [used, limit] = [await storedUploadBytes(), uploadTotalLimitBytes()];
      if (used + body.bytes.length > limit)
        return apiError(
          507,
          'uploads full',
          `stored uploads hold ${formatMegabytes(used)} of the ${formatMegabytes(limit)} allowed (UPLOAD_TOTAL_MB); this file needs ${formatMegabytes(body.bytes.length)}: delete an upload first`,
        );
    }
    // Disk and CPU in parallel: the bytes go to a temporary file while the register is read.
    const staged = status.enabled && !existing ? stageUpload(body.bytes) : null;
    // Once the file is open and its write submitted, the disk writes while the ingest holds the CPU.
    await staged?.catch(() => undefined);
    const ingested = ingestFile(body.bytes, sha256.slice(0, 16));
    const { report } = ingested;
    if (report.error) {
      if (staged) await discardStaged(staged);
      return apiError(STATUS_OF_ERROR[report.error.code], report.error.code, report.error.message, { line: report.error.line ?? null });
    }
    if (!status.enabled) {
      forgetIngest(ingested.info.version);
      return apiError(503, 'uploads unavailable', status.reason ?? 'uploads are refused');
    }
    let stored;
    try {
      stored = await commitUpload(staged ?? stageUpload(body.bytes), body.bytes.length, body.name, sha256);
    } catch (e) {
      if (staged) await discardStaged(staged);
      forgetIngest(ingested.info.version);
      forgetUploadsStatus();
      return apiError(503, 'uploads unavailable', explainWriteError(e));
    }
    // Lists the new dataset at once (the next listing includes it without a rescan).
    await primeUpload(join(uploadsDir(), `${stored.meta.id}.csv`), stored.meta, ingested);
    const answer = {
      id: uploadIdOf(sha256),
      name: stored.meta.name,
      format: report.format,
      records: report.recordsRead,
      existing: stored.existed,
      report: uploadReport(report),
    };
    return json(answer, stored.existed ? 200 : 201, { Location: `/?ds=${answer.id}` });
  });
}
