import { apiError, guarded, json } from '@/lib/server/api';
import { invalidateDatasets, listDatasets } from '@/lib/server/load-datasets';
import { deleteUpload, UPLOAD_ID } from '@/lib/server/uploads';
import { refusedWrite } from '@/lib/server/write-guard';

export const dynamic = 'force-dynamic';

/** DELETE /api/datasets/ID: remove an uploaded dataset; bundled and dropped files are not the API's to delete. */
export function DELETE(request: Request, context: { params: Promise<{ id: string }> }) {
  return guarded(async () => {
    const refused = refusedWrite(request);
    if (refused) return refused;
    const { id } = await context.params;
    if (!UPLOAD_ID.test(id)) {
      const known = (await listDatasets()).find((d) => d.id === id);
      if (known)
        return apiError(
          403,
          'forbidden',
          `"${id}" is ${known.origin === 'bundled' ? 'a bundled dataset' : 'a file in the data folder'}; only uploads can be deleted`,
        );
      return apiError(404, 'unknown dataset', `no uploaded dataset "${id}"`);
    }
    if (!(await deleteUpload(id))) return apiError(404, 'unknown dataset', `no uploaded dataset "${id}"`);
    invalidateDatasets();
    return json({ deleted: id });
  });
}
