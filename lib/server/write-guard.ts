import 'server-only';
import { crossSiteRefusal, readOnlyRefusal } from '../view/write-policy';
import { apiError } from './api';
import { uploadsOff } from './data-dirs';
import { refusedRate } from './rate-guard';
import { viewerOf, type RequestViewer } from './viewer';

/**
 * The refusal of a write (upload, SIPRI fetch, deletion, publishing) that this server does not
 * take: on a read-only server, or sent by another site's page. Null when the write may go on.
 */
function refusedWrite(request: Request): Response | null {
  const setting = uploadsOff();
  if (!setting.off) return refusedCrossSite(request);
  const refusal = readOnlyRefusal(setting.problem);
  return apiError(refusal.status, refusal.error, refusal.detail);
}

/** The 403 of a request sent by another site's page (its Origin against Host, or X-Forwarded-Host behind a proxy). */
export function refusedCrossSite(request: Request): Response | null {
  const refusal = crossSiteRefusal(request.headers.get('origin'), [request.headers.get('x-forwarded-host'), request.headers.get('host')]);
  return refusal ? apiError(refusal.status, refusal.error, refusal.detail) : null;
}

/** Who sent the request, or the 400 of a malformed Authorization header. */
export function requestViewer(request: Request): RequestViewer | Response {
  const viewer = viewerOf(request.headers);
  return viewer.problem ? apiError(400, 'bad request', viewer.problem, { param: 'Authorization' }) : viewer;
}

/**
 * Who makes this write (upload, SIPRI fetch, deletion, publishing), or the answer that refuses it:
 * a read-only server, another site's page, a malformed Authorization header, and for the writes
 * that read a register (`counted`: uploads and fetches) a client past UPLOAD_RATE_PER_MIN (the admin
 * is not counted).
 */
export function writer(request: Request, options: { counted?: boolean } = {}): RequestViewer | Response {
  const refused = refusedWrite(request);
  if (refused) return refused;
  const viewer = requestViewer(request);
  if (viewer instanceof Response || !options.counted || viewer.admin) return viewer;
  return refusedRate(request) ?? viewer;
}
