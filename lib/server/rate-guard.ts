import 'server-only';
import { clientAddress, rateSetting, RateWindow } from '../view/rate-limit';
import { apiError } from './api';

// One window for the whole server (pages and route handlers each load this module), renewed when
// the setting changes (tests start servers with their own).
const shared = globalThis as typeof globalThis & { __armsRate?: { perMinute: number; window: RateWindow } };

/**
 * The 429 of an upload or SIPRI fetch past UPLOAD_RATE_PER_MIN from this client's address (the last
 * X-Forwarded-For entry, or TRUSTED_PROXIES from the end: README "Deploying"), with Retry-After.
 * Null when it may go on: every call counts, accepted or not, since reading a refused file costs
 * the server as much.
 */
export function refusedRate(request: Request): Response | null {
  const { perMinute, problem } = rateSetting(process.env.UPLOAD_RATE_PER_MIN);
  if (perMinute === 0) return null;
  if (shared.__armsRate?.perMinute !== perMinute) shared.__armsRate = { perMinute, window: new RateWindow(perMinute) };
  const hops = Math.max(1, Number(process.env.TRUSTED_PROXIES) || 1);
  const client = clientAddress(request.headers.get('x-forwarded-for'), hops);
  const taken = shared.__armsRate.window.take(client, Date.now());
  if (taken.ok) return null;
  const response = apiError(
    429,
    'too many requests',
    `at most ${perMinute} uploads and SIPRI fetches a minute from one address (UPLOAD_RATE_PER_MIN${problem ? `; ${problem}` : ''}); try again in ${taken.retryAfterS} s`,
    { retryAfter: taken.retryAfterS },
  );
  response.headers.set('Retry-After', String(taken.retryAfterS));
  return response;
}
