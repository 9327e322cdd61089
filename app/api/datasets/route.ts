import { apiError, guarded, json } from '@/lib/server/api';
import { uploadLimitBytes } from '@/lib/server/data-dirs';
import { corruptUploads, listDatasets } from '@/lib/server/load-datasets';
import { readUpload } from '@/lib/server/read-upload';
import { storedResponse, storeRegister } from '@/lib/server/store-register';
import { uploadLimits } from '@/lib/server/uploads';
import { refusedWrite } from '@/lib/server/write-guard';

export const dynamic = 'force-dynamic';

/** GET /api/datasets: every dataset, whether uploads are accepted (and why not), and damaged uploads. */
export function GET() {
  return guarded(async () => {
    const datasets = await listDatasets();
    return json({ datasets, uploads: await uploadLimits(datasets), corrupt: corruptUploads() });
  });
}

/** POST /api/datasets: store a register (multipart field `file`, or a raw text/csv body) and report what was read. */
export function POST(request: Request) {
  return guarded(async () => {
    const refused = refusedWrite(request);
    if (refused) return refused;
    const body = await readUpload(request, uploadLimitBytes());
    if (!body.ok) return apiError(body.status, body.error, body.detail);
    if (body.bytes.length === 0) return apiError(400, 'empty', 'the upload is empty (0 bytes)');
    return storedResponse(await storeRegister(body.bytes, { name: body.name }));
  });
}
