import { apiError, guarded, json } from '@/lib/server/api';
import { uploadLimitBytes } from '@/lib/server/data-dirs';
import { corruptUploads, listDatasets } from '@/lib/server/load-datasets';
import { readUpload } from '@/lib/server/read-upload';
import { storedResponse, storeRegister } from '@/lib/server/store-register';
import { uploadOwner } from '@/lib/server/upload-owner';
import { uploadLimits } from '@/lib/server/uploads';
import { requestViewer, writer } from '@/lib/server/write-guard';

export const dynamic = 'force-dynamic';

/**
 * GET /api/datasets: the datasets listed for the one asking (bundled, data folder, published
 * uploads and their own), whether uploads are accepted (and why not), and damaged uploads among them.
 */
export function GET(request: Request) {
  return guarded(async () => {
    const viewer = requestViewer(request);
    if (viewer instanceof Response) return viewer;
    const datasets = await listDatasets(viewer);
    const uploads = await uploadLimits(await listDatasets('all'));
    return json({ datasets, uploads, admin: viewer.admin, corrupt: corruptUploads(viewer) }, 200, { 'Cache-Control': 'private, no-cache' });
  });
}

/**
 * POST /api/datasets: store a register (multipart field `file`, or a raw text/csv body), private to
 * the one sending it, and report what was read, with the upload's token and link.
 */
export function POST(request: Request) {
  return guarded(async () => {
    const viewer = writer(request, { counted: true });
    if (viewer instanceof Response) return viewer;
    const body = await readUpload(request, uploadLimitBytes());
    if (!body.ok) return apiError(body.status, body.error, body.detail);
    if (body.bytes.length === 0) return apiError(400, 'empty', 'the upload is empty (0 bytes)');
    const { owner, withCookie } = uploadOwner(viewer, request, false);
    return withCookie(storedResponse(await storeRegister(body.bytes, { name: body.name, owner })));
  });
}
