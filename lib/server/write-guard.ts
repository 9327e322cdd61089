import 'server-only';
import { crossSiteRefusal, readOnlyRefusal } from '../view/write-policy';
import { apiError } from './api';
import { uploadsOff } from './data-dirs';

/**
 * The refusal of a write (upload, SIPRI fetch, deletion) that this server does not take: on a
 * read-only server, or sent by another site's page. Null when the write may go on.
 */
export function refusedWrite(request: Request): Response | null {
  const setting = uploadsOff();
  const refusal = setting.off
    ? readOnlyRefusal(setting.problem)
    : crossSiteRefusal(request.headers.get('origin'), [request.headers.get('x-forwarded-host'), request.headers.get('host')]);
  return refusal ? apiError(refusal.status, refusal.error, refusal.detail) : null;
}
