import 'server-only';
import { accessOfMeta, adminRefusal } from '../view/access';
import { apiError, json } from './api';
import { invalidateDatasets } from './load-datasets';
import { readMeta, writeMeta } from './uploads';
import { adminToken } from './viewer';
import { writer } from './write-guard';

/** POST /api/datasets/ID/publish and /unpublish: the admin lists an upload for everyone, or for its owners only. */
export async function setPublished(request: Request, id: string, published: boolean): Promise<Response> {
  const viewer = writer(request);
  if (viewer instanceof Response) return viewer;
  const refusal = adminRefusal(viewer, adminToken() !== null, viewer.presented);
  if (refusal) return apiError(refusal.status, refusal.error, refusal.detail);
  const meta = await readMeta(id);
  if (!meta) return apiError(404, 'unknown dataset', `no uploaded dataset "${id}": only uploads are published or not`);
  await writeMeta({ ...meta, ...accessOfMeta(meta), published });
  invalidateDatasets();
  return json({ id, published });
}
