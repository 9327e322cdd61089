import { parseYearsRequest } from '@/lib/sipri/service';
import { apiError, guarded, json } from '@/lib/server/api';
import { fetchSipri, sipriProgress } from '@/lib/server/sipri-fetch';
import { storedResponse } from '@/lib/server/store-register';
import { uploadOwner } from '@/lib/server/upload-owner';
import { writer } from '@/lib/server/write-guard';

export const dynamic = 'force-dynamic';

/** GET /api/datasets/sipri: the fetch under way, if any (what the upload panel polls for its progress). */
export function GET() {
  return guarded(async () => json({ fetching: sipriProgress() }, 200, { 'Cache-Control': 'no-store' }));
}

/**
 * POST /api/datasets/sipri `{"from": 1950, "to": 2025}`: fetch SIPRI's deliveries of those years and
 * store them like an upload: private to the one asking, published when the admin asks.
 */
export function POST(request: Request) {
  return guarded(async () => {
    const viewer = writer(request, { counted: true });
    if (viewer instanceof Response) return viewer;
    const text = await request.text();
    let body: unknown;
    try {
      body = text.trim() === '' ? undefined : JSON.parse(text);
    } catch {
      return apiError(400, 'bad request', 'the body is not JSON; send {"from": 1950, "to": 2025}', { param: 'body' });
    }
    const years = parseYearsRequest(body, new Date().getUTCFullYear() - 1);
    if (!years.ok) return apiError(400, 'bad request', years.detail, { param: years.param });
    const { owner, withCookie } = uploadOwner(viewer, request, viewer.admin);
    return withCookie(storedResponse(await fetchSipri(years.from, years.to, { owner })));
  });
}
