import { json } from '@/lib/server/api';

export const dynamic = 'force-dynamic';

/** GET /api/health: the server is up, with its memory use (tests check it returns to baseline after load). */
export function GET() {
  // Tests start the server with --expose-gc and ARMS_EXPOSE_GC=1 to measure memory after a collection.
  const gc = (globalThis as { gc?: () => void }).gc;
  if (process.env.ARMS_EXPOSE_GC === '1' && gc) gc();
  const m = process.memoryUsage();
  return json({
    ok: true,
    uptimeSeconds: Math.round(process.uptime()),
    memory: { rss: m.rss, heapUsed: m.heapUsed, external: m.external, arrayBuffers: m.arrayBuffers },
  });
}
