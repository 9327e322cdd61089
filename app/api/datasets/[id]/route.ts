import { apiError, guarded, json } from '@/lib/server/api';
import { invalidateDatasets, listDatasets } from '@/lib/server/load-datasets';
import { deleteUpload, readMeta, UPLOAD_ID } from '@/lib/server/uploads';
import { accessOfMeta, deleteRefusal } from '@/lib/view/access';
import { writer } from '@/lib/server/write-guard';

export const dynamic = 'force-dynamic';

/**
 * DELETE /api/datasets/ID: remove an upload, for its owner (the browser that uploaded it, or its
 * token) or the admin; bundled and dropped files are not the API's to delete.
 */
export function DELETE(request: Request, context: { params: Promise<{ id: string }> }) {
  return guarded(async () => {
    const viewer = writer(request);
    if (viewer instanceof Response) return viewer;
    const { id } = await context.params;
    if (!UPLOAD_ID.test(id)) {
      // Bundled and data-folder datasets are listed for everyone: naming them tells nothing.
      const known = (await listDatasets('all')).find((d) => d.id === id && d.origin !== 'uploaded');
      if (known)
        return apiError(
          403,
          'forbidden',
          `"${id}" is ${known.origin === 'bundled' ? 'a bundled dataset' : 'a file in the data folder'}; only uploads can be deleted`,
        );
      return apiError(404, 'unknown dataset', `no uploaded dataset "${id}"`);
    }
    const meta = await readMeta(id);
    if (!meta) return apiError(404, 'unknown dataset', `no uploaded dataset "${id}"`);
    const refusal = deleteRefusal(id, accessOfMeta(meta), viewer);
    if (refusal) return apiError(refusal.status, refusal.error, refusal.detail);
    await deleteUpload(id);
    invalidateDatasets();
    return json({ deleted: id });
  });
}
