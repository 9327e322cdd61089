import { guarded } from '@/lib/server/api';
import { setPublished } from '@/lib/server/publish';

export const dynamic = 'force-dynamic';

/** POST /api/datasets/ID/unpublish: the admin's (Authorization: Bearer ADMIN_TOKEN, or the /admin sign-in). */
export function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  return guarded(async () => setPublished(request, (await context.params).id, false));
}
