import { apiError, guarded, json } from '@/lib/server/api';
import { refusedRate } from '@/lib/server/rate-guard';
import { adminCookie, adminSessionValue, adminToken, isAdminToken } from '@/lib/server/viewer';
import { refusedCrossSite } from '@/lib/server/write-guard';

export const dynamic = 'force-dynamic';

/**
 * POST /api/admin/session: the admin's sign-in (form field or JSON `token`, the ADMIN_TOKEN), which
 * sets an HttpOnly cookie for 12 hours; `action=signout` ends it. From the /admin form the answer is a
 * 303 back to it; from a script, JSON. Wrong tokens count against the upload rate limit, so that it
 * cannot be guessed at speed.
 */
export function POST(request: Request) {
  return guarded(async () => {
    // Not refused on a read-only server: signing in writes nothing (and every admin write is refused there anyway).
    const cross = refusedCrossSite(request);
    if (cross) return cross;
    const form = (request.headers.get('content-type') ?? '').includes('application/x-www-form-urlencoded');
    const body: unknown = form ? Object.fromEntries(new URLSearchParams(await request.text())) : await request.json().catch(() => null);
    // A JSON body that is not an object (null, a string) has no fields: "send the admin token as…".
    const fields = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
    const answer = (outcome: Outcome, cookie: string | null = null) => {
      const signedIn = outcome === 'in' || outcome === 'out';
      const response = form
        ? new Response(null, { status: 303, headers: { Location: signedIn ? '/admin' : `/admin?signin=${outcome}` } })
        : signedIn
          ? json({ admin: outcome === 'in' })
          : apiError(outcome === 'missing' ? 400 : 403, outcome === 'missing' ? 'bad request' : 'forbidden', MESSAGES[outcome]);
      if (cookie) response.headers.append('Set-Cookie', cookie);
      return response;
    };
    if (fields.action === 'signout') return answer('out', adminCookie(null, request));
    const token = adminToken();
    if (token === null) return answer('off');
    if (typeof fields.token !== 'string' || fields.token === '') return answer('missing');
    if (!isAdminToken(fields.token)) return refusedRate(request) ?? answer('wrong');
    return answer('in', adminCookie(adminSessionValue(token), request));
  });
}

type Outcome = 'in' | 'out' | 'off' | 'wrong' | 'missing';
const MESSAGES: Record<Exclude<Outcome, 'in' | 'out'>, string> = {
  off: 'this server has no admin (ADMIN_TOKEN is not set)',
  wrong: 'that is not the admin token',
  missing: 'send the admin token as the field "token"',
};
