import 'server-only';
import { crossSiteRefusal, readOnlyRefusal } from '../view/write-policy';
import { apiError } from './api';
import { uploadsOff } from './data-dirs';
import { viewerOf, type RequestViewer } from './viewer';

/**
 * The refusal of a write (upload, SIPRI fetch, deletion, publishing) that this server does not
 * take: on a read-only server, or sent by another site's page. Null when the write may go on.
 */
export function refusedWrite(request: Request): Response | null {
  const setting = uploadsOff();
  const refusal = setting.off
    ? readOnlyRefusal(setting.problem)
    : crossSiteRefusal(request.headers.get('origin'), [request.headers.get('x-forwarded-host'), request.headers.get('host')]);
  return refusal ? apiError(refusal.status, refusal.error, refusal.detail) : null;
}

/** Who sent the request, or the 400 of a malformed Authorization header. */
export function requestViewer(request: Request): RequestViewer | Response {
  const viewer = viewerOf(request.headers);
  return viewer.problem ? apiError(400, 'bad request', viewer.problem, { param: 'Authorization' }) : viewer;
}
